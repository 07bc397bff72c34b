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
        json.put("config", "1 fork, 3 warm-up x 1 s, 5 measurement x 1 s, average time per read");
        json.set("sanity", sanity);
        ObjectNode results = json.putObject("results");
        scores.forEach((k, v) -> results.putObject(k).put("score", v.getScore()).put("error", v.getScoreError()).put("unit", v.getScoreUnit()));
        ArrayNode cmp = json.putArray("comparisons");
        StringBuilder md = new StringBuilder();
        md.append("# Topology reading: ours vs JGraphT (peer)\n\n")
                .append("Run ").append(json.get("date").asText()).append(", ").append(json.get("jvm").asText())
                .append(", ").append(json.get("cpus").asInt()).append(" CPUs; ").append(json.get("config").asText()).append(".\n")
                .append("Ratio = peer time / our time (above 1: ours is faster). Reproduce: see docs/benchmarks.md.\n\n")
                .append("| comparison | ours (us/op) | peer (us/op) | ratio |\n|---|---:|---:|---:|\n");
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
                    .put("ratioPeerOverOurs", ratio);
            md.append(String.format(Locale.ROOT, "| %s | %.1f ± %.1f | %.1f ± %.1f | %.2f |%n", c.label,
                    ours.getScore(), ours.getScoreError(), peer.getScore(), peer.getScoreError(), ratio));
        }
        Files.writeString(out.resolve("formats.json"), mapper.writeValueAsString(json));
        Files.writeString(out.resolve("formats.md"), md.toString());
        System.out.println(md);
        System.out.println("wrote " + out.toAbsolutePath());
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
