package io.thalamus.bench.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import io.thalamus.telemetry.TelemetryService;
import io.thalamus.telemetry.kafka.EmbeddedKafka;
import io.thalamus.telemetry.kafka.TelemetryTopics;
import io.thalamus.telemetry.metrics.PipelineMetrics;
import io.thalamus.telemetry.opcua.CollectorSettings;
import io.thalamus.telemetry.opcua.ElementSimulator;
import io.thalamus.telemetry.opcua.OpcUaCollector;
import io.thalamus.telemetry.opcua.OpcUaNames;
import io.thalamus.telemetry.replay.LinkLoads;
import io.thalamus.telemetry.replay.SyntheticTraffic;
import io.thalamus.telemetry.sample.SampleJson;
import io.thalamus.telemetry.sample.SamplePublisher;
import io.thalamus.telemetry.sample.TelemetrySample;
import io.thalamus.telemetry.streams.LinkCatalog;
import io.thalamus.telemetry.streams.LinkStatsMessage;
import io.thalamus.telemetry.streams.PipelineSettings;
import io.thalamus.telemetry.streams.RobustZScore;
import io.thalamus.telemetry.streams.StreamsRunner;
import io.thalamus.telemetry.streams.TelemetryTopology;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole-run benchmark of the telemetry pipeline (run it under {@code -Xmx512m}):
 * <ol>
 *   <li>throughput: samples offered at a fixed rate through the embedded KRaft broker into the Streams
 *       topology, end-to-end latency (sample timestamp to the link-stats record read back), beside a
 *       plain consumer that only parses the samples (the baseline, same rate, same broker);</li>
 *   <li>OPC UA: the element simulator stepping fast, one collector subscribed, value changes per second
 *       and every loss counter;</li>
 *   <li>the default {@link TelemetryService} (Abilene, simulator, collector, Streams): time until every
 *       link has statistics, heap and RSS.</li>
 * </ol>
 * Arguments: {@code --seconds 60 --rate 100000 --opcua-seconds 20 --out bench/results/telemetry}
 * ({@code --extra-rates 30000,...} adds Streams runs at other rates; {@code --only-throughput true} stops
 * after the throughput runs). The machine's load average and the CPU time per sample are recorded so a
 * figure taken on a shared machine can be judged.
 */
public final class TelemetryBenchmark {

    private static int streamThreads = 1;

    private TelemetryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "100000"));
        int opcuaSeconds = Integer.parseInt(a.getOrDefault("opcua-seconds", "20"));
        streamThreads = Integer.parseInt(a.getOrDefault("stream-threads", "1"));
        boolean skipBaseline = Boolean.parseBoolean(a.getOrDefault("skip-baseline", "false"));
        int warmupSeconds = Integer.parseInt(a.getOrDefault("warmup-seconds", "15"));
        boolean onlyThroughput = Boolean.parseBoolean(a.getOrDefault("only-throughput", "false"));
        Path out = Path.of(a.getOrDefault("out", "bench/results/telemetry"));
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("thalamus-telemetry-bench");

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "telemetry");
        result.put("date", Instant.now().toString());
        result.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        result.put("durationSeconds", seconds);
        result.put("offeredRatePerSecond", rate);
        result.put("warmupSeconds", warmupSeconds);
        result.put("streamThreads", streamThreads);

        Topology topo = BuiltinTopologies.abilene();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"))) {
            TelemetryTopics.create(kafka.bootstrapServers(), 2, (short) 1);
            if (warmupSeconds > 0) {
                // JIT, broker and page cache warm before anything is measured (otherwise the first run pays for it)
                plainConsumer(kafka.bootstrapServers(), topo, rate, warmupSeconds, "bench.warmup.samples");
            }
            result.put("baselinePlainConsumer", skipBaseline ? Map.of("processedPerSecond", Double.NaN)
                    : plainConsumer(kafka.bootstrapServers(), topo, rate, seconds, "bench.baseline.samples"));
            System.gc();
            result.put("streams", streams(kafka.bootstrapServers(), topo, rate, seconds, tmp.resolve("streams")));
            List<Map<String, Object>> extra = new ArrayList<>();
            for (String r : a.getOrDefault("extra-rates", "").split(",")) {
                if (!r.isBlank()) {
                    System.gc();
                    extra.add(streams(kafka.bootstrapServers(), topo, Integer.parseInt(r.trim()), seconds,
                            tmp.resolve("streams-" + r.trim())));
                }
            }
            result.put("streamsAtOtherRates", extra);
            result.put("memoryAfterThroughput", memory());
        }
        Map<String, Object> streams = cast(result.get("streams"));
        Map<String, Object> base = cast(result.get("baselinePlainConsumer"));
        result.put("streamsToBaselineThroughputRatio",
                (double) streams.get("processedPerSecond") / (double) base.get("processedPerSecond"));
        if (onlyThroughput) {
            System.out.println(new ObjectMapper().writeValueAsString(result));
            System.exit(0);
        }
        System.gc();
        result.put("opcua", opcua(topo, opcuaSeconds));
        System.gc();
        result.put("service", service(topo, tmp.resolve("service")));
        result.put("memoryAtEnd", memory());
        result.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(out.resolve("telemetry.json"), json.writeValueAsString(result));
        Files.writeString(out.resolve("telemetry.md"), markdown(result));
        System.out.println(json.writeValueAsString(result));
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    /** Offers {@code rate} samples/s for {@code seconds} through a publisher; returns the publisher afterwards. */
    private static Thread generator(SamplePublisher pub, Topology topo, int rate, int seconds, AtomicBoolean done) {
        Thread t = new Thread(() -> {
            List<Link> links = topo.links();
            Random rnd = new Random(1);
            Map<String, Long> seq = new java.util.HashMap<>();
            long start = System.nanoTime();
            long sent = 0;
            long total = (long) rate * seconds;
            int i = 0;
            while (sent < total) {
                long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate));
                long now = System.currentTimeMillis();
                while (sent < due) {
                    Link l = links.get(i++ % links.size());
                    long s = seq.merge(l.source(), 1L, Long::sum);
                    pub.offer(TelemetrySample.linkLoad(l.source(), l.id(), l.capacityBps() * (0.2 + 0.5 * rnd.nextDouble()), now, s));
                    sent++;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
            done.set(true);
        }, "bench-generator");
        t.start();
        return t;
    }

    private static Map<String, Object> plainConsumer(String bootstrap, Topology topo, int rate, int seconds, String topic) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 2, (short) 1))).all().get();
        }
        LatencyHistogram lat = new LatencyHistogram();
        AtomicBoolean done = new AtomicBoolean();
        long consumed = 0;
        long t0;
        long lastAt;
        try (SamplePublisher pub = new SamplePublisher(bootstrap, topic, 200_000, Map.of());
             KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            c.poll(Duration.ofMillis(500));
            t0 = System.currentTimeMillis();
            Thread gen = generator(pub, topo, rate, seconds, done);
            long total = (long) rate * seconds;
            lastAt = t0;
            long hardStop = t0 + seconds * 1000L + 120_000;
            while (consumed < total - pub.dropped() && System.currentTimeMillis() < hardStop) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                    TelemetrySample s = SampleJson.read(r.value());
                    long now = System.currentTimeMillis();
                    lat.record(now - s.timestampMs());
                    consumed++;
                    lastAt = now;
                }
            }
            gen.join();
            pub.flush();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", "KafkaConsumer reading and parsing every sample (no Streams)");
            m.put("offered", total);
            m.put("publisherDropped", pub.dropped());
            m.put("publisherFailed", pub.failed());
            m.put("acked", pub.acked());
            m.put("consumed", consumed);
            m.put("processedPerSecond", consumed / Math.max(0.001, (lastAt - t0) / 1000.0));
            m.put("latencyP50Ms", lat.quantile(0.5));
            m.put("latencyP99Ms", lat.quantile(0.99));
            m.put("latencyMaxMs", lat.max());
            m.put("latencyDefinition", "consumer receive time minus sample timestamp, every sample");
            System.out.println(topic + ": " + m);
            return m;
        }
    }

    private static Map<String, Object> streams(String bootstrap, Topology topo, int rate, int seconds, Path stateDir) throws Exception {
        PipelineMetrics metrics = new PipelineMetrics();
        AtomicLong accepted = new AtomicLong();
        AtomicLong dead = new AtomicLong();
        io.thalamus.telemetry.streams.PipelineEvents events = new io.thalamus.telemetry.streams.PipelineEvents() {
            @Override
            public void accepted() {
                accepted.incrementAndGet();
            }

            @Override
            public void deadLettered(String reason) {
                dead.incrementAndGet();
            }
        };
        LatencyHistogram lat = new LatencyHistogram();
        List<double[]> lagSeries = new ArrayList<>();
        try (StreamsRunner streams = new StreamsRunner(TelemetryTopology.build(new LinkCatalog(topo), PipelineSettings.defaults(),
                new RobustZScore(10), events), "bench-streams-" + rate, bootstrap, stateDir, 1,
                Map.of(org.apache.kafka.streams.StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads,
                        // each run counts only its own samples, not those an earlier run left on the topic
                        org.apache.kafka.streams.StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "latest")).start(Duration.ofSeconds(120));
             KafkaConsumer<String, byte[]> stats = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "bench-link-stats-" + rate,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer());
             SamplePublisher pub = new SamplePublisher(bootstrap, 200_000)) {
            stats.subscribe(List.of(TelemetryTopics.LINK_STATS));
            stats.poll(Duration.ofMillis(500));
            AtomicBoolean done = new AtomicBoolean();
            long cpu0 = processCpu();
            long streamCpu0 = threadCpu("StreamThread");
            long pubCpu0 = threadCpu("telemetry-sample-publisher") + threadCpu("kafka-producer-network-thread");
            long t0 = System.currentTimeMillis();
            Thread gen = generator(pub, topo, rate, seconds, done);
            long total = (long) rate * seconds;
            long lastAccepted = 0;
            long lastAt = t0;
            long nextLag = t0 + 1000;
            long hardStop = t0 + seconds * 1000L + 120_000;
            long statsRecords = 0;
            while (accepted.get() + dead.get() < total - pub.dropped() && System.currentTimeMillis() < hardStop
                    && !(done.get() && System.currentTimeMillis() - lastAt > 10_000)) {
                for (ConsumerRecord<String, byte[]> r : stats.poll(Duration.ofMillis(100))) {
                    LinkStatsMessage m = LinkStatsMessage.fromJson(r.value());
                    statsRecords++;
                    if (m.window().equals(LinkStatsMessage.TUMBLING)) {
                        lat.record(System.currentTimeMillis() - m.latestSampleTimestamp());
                    }
                }
                long now = System.currentTimeMillis();
                if (accepted.get() != lastAccepted) {
                    lastAccepted = accepted.get();
                    lastAt = now;
                }
                if (now >= nextLag) {
                    lagSeries.add(new double[] {(now - t0) / 1000.0, streams.maxLag(), accepted.get()});
                    nextLag += 1000;
                }
            }
            // the last window updates
            long drainUntil = System.currentTimeMillis() + 2000;
            while (System.currentTimeMillis() < drainUntil) {
                for (ConsumerRecord<String, byte[]> r : stats.poll(Duration.ofMillis(100))) {
                    LinkStatsMessage m = LinkStatsMessage.fromJson(r.value());
                    statsRecords++;
                    if (m.window().equals(LinkStatsMessage.TUMBLING)) {
                        lat.record(System.currentTimeMillis() - m.latestSampleTimestamp());
                    }
                }
            }
            gen.join();
            long processed = Math.max(1, accepted.get());
            long cpuNs = processCpu() - cpu0;
            long streamCpuNs = threadCpu("StreamThread") - streamCpu0;
            long pubCpuNs = threadCpu("telemetry-sample-publisher") + threadCpu("kafka-producer-network-thread") - pubCpu0;
            double maxLag = 0;
            for (double[] l : lagSeries) {
                if (!Double.isNaN(l[1])) {
                    maxLag = Math.max(maxLag, l[1]);
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", "embedded KRaft broker -> Kafka Streams topology (validate, EWMA, 10 s tumbling + 60/20 s hopping windows, anomalies) -> link-stats");
            m.put("offeredRatePerSecond", rate);
            m.put("links", topo.linkCount());
            m.put("offered", total);
            m.put("publisherDropped", pub.dropped());
            m.put("publisherFailed", pub.failed());
            m.put("acked", pub.acked());
            m.put("acceptedByStreams", accepted.get());
            m.put("deadLettered", dead.get());
            m.put("processedPerSecond", accepted.get() / Math.max(0.001, (lastAt - t0) / 1000.0));
            m.put("secondsToProcessAll", (lastAt - t0) / 1000.0);
            m.put("maxConsumerLagRecords", maxLag);
            m.put("linkStatsRecords", statsRecords);
            m.put("latencyP50Ms", lat.quantile(0.5));
            m.put("latencyP99Ms", lat.quantile(0.99));
            m.put("latencyMaxMs", lat.max());
            m.put("latencySamples", lat.count());
            m.put("latencyDefinition", "link-stats (tumbling) record read back minus the newest sample timestamp in its window; partials flushed and committed every 200 ms");
            m.put("streamsDroppedRecords", streams.droppedRecords());
            m.put("streamsDroppedRecordsWhere", streams.droppedRecordsByTags());
            m.put("cpuMicrosPerSampleWholeProcess", cpuNs / 1e3 / processed);
            m.put("cpuMicrosPerSampleStreamThreads", streamCpuNs / 1e3 / processed);
            m.put("cpuMicrosPerSampleProducerThreads", pubCpuNs / 1e3 / processed);
            m.put("projectedSamplesPerSecondOn2DedicatedCores", 2e6 / (cpuNs / 1e3 / processed));
            m.put("wallSeconds", (System.currentTimeMillis() - t0) / 1000.0);
            m.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            m.put("processCpuSeconds", cpuNs / 1e9);
            System.out.println("streams: " + m);
            return m;
        }
    }

    private static Map<String, Object> opcua(Topology topo, int seconds) throws Exception {
        LinkLoads loads = LinkLoads.route(topo, SyntheticTraffic.diurnal(topo, 2000, Duration.ofMinutes(5),
                Instant.parse("2026-01-01T00:00:00Z"), 0.6, 3));
        List<Map<String, Object>> runs = new ArrayList<>();
        // the broker is only a sink here: count what the collector hands to a publisher over loopback Kafka
        Path dir = Files.createTempDirectory("thalamus-opcua-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            TelemetryTopics.create(kafka.bootstrapServers(), 2, (short) 1);
            for (int stepMicros : new int[] {8000, 4000, 2000}) {
                CollectorSettings settings = new CollectorSettings(0, 1000, 50, Set.of(OpcUaNames.LOAD));
                try (ElementSimulator sim = new ElementSimulator(loads, 0).startServer();
                     SamplePublisher pub = new SamplePublisher(kafka.bootstrapServers(), 200_000);
                     OpcUaCollector collector = new OpcUaCollector(List.of(sim.endpointUrl()), settings, pub).start()) {
                    long deadline = System.currentTimeMillis() + 10_000;
                    while (sim.monitoredItems() < collector.monitoredVariables() && System.currentTimeMillis() < deadline) {
                        Thread.sleep(10);
                    }
                    long n0 = collector.counters().notifications();
                    long t0 = System.nanoTime();
                    sim.startTicking(Duration.ofNanos(stepMicros * 1000L));
                    Thread.sleep(seconds * 1000L);
                    sim.stopTicking();
                    double elapsed = (System.nanoTime() - t0) / 1e9;
                    long settle = System.currentTimeMillis() + 5000;
                    while (System.currentTimeMillis() < settle && !topo.nodes().stream().allMatch(nd ->
                            collector.account(nd.id()).map(x -> x.lastSequence() == sim.sequence(nd.id())).orElse(false))) {
                        Thread.sleep(10);
                    }
                    pub.flush();
                    var c = collector.counters();
                    long expectedNotifications = 0;
                    for (var nd : topo.nodes()) {
                        var acc = collector.account(nd.id()).orElseThrow();
                        expectedNotifications += (acc.lastSequence() - acc.firstSequence() + 1) * (1 + topo.outLinks(nd.id()).size());
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("stepIntervalMs", stepMicros / 1000.0);
                    m.put("monitoredItems", collector.monitoredVariables());
                    m.put("queueSizePerItem", settings.queueSize());
                    m.put("publishingIntervalMs", settings.publishingIntervalMs());
                    m.put("simulatorSteps", sim.steps());
                    m.put("notifications", c.notifications() - n0);
                    m.put("valueChangesPerSecond", (c.notifications() - n0) / elapsed);
                    m.put("samplesPublished", c.published());
                    m.put("samplesAckedByKafka", pub.acked());
                    m.put("stepsMissed", c.stepsMissed());
                    m.put("overflows", c.overflows());
                    m.put("duplicates", c.duplicates());
                    m.put("resubscriptions", c.resubscriptions());
                    m.put("publisherDrops", c.publisherDrops());
                    m.put("expectedNotificationsFromSequences", expectedNotifications);
                    System.out.println("opcua: " + m);
                    runs.add(m);
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", "Milo element simulator (Abilene, " + topo.nodeCount() + " elements, " + topo.linkCount()
                + " interfaces) -> one OpcUaCollector (LoadBps + Sequence items) -> SamplePublisher -> embedded Kafka");
        m.put("secondsPerRun", seconds);
        m.put("runs", runs);
        return m;
    }

    private static Map<String, Object> service(Topology topo, Path dir) throws Exception {
        Map<String, String> firstSeen = new ConcurrentHashMap<>();
        long t0 = System.currentTimeMillis();
        Map<String, Object> m = new LinkedHashMap<>();
        try (TelemetryService s = TelemetryService.start(TelemetryService.Options.defaults(topo, dir),
                st -> firstSeen.putIfAbsent(st.linkId(), ""))) {
            m.put("startMs", System.currentTimeMillis() - t0);
            long deadline = System.currentTimeMillis() + 120_000;
            while (firstSeen.size() < topo.linkCount() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            m.put("everyLinkReportedMs", System.currentTimeMillis() - t0);
            m.put("linksReported", firstSeen.size());
            Thread.sleep(20_000);
            m.put("linkStatisticsApplied", s.linkStatisticsApplied());
            System.gc();
            m.put("memoryAfter20s", memory());
        }
        m.put("what", "TelemetryService defaults on Abilene: embedded broker, Streams, twin consumer, OPC UA simulator (1 step/s) and collector");
        System.out.println("service: " + m);
        return m;
    }

    /** CPU nanoseconds used so far by live threads whose name contains {@code part}. */
    private static long threadCpu(String part) {
        var mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            if (info != null && info.getThreadName().contains(part)) {
                long t = mx.getThreadCpuTime(id);
                if (t > 0) {
                    sum += t;
                }
            }
        }
        return sum;
    }

    private static long processCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static Map<String, Object> memory() {
        Map<String, Object> m = new LinkedHashMap<>();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        m.put("heapUsedMiB", heap.getUsed() / (1024 * 1024));
        m.put("heapCommittedMiB", heap.getCommitted() / (1024 * 1024));
        m.put("heapMaxMiB", heap.getMax() / (1024 * 1024));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    String[] f = line.split("\\s+");
                    m.put(line.startsWith("VmRSS") ? "rssMiB" : "peakRssMiB", Long.parseLong(f[1]) / 1024);
                }
            }
        } catch (java.io.IOException e) {
            m.put("rss", "unavailable");
        }
        return m;
    }

    private static String markdown(Map<String, Object> r) {
        Map<String, Object> s = cast(r.get("streams"));
        Map<String, Object> b = cast(r.get("baselinePlainConsumer"));
        StringBuilder sb = new StringBuilder();
        sb.append("# Telemetry pipeline benchmark\n\n");
        sb.append("Run ").append(r.get("date")).append(", ").append(r.get("cores")).append(" cores, -Xmx")
                .append(r.get("maxHeapMiB")).append("m, load average at start ").append(r.get("loadAverageAtStart"))
                .append(" (the machine is shared). Offered ").append(r.get("offeredRatePerSecond")).append(" samples/s for ")
                .append(r.get("durationSeconds")).append(" s.\n\n");
        sb.append("| path | processed/s | p50 ms | p99 ms | max ms | dropped | failed | dead letters |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        sb.append(String.format("| plain consumer (baseline) | %.0f | %s | %s | %s | %s | %s | - |%n", (double) b.get("processedPerSecond"),
                b.get("latencyP50Ms"), b.get("latencyP99Ms"), b.get("latencyMaxMs"), b.get("publisherDropped"), b.get("publisherFailed")));
        sb.append(String.format("| Streams topology | %.0f | %s | %s | %s | %s | %s | %s |%n", (double) s.get("processedPerSecond"),
                s.get("latencyP50Ms"), s.get("latencyP99Ms"), s.get("latencyMaxMs"), s.get("publisherDropped"), s.get("publisherFailed"), s.get("deadLettered")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> extra = (List<Map<String, Object>>) r.get("streamsAtOtherRates");
        for (Map<String, Object> x : extra) {
            sb.append(String.format("| Streams topology at %s/s offered | %.0f | %s | %s | %s | %s | %s | %s |%n", x.get("offeredRatePerSecond"),
                    (double) x.get("processedPerSecond"), x.get("latencyP50Ms"), x.get("latencyP99Ms"), x.get("latencyMaxMs"),
                    x.get("publisherDropped"), x.get("publisherFailed"), x.get("deadLettered")));
        }
        sb.append(String.format("%nCPU per sample (Streams run at the offered rate): %.1f us whole process, %.1f us Streams thread, %.1f us producer threads; "
                + "projected %.0f samples/s if the process had 2 dedicated cores.%n", (double) s.get("cpuMicrosPerSampleWholeProcess"),
                (double) s.get("cpuMicrosPerSampleStreamThreads"), (double) s.get("cpuMicrosPerSampleProducerThreads"),
                (double) s.get("projectedSamplesPerSecondOn2DedicatedCores")));
        sb.append(String.format("%nStreams / baseline throughput: %.2f. Max Streams consumer lag: %s records.%n",
                (double) r.get("streamsToBaselineThroughputRatio"), s.get("maxConsumerLagRecords")));
        sb.append(String.format("Load average at the end of the Streams run: %s; Streams drops (late for every window): %s.%n",
                s.get("loadAverageAtEnd"), s.get("streamsDroppedRecords")));
        sb.append("\n## OPC UA collector\n\n| step ms | items | queue/item | value changes/s | steps missed | overflows | duplicates | publisher drops |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Object> o = cast(r.get("opcua"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) o.get("runs");
        for (Map<String, Object> x : runs) {
            sb.append(String.format("| %s | %s | %s | %.0f | %s | %s | %s | %s |%n", x.get("stepIntervalMs"), x.get("monitoredItems"),
                    x.get("queueSizePerItem"), (double) x.get("valueChangesPerSecond"), x.get("stepsMissed"), x.get("overflows"),
                    x.get("duplicates"), x.get("publisherDrops")));
        }
        Map<String, Object> sv = cast(r.get("service"));
        sb.append("\n## Default TelemetryService (Abilene)\n\n");
        sb.append("Started in ").append(sv.get("startMs")).append(" ms; every link had statistics after ")
                .append(sv.get("everyLinkReportedMs")).append(" ms. Memory after 20 s: ").append(sv.get("memoryAfter20s")).append(".\n");
        sb.append("\nMemory after the throughput runs: ").append(r.get("memoryAfterThroughput")).append(".\n");
        return sb.toString();
    }
}
