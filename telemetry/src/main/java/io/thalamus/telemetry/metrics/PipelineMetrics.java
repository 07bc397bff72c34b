package io.thalamus.telemetry.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.thalamus.telemetry.opcua.CollectorCounters;
import io.thalamus.telemetry.sample.SamplePublisher;
import io.thalamus.telemetry.streams.AnomalyEvent;
import io.thalamus.telemetry.streams.LinkStatsApplier;
import io.thalamus.telemetry.streams.PipelineEvents;
import io.thalamus.telemetry.streams.StreamsRunner;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Self-metrics of the telemetry pipeline in a Micrometer Prometheus registry: samples in (acknowledged
 * by Kafka) and out (accepted into windows, link statistics applied), drops at every stage, dead
 * letters, anomalies, the Streams consumer lag and end-to-end latency (sample timestamp to the link
 * statistics record reaching the listener). Rates per second are {@code rate(..._total[1m])} in
 * Prometheus; {@link #prometheusText()} is the scrape body.
 */
public final class PipelineMetrics implements PipelineEvents {

    private static final String P = "thalamus_telemetry_";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter accepted;
    private final Counter skipped;
    private final Counter deadLetters;
    private final Counter anomalies;
    private final Timer latency;

    /** An empty registry with the Streams-side counters and the latency timer. */
    public PipelineMetrics() {
        accepted = Counter.builder(P + "samples_accepted").description("Samples accepted into the link windows").register(registry);
        skipped = Counter.builder(P + "samples_skipped").description("Well-formed samples that are not link utilisation").register(registry);
        deadLetters = Counter.builder(P + "dead_letters").description("Records sent to the dead-letter topic").register(registry);
        anomalies = Counter.builder(P + "anomalies").description("Anomalies emitted").register(registry);
        latency = Timer.builder(P + "end_to_end_latency")
                .description("Sample timestamp to link statistics applied to the listener")
                .publishPercentiles(0.5, 0.95, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(1))
                .register(registry);
    }

    /** Counts what a sample publisher did, under {@code source} (e.g. {@code opcua}, {@code replay}). */
    public void bindPublisher(String source, SamplePublisher publisher) {
        fn(P + "samples_in", "Samples acknowledged by Kafka", source, publisher, SamplePublisher::acked);
        fn(P + "samples_offered", "Samples offered to the publisher", source, publisher, SamplePublisher::offered);
        fn(P + "samples_dropped", "Samples dropped: publisher queue full", source, publisher, SamplePublisher::dropped);
        fn(P + "samples_failed", "Samples whose send to Kafka failed", source, publisher, SamplePublisher::failed);
        Gauge.builder(P + "publisher_queue", publisher, SamplePublisher::queued).tag("source", source)
                .description("Samples waiting in the publisher queue").register(registry);
    }

    /** Counts what an OPC UA collector saw. */
    public void bindCollector(CollectorCounters c) {
        fn(P + "opcua_notifications", "OPC UA data change notifications received", "opcua", c, CollectorCounters::notifications);
        fn(P + "opcua_duplicates", "OPC UA notifications dropped as duplicates", "opcua", c, CollectorCounters::duplicates);
        fn(P + "opcua_overflows", "OPC UA notifications flagged with the server's queue overflow bit", "opcua", c, CollectorCounters::overflows);
        fn(P + "opcua_steps_missed", "Element steps the collector never received", "opcua", c, CollectorCounters::stepsMissed);
        fn(P + "opcua_resubscriptions", "OPC UA subscriptions re-created after a server restart", "opcua", c, CollectorCounters::resubscriptions);
    }

    /** Exposes the Streams consumer lag, dropped records and consumption rate. */
    public void bindStreams(StreamsRunner streams) {
        Gauge.builder(P + "consumer_lag_records", streams, StreamsRunner::maxLag)
                .description("Largest lag of the Streams consumer over its partitions").register(registry);
        Gauge.builder(P + "streams_consumed_per_second", streams, StreamsRunner::consumedRate)
                .description("Samples the Streams consumer reads per second (recent)").register(registry);
        FunctionCounter.builder(P + "streams_dropped_records", streams, StreamsRunner::droppedRecords)
                .description("Records Kafka Streams dropped (e.g. later than every window)").register(registry);
    }

    /** Counts link statistics applied to the listener. */
    public void bindApplier(LinkStatsApplier applier) {
        FunctionCounter.builder(P + "link_stats_applied", applier, LinkStatsApplier::applied)
                .description("Tumbling-window link statistics handed to the twin").register(registry);
    }

    /** Records one end-to-end latency. */
    public void latency(long millis) {
        latency.record(Duration.ofMillis(Math.max(0, millis)));
    }

    /** The latency timer (count, percentiles). */
    public Timer latencyTimer() {
        return latency;
    }

    @Override
    public void accepted() {
        accepted.increment();
    }

    @Override
    public void skipped() {
        skipped.increment();
    }

    @Override
    public void deadLettered(String reason) {
        deadLetters.increment();
    }

    @Override
    public void anomaly(AnomalyEvent event) {
        anomalies.increment();
    }

    /** Prometheus text exposition format (version 0.0.4) of every meter. */
    public String prometheusText() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private <T> void fn(String name, String description, String source, T obj, ToDoubleFunction<T> f) {
        FunctionCounter.builder(name, obj, f).description(description).tag("source", source).register(registry);
    }
}
