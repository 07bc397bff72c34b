package io.thalamus.bench.formats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.format.GraphMlReader;
import io.thalamus.network.format.SndlibXmlReader;
import io.thalamus.network.topology.Topology;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link TopologyReadBenchmark} with a short fixed configuration (1 fork, 3 warm-up and 5 measured
 * iterations of 1 s) and writes {@code formats.json}, {@code jmh.json} and {@code formats.md} (ratio = peer
 * time / our time, above 1 means ours is faster) to {@code bench/results/formats/} or the folder given as
 * the first argument.
 */
public final class FormatsBenchmarkRunner {

    private record Comparison(String label, String ours, String peer) {
    }

    /** One side of a paired measurement. */
    @FunctionalInterface
    private interface Read {
        Object run() throws Exception;
    }

    private static final List<Comparison> COMPARISONS = List.of(
            new Comparison("Kdl GraphML (754 nodes, 899 edges): our GraphMlReader vs JGraphT GraphMLImporter",
                    "kdlGraphmlOurs", "kdlGraphmlJGraphT"),
            new Comparison("germany50 as GraphML (50 nodes, 88 edges): our GraphMlReader vs JGraphT GraphMLImporter",
                    "germany50GraphmlOurs", "germany50GraphmlJGraphT"),
            new Comparison("germany50: our SndlibXmlReader (SNDlib XML) vs JGraphT GraphMLImporter (same network as GraphML)",
                    "germany50SndlibXmlOurs", "germany50GraphmlJGraphT"));

    private FormatsBenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : defaultOutput();
        Files.createDirectories(out);
        ObjectNode sanity = sanityCheck();

        Options options = new OptionsBuilder()
                .include(TopologyReadBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh.json").toString())
                .build();
        Map<String, Double> paired = pairedRatios();
        Map<String, Result<?>> scores = new HashMap<>();
        for (RunResult r : new Runner(options).run()) {
            String full = r.getParams().getBenchmark();
            scores.put(full.substring(full.lastIndexOf('.') + 1), r.getPrimaryResult());
        }

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode json = mapper.createObjectNode();
        json.put("benchmark", TopologyReadBenchmark.class.getName());
        json.put("date", Instant.now().toString());
        json.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        json.put("cpus", Runtime.getRuntime().availableProcessors());
        json.put("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        json.put("config", "1 fork, 3 warm-up x 1 s, 5 measurement x 1 s, average time per read");
        json.set("sanity", sanity);
        ObjectNode results = json.putObject("results");
        scores.forEach((k, v) -> results.putObject(k).put("score", v.getScore()).put("error", v.getScoreError()).put("unit", v.getScoreUnit()));
        ArrayNode cmp = json.putArray("comparisons");
        StringBuilder md = new StringBuilder();
        md.append("# Topology reading: ours vs JGraphT (peer)\n\n")
                .append("Run ").append(json.get("date").asText()).append(", ").append(json.get("jvm").asText())
                .append(", ").append(json.get("cpus").asInt()).append(" CPUs (load average ")
                .append(String.format(Locale.ROOT, "%.1f", json.get("loadAverageAtEnd").asDouble())).append("); ").append(json.get("config").asText()).append(".\n")
                .append("Ratio = peer time / our time (above 1: ours is faster). Reproduce: see docs/benchmarks.md.\n\n")
                .append("The paired ratio is the median, over ").append(PAIRED_ROUNDS).append(" rounds that alternate the two sides in one JVM, ")
                .append("of peer time / our time: it is far less sensitive to load from other processes than the JMH ratio.\n\n")
                .append("| comparison | ours (us/op) | peer (us/op) | JMH ratio | paired ratio |\n|---|---:|---:|---:|---:|\n");
        for (Comparison c : COMPARISONS) {
            Result<?> ours = scores.get(c.ours);
            Result<?> peer = scores.get(c.peer);
            if (ours == null || peer == null) {
                throw new IllegalStateException("missing result for " + c.label);
            }
            double ratio = peer.getScore() / ours.getScore();
            cmp.addObject().put("comparison", c.label).put("ours", c.ours).put("peer", c.peer)
                    .put("oursUs", ours.getScore()).put("oursErrorUs", ours.getScoreError())
                    .put("peerUs", peer.getScore()).put("peerErrorUs", peer.getScoreError())
                    .put("ratioPeerOverOurs", ratio)
                    .put("pairedMedianRatioPeerOverOurs", paired.get(c.ours + "/" + c.peer));
            md.append(String.format(Locale.ROOT, "| %s | %.1f ± %.1f | %.1f ± %.1f | %.2f | %.2f |%n", c.label,
                    ours.getScore(), ours.getScoreError(), peer.getScore(), peer.getScoreError(), ratio,
                    paired.get(c.ours + "/" + c.peer)));
        }
        Files.writeString(out.resolve("formats.json"), mapper.writeValueAsString(json));
        Files.writeString(out.resolve("formats.md"), md.toString());
        System.out.println(md);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    static final int PAIRED_ROUNDS = 41;

    /**
     * For each comparison: warm both sides up, then time {@value #PAIRED_ROUNDS} rounds, each reading with one
     * side and then the other (the order alternating), and keep the median of peer time / our time.
     */
    private static Map<String, Double> pairedRatios() throws Exception {
        Path tmp = Files.createTempDirectory("thalamus-bench-paired");
        Path g50 = FormatFixtures.germany50AsGraphml(tmp);
        Path kdl = FormatFixtures.kdlGraphml();
        Path g50Xml = FormatFixtures.germany50Xml();
        Map<String, Read> reads = Map.of(
                "kdlGraphmlOurs", () -> GraphMlReader.read(kdl),
                "kdlGraphmlJGraphT", () -> FormatFixtures.importWithJGraphT(kdl),
                "germany50GraphmlOurs", () -> GraphMlReader.read(g50),
                "germany50GraphmlJGraphT", () -> FormatFixtures.importWithJGraphT(g50),
                "germany50SndlibXmlOurs", () -> SndlibXmlReader.read(g50Xml));
        Map<String, Double> out = new HashMap<>();
        try {
            for (Comparison c : COMPARISONS) {
                Read ours = reads.get(c.ours);
                Read peer = reads.get(c.peer);
                long warmEnd = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < warmEnd) {
                    ours.run();
                    peer.run();
                }
                int reps = c.ours.startsWith("kdl") ? 5 : 20;
                double[] ratios = new double[PAIRED_ROUNDS];
                for (int round = 0; round < PAIRED_ROUNDS; round++) {
                    long o;
                    long p;
                    if (round % 2 == 0) {
                        o = time(ours, reps);
                        p = time(peer, reps);
                    } else {
                        p = time(peer, reps);
                        o = time(ours, reps);
                    }
                    ratios[round] = (double) p / o;
                }
                java.util.Arrays.sort(ratios);
                out.put(c.ours + "/" + c.peer, ratios[PAIRED_ROUNDS / 2]);
            }
        } finally {
            Files.deleteIfExists(g50);
            Files.deleteIfExists(tmp);
        }
        return out;
    }

    private static long time(Read read, int reps) throws Exception {
        long t0 = System.nanoTime();
        Object sink = null;
        for (int i = 0; i < reps; i++) {
            sink = read.run();
        }
        long t = System.nanoTime() - t0;
        if (sink == null) {
            throw new IllegalStateException("a read returned nothing");
        }
        return t;
    }

    /** Both sides read the same graphs: node and edge counts agree before anything is timed. */
    private static ObjectNode sanityCheck() throws IOException {
        ObjectNode s = new ObjectMapper().createObjectNode();
        Path tmp = Files.createTempDirectory("thalamus-bench-sanity");
        try {
            Topology kdl = GraphMlReader.read(FormatFixtures.kdlGraphml());
            FormatFixtures.PeerGraph kdlPeer = FormatFixtures.importWithJGraphT(FormatFixtures.kdlGraphml());
            Path g50 = FormatFixtures.germany50AsGraphml(tmp);
            Topology germany = SndlibXmlReader.read(FormatFixtures.germany50Xml());
            FormatFixtures.PeerGraph germanyPeer = FormatFixtures.importWithJGraphT(g50);
            check(kdl.nodeCount() == kdlPeer.graph().vertexSet().size() && kdl.physicalLinkCount() == kdlPeer.graph().edgeSet().size(),
                    "Kdl counts differ");
            check(germany.nodeCount() == germanyPeer.graph().vertexSet().size()
                    && germany.physicalLinkCount() == germanyPeer.graph().edgeSet().size(), "germany50 counts differ");
            s.put("kdlNodes", kdl.nodeCount()).put("kdlEdges", kdl.physicalLinkCount())
                    .put("germany50Nodes", germany.nodeCount()).put("germany50Edges", germany.physicalLinkCount())
                    .put("countsAgreeWithPeer", true);
            Files.deleteIfExists(g50);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return s;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("sanity check failed: " + what);
        }
    }

    private static Path defaultOutput() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("bench/pom.xml"))) {
                return dir.resolve("bench/results/formats");
            }
            if (Files.isRegularFile(dir.resolve("pom.xml")) && dir.getFileName().toString().equals("bench")) {
                return dir.resolve("results/formats");
            }
            dir = dir.getParent();
        }
        return Path.of("bench/results/formats");
    }
}
