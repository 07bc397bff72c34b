package io.thalamus.deploy.cli;

import io.thalamus.deploy.TopologyFiles;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficSeries;
import io.thalamus.telemetry.kafka.EmbeddedKafka;
import io.thalamus.telemetry.kafka.TelemetryTopics;
import io.thalamus.telemetry.opcua.CollectorSettings;
import io.thalamus.telemetry.opcua.ElementSimulator;
import io.thalamus.telemetry.opcua.OpcUaCollector;
import io.thalamus.telemetry.replay.LinkLoads;
import io.thalamus.telemetry.replay.SeriesFiles;
import io.thalamus.telemetry.replay.TrafficReplay;
import io.thalamus.telemetry.sample.SamplePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code thalamus telemetry ...}: replay traffic into Kafka, run emulated elements over OPC UA, collect from OPC UA. */
@Command(name = "telemetry", mixinStandardHelpOptions = true,
        description = "Telemetry tools: replay a traffic series into Kafka, simulate network elements over OPC UA, collect from OPC UA servers.",
        subcommands = {TelemetryCommand.Replay.class, TelemetryCommand.SimulateElements.class, TelemetryCommand.Collect.class})
public final class TelemetryCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Kafka to talk to: the given cluster, or an embedded broker under a state folder. */
    static final class KafkaTarget implements AutoCloseable {
        final String bootstrap;
        final EmbeddedKafka embedded;

        KafkaTarget(String bootstrap, Path stateDir) {
            if (bootstrap != null) {
                this.bootstrap = bootstrap;
                this.embedded = null;
            } else {
                Path dir = stateDir != null ? stateDir : defaultStateDir();
                this.embedded = EmbeddedKafka.start(dir.resolve("kafka"));
                this.bootstrap = embedded.bootstrapServers();
                System.out.println("embedded Kafka broker at " + bootstrap + " (data in " + dir.resolve("kafka") + ")");
            }
            TelemetryTopics.create(this.bootstrap, 2, (short) (embedded != null ? 1 : -1));
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * Keeps the embedded broker's and clients' INFO chatter off the terminal (slf4j-simple reads these
     * properties when a logger is first created, so this runs before Kafka or Milo log anything);
     * a level given with -D on the command line wins.
     */
    static void quietLibraryLogs() {
        for (String lib : List.of("org.apache.kafka", "kafka", "org.eclipse.milo")) {
            String key = "org.slf4j.simpleLogger.log." + lib;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }

    static Path defaultStateDir() {
        return Path.of(System.getProperty("user.home"), ".thalamus");
    }

    /** Routes the series over the topology; refuses a series that shares no routable pair with it. */
    static LinkLoads route(Topology topology, Path seriesFile) {
        TrafficSeries series = SeriesFiles.read(seriesFile);
        LinkLoads loads = LinkLoads.route(topology, series);
        int n = series.nodes().size();
        if (n > 1 && loads.unroutedPairs() >= n * (n - 1)) {
            throw new IllegalArgumentException("series " + seriesFile + ": none of its nodes " + series.nodes().subList(0, Math.min(5, n))
                    + (n > 5 ? "..." : "") + " can be routed on topology '" + topology.name() + "' (nodes "
                    + topology.nodes().stream().limit(5).map(x -> x.id()).toList() + "...)");
        }
        if (loads.unroutedPairs() > 0) {
            System.out.println("note: " + loads.unroutedPairs() + " origin-destination pairs of the series are not on the topology and are left out");
        }
        return loads;
    }

    static void waitFor(long seconds, Runnable everyFiveSeconds) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "telemetry-stop"));
        long deadline = seconds > 0 ? System.currentTimeMillis() + seconds * 1000 : Long.MAX_VALUE;
        while (System.currentTimeMillis() < deadline) {
            if (stop.await(Math.min(5_000, Math.max(1, deadline - System.currentTimeMillis())), TimeUnit.MILLISECONDS)) {
                return;
            }
            everyFiveSeconds.run();
        }
    }

    /** {@code thalamus telemetry replay}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Route a traffic series over a topology and send per-link load samples to Kafka at a speed-up.")
    static final class Replay implements Callable<Integer> {
        @Option(names = "--topology", required = true, description = "Topology file.")
        Path topology;
        @Option(names = "--series", required = true, description = "Traffic series (SNDlib dynamic CSV, TOTEM CSV, Abilene matrices; .gz ok).")
        Path series;
        @Option(names = "--speedup", defaultValue = "100", description = "Series seconds per wall-clock second; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
        double speedup;
        @Option(names = "--bootstrap", description = "Kafka bootstrap servers HOST:PORT; default: an embedded broker.")
        String bootstrap;
        @Option(names = "--state-dir", description = "Folder of the embedded broker (default: ~/.thalamus).")
        Path stateDir;
        @Option(names = "--steps", defaultValue = "0", description = "Replay only the first N steps (0 = all).")
        int steps;

        @Override
        public Integer call() throws Exception {
            quietLibraryLogs();
            if (speedup < 0 || Double.isNaN(speedup)) {
                throw new IllegalArgumentException("--speedup must be >= 0, got " + speedup);
            }
            Topology topo = TopologyFiles.read(topology);
            LinkLoads loads = route(topo, series);
            if (steps > 0) {
                loads = loads.firstSteps(steps);
            }
            try (KafkaTarget kafka = new KafkaTarget(bootstrap, stateDir);
                 SamplePublisher pub = new SamplePublisher(kafka.bootstrap, 100_000)) {
                System.out.printf("replaying %d steps x %d links to %s at speed-up %s%n", loads.steps(), topo.linkCount(),
                        TelemetryTopics.SAMPLES, speedup == 0 ? "max" : speedup);
                TrafficReplay.Result r = new TrafficReplay(loads, pub).run(speedup);
                System.out.printf("done: %d steps, %d samples sent, %d acknowledged, %d dropped, %d failed, %.1f s%n",
                        r.steps(), r.samples(), pub.acked(), pub.dropped(), pub.failed(), r.elapsed().toMillis() / 1000.0);
                return pub.dropped() + pub.failed() == 0 ? 0 : 1;
            }
        }
    }

    /** {@code thalamus telemetry simulate-elements}. */
    @Command(name = "simulate-elements", mixinStandardHelpOptions = true,
            description = "Run an OPC UA server exposing one emulated element per node, its interface counters replaying the series.")
    static final class SimulateElements implements Callable<Integer> {
        @Option(names = "--topology", required = true, description = "Topology file.")
        Path topology;
        @Option(names = "--series", required = true, description = "Traffic series file.")
        Path series;
        @Option(names = "--port", defaultValue = "4840", description = "OPC UA port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--step-ms", defaultValue = "1000", description = "Wall-clock milliseconds per series step (default: ${DEFAULT-VALUE}).")
        long stepMs;
        @Option(names = "--duration", defaultValue = "0", description = "Stop after this many seconds (0 = until Ctrl+C).")
        long duration;

        @Override
        public Integer call() throws Exception {
            quietLibraryLogs();
            if (stepMs < 1) {
                throw new IllegalArgumentException("--step-ms must be >= 1, got " + stepMs);
            }
            Topology topo = TopologyFiles.read(topology);
            LinkLoads loads = route(topo, series);
            try (ElementSimulator sim = new ElementSimulator(loads, port).startServer()) {
                sim.step();
                sim.startTicking(Duration.ofMillis(stepMs));
                System.out.printf("OPC UA element simulator at %s: %d elements, %d interfaces, one step every %d ms%n",
                        sim.endpointUrl(), topo.nodeCount(), topo.linkCount(), stepMs);
                waitFor(duration, () -> System.out.printf("steps %d, values set %d, monitored items %d%n",
                        sim.steps(), sim.valueChanges(), sim.monitoredItems()));
            }
            return 0;
        }
    }

    /** {@code thalamus telemetry collect}. */
    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = "Subscribe to the element variables of OPC UA servers and publish the samples to Kafka.")
    static final class Collect implements Callable<Integer> {
        @Option(names = "--opcua", required = true, description = "OPC UA endpoint opc.tcp://HOST:PORT/PATH (repeatable).")
        List<String> endpoints;
        @Option(names = "--bootstrap", description = "Kafka bootstrap servers HOST:PORT; default: an embedded broker.")
        String bootstrap;
        @Option(names = "--state-dir", description = "Folder of the embedded broker (default: ~/.thalamus).")
        Path stateDir;
        @Option(names = "--sampling-ms", defaultValue = "0", description = "Sampling interval of each monitored item (default: ${DEFAULT-VALUE}).")
        double samplingMs;
        @Option(names = "--queue-size", defaultValue = "1000", description = "Server-side queue of each monitored item (default: ${DEFAULT-VALUE}).")
        int queueSize;
        @Option(names = "--publishing-ms", defaultValue = "100", description = "Publishing interval of the subscription (default: ${DEFAULT-VALUE}).")
        double publishingMs;
        @Option(names = "--duration", defaultValue = "0", description = "Stop after this many seconds (0 = until Ctrl+C).")
        long duration;

        @Override
        public Integer call() throws Exception {
            quietLibraryLogs();
            for (String e : endpoints) {
                if (!e.startsWith("opc.tcp://")) {
                    throw new IllegalArgumentException("--opcua must be an opc.tcp://HOST:PORT/PATH URL, got '" + e + "'");
                }
            }
            CollectorSettings settings = new CollectorSettings(samplingMs, queueSize, publishingMs,
                    Set.of(io.thalamus.telemetry.opcua.OpcUaNames.LOAD));
            try (KafkaTarget kafka = new KafkaTarget(bootstrap, stateDir);
                 SamplePublisher pub = new SamplePublisher(kafka.bootstrap, 100_000);
                 OpcUaCollector collector = new OpcUaCollector(endpoints, settings, pub).start()) {
                System.out.printf("collecting %d variables from %s into %s at %s%n", collector.monitoredVariables(),
                        endpoints, TelemetryTopics.SAMPLES, kafka.bootstrap);
                waitFor(duration, () -> System.out.println(collector.counters() + " acked=" + pub.acked()));
                pub.flush();
                System.out.println("final: " + collector.counters() + " acked=" + pub.acked());
            }
            return 0;
        }
    }
}
