package io.thalamus.telemetry;

import io.thalamus.network.spi.TelemetryListener;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficSeries;
import io.thalamus.telemetry.kafka.EmbeddedKafka;
import io.thalamus.telemetry.kafka.TelemetryTopics;
import io.thalamus.telemetry.metrics.PipelineMetrics;
import io.thalamus.telemetry.opcua.CollectorSettings;
import io.thalamus.telemetry.opcua.ElementSimulator;
import io.thalamus.telemetry.opcua.OpcUaCollector;
import io.thalamus.telemetry.replay.LinkLoads;
import io.thalamus.telemetry.replay.SyntheticTraffic;
import io.thalamus.telemetry.sample.SamplePublisher;
import io.thalamus.telemetry.streams.LinkCatalog;
import io.thalamus.telemetry.streams.LinkStatsApplier;
import io.thalamus.telemetry.streams.PipelineSettings;
import io.thalamus.telemetry.streams.AnomalyScorer;
import io.thalamus.telemetry.streams.RobustZScore;
import io.thalamus.telemetry.streams.StreamsRunner;
import io.thalamus.telemetry.streams.TelemetryTopology;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The telemetry pipeline as one object for the application to start and stop: the embedded Kafka
 * broker (unless {@code bootstrap.servers} is given), the topics, the Streams topology, the consumer
 * that feeds link statistics to a {@link TelemetryListener} (the twin), and by default the OPC UA
 * element simulator replaying a series over the topology with a collector subscribed to it. Closing
 * stops everything in reverse order.
 */
public final class TelemetryService implements AutoCloseable {

    /**
     * What to start.
     *
     * @param topology          the network whose links are measured
     * @param series            traffic to replay in the element simulator; null = a synthetic diurnal series
     * @param stateDir          folder for the broker's log ({@code kafka/}) and Streams state ({@code telemetry-streams/})
     * @param bootstrapServers  an external Kafka cluster, or null for the embedded broker
     * @param simulateElements  start the element simulator and a collector subscribed to it
     * @param stepInterval      wall-clock time between two simulator steps (one series step each)
     * @param opcuaPort         simulator port on 127.0.0.1, 0 = any free port
     * @param opcuaEndpoints    further OPC UA servers to collect from
     * @param pipeline          windows and anomaly settings
     * @param collector         OPC UA subscription settings
     * @param samplePartitions  partitions of the telemetry topics when they are created
     */
    public record Options(Topology topology, TrafficSeries series, Path stateDir, String bootstrapServers,
                          boolean simulateElements, Duration stepInterval, int opcuaPort, List<String> opcuaEndpoints,
                          PipelineSettings pipeline, CollectorSettings collector, int samplePartitions) {

        public Options {
            Objects.requireNonNull(topology, "topology");
            Objects.requireNonNull(stateDir, "stateDir");
            opcuaEndpoints = List.copyOf(opcuaEndpoints);
            if (stepInterval.isZero() || stepInterval.isNegative()) {
                throw new IllegalArgumentException("stepInterval must be positive, got " + stepInterval);
            }
            if (samplePartitions < 1) {
                throw new IllegalArgumentException("samplePartitions must be >= 1, got " + samplePartitions);
            }
        }

        /** Embedded broker, simulator with a synthetic series stepping every second, default windows. */
        public static Options defaults(Topology topology, Path stateDir) {
            return new Options(topology, null, stateDir, null, true, Duration.ofSeconds(1), 0, List.of(),
                    PipelineSettings.defaults(), CollectorSettings.defaults(), 2);
        }

        /** These options with a series to replay. */
        public Options withSeries(TrafficSeries s) {
            return new Options(topology, s, stateDir, bootstrapServers, simulateElements, stepInterval, opcuaPort,
                    opcuaEndpoints, pipeline, collector, samplePartitions);
        }

        /** These options against an external cluster ({@code null} = embedded). */
        public Options withBootstrapServers(String servers) {
            return new Options(topology, series, stateDir, servers, simulateElements, stepInterval, opcuaPort,
                    opcuaEndpoints, pipeline, collector, samplePartitions);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryService.class);

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final PipelineMetrics metrics = new PipelineMetrics();
    private String bootstrapServers;
    private ElementSimulator simulator;
    private OpcUaCollector collector;
    private StreamsRunner streams;
    private LinkStatsApplier applier;

    private TelemetryService() {
    }

    /** Starts the pipeline with the built-in robust z-score; on failure, what was started is stopped again and the error is thrown. */
    public static TelemetryService start(Options o, TelemetryListener listener) {
        return start(o, listener, new RobustZScore(10));
    }

    /** Starts the pipeline scoring closed windows with {@code scorer}; on failure, what was started is stopped again. */
    public static TelemetryService start(Options o, TelemetryListener listener, AnomalyScorer scorer) {
        TelemetryService s = new TelemetryService();
        try {
            s.startAll(o, listener, scorer);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void startAll(Options o, TelemetryListener listener, AnomalyScorer scorer) {
        long t0 = System.nanoTime();
        // the OPC UA server starts while the broker does: both take seconds, mostly class loading
        CompletableFuture<ElementSimulator> simulatorStart = !o.simulateElements() ? null : CompletableFuture.supplyAsync(() -> {
            TrafficSeries series = o.series() != null ? o.series()
                    : SyntheticTraffic.diurnal(o.topology(), 288, Duration.ofMinutes(5), Instant.parse("2026-01-01T00:00:00Z"), 0.6, 1);
            return new ElementSimulator(LinkLoads.route(o.topology(), series), o.opcuaPort()).startServer();
        });
        try {
            startPipeline(o, listener, scorer, t0);
        } finally {
            if (simulatorStart != null) {
                try {
                    simulator = simulatorStart.join();
                    closeables.add(simulator);
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
            }
        }
        startCollectors(o, t0);
    }

    private void startPipeline(Options o, TelemetryListener listener, AnomalyScorer scorer, long t0) {
        int replication = 1;
        if (o.bootstrapServers() == null) {
            EmbeddedKafka kafka = EmbeddedKafka.start(o.stateDir().resolve("kafka"));
            closeables.add(kafka);
            bootstrapServers = kafka.bootstrapServers();
        } else {
            bootstrapServers = o.bootstrapServers();
            replication = -1; // the cluster's default.replication.factor
        }
        LOG.info("telemetry: Kafka at {} ({} ms)", bootstrapServers, ms(t0));
        TelemetryTopics.create(bootstrapServers, o.samplePartitions(), (short) replication);
        LOG.info("telemetry: topics ready ({} ms)", ms(t0));
        streams = new StreamsRunner(TelemetryTopology.build(new LinkCatalog(o.topology()), o.pipeline(),
                scorer, metrics), "thalamus-telemetry", bootstrapServers,
                o.stateDir().resolve("telemetry-streams"), replication, Map.of());
        closeables.add(streams);
        streams.start(Duration.ofSeconds(60));
        LOG.info("telemetry: Streams {} ({} ms)", streams.state(), ms(t0));
        metrics.bindStreams(streams);
        applier = new LinkStatsApplier(bootstrapServers, "thalamus-twin", listener, metrics::latency);
        closeables.add(applier);
        metrics.bindApplier(applier);
    }

    private void startCollectors(Options o, long t0) {
        List<String> endpoints = new ArrayList<>(o.opcuaEndpoints());
        if (simulator != null) {
            endpoints.add(simulator.endpointUrl());
        }
        if (!endpoints.isEmpty()) {
            SamplePublisher publisher = new SamplePublisher(bootstrapServers, 10_000);
            closeables.add(publisher);
            metrics.bindPublisher("opcua", publisher);
            collector = new OpcUaCollector(endpoints, o.collector(), publisher).start();
            closeables.add(collector);
            metrics.bindCollector(collector.counters());
        }
        LOG.info("telemetry: collectors subscribed to {} ({} ms)", endpoints, ms(t0));
        if (simulator != null) {
            simulator.step();
            simulator.startTicking(o.stepInterval());
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The Kafka cluster in use (the embedded broker's address when embedded). */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The element simulator's OPC UA endpoint, when it runs. */
    public Optional<String> simulatorEndpoint() {
        return Optional.ofNullable(simulator).map(ElementSimulator::endpointUrl);
    }

    /** Self-metrics in Prometheus text format. */
    public String prometheusText() {
        return metrics.prometheusText();
    }

    public PipelineMetrics metrics() {
        return metrics;
    }

    /** Link statistics handed to the listener so far. */
    public long linkStatisticsApplied() {
        return applier == null ? 0 : applier.applied();
    }

    /** Stops everything that was started, newest first. */
    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        closeables.clear();
    }
}
