package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.format.TopologyJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code thalamus flows generate} and {@code thalamus admit} in-process on the built-in Abilene topology. */
class AdmitCommandTest {

    @TempDir
    Path dir;
    Path topo;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void writeTopology() throws Exception {
        topo = dir.resolve("abilene.json");
        TopologyJson.write(BuiltinTopologies.abilene(), topo);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = ThalamusCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void generatesFlowsAndAdmitsThemWithEverySolver() throws Exception {
        Path flows = dir.resolve("flows.json");
        assertThat(run("flows", "generate", "--topology", topo.toString(), "--count", "60", "--seed", "4",
                "--load-factor", "2.0", "--out", flows.toString())).isEqualTo(0);
        assertThat(Files.readString(flows)).contains("\"thalamus-flows\"");
        ObjectMapper json = new ObjectMapper();
        JsonNode ilp = null;
        for (String solver : new String[] {"ilp", "ilp-arc", "ga", "greedy"}) {
            Path lp = dir.resolve(solver + ".lp");
            int code = run("admit", "--topology", topo.toString(), "--flows", flows.toString(), "--solver", solver,
                    "--time-limit", "20", "--export-lp", lp.toString());
            assertThat(code).as(err.toString()).isEqualTo(0);
            JsonNode r = json.readTree(out.toString());
            assertThat(r.get("solver").asText()).isEqualTo(solver);
            assertThat(r.get("admitted").size() + r.get("rejected").size()).isEqualTo(60);
            assertThat(r.get("rejected").size()).isGreaterThan(0);
            assertThat(r.get("linkLoads").size()).isEqualTo(28);
            assertThat(r.get("objective").size()).isEqualTo(3);
            assertThat(r.get("admitted").get(0).get("path").size()).isGreaterThanOrEqualTo(2);
            assertThat(Files.readString(lp)).contains("Maximize");
            if (solver.equals("ilp")) {
                ilp = r;
                assertThat(r.get("status").asText()).isEqualTo("OPTIMAL");
                assertThat(r.get("gap").asDouble()).isEqualTo(0.0);
            } else {
                // No solver beats the proven optimum on the highest class.
                assertThat(r.get("objective").get(0).asDouble()).isLessThanOrEqualTo(ilp.get("objective").get(0).asDouble());
            }
        }
    }

    @Test
    void preemptionWithAnEarlierResultEvictsOnlyLowerPriorities() throws Exception {
        Path low = dir.resolve("low.json");
        Path high = dir.resolve("high.json");
        Path admitted = dir.resolve("admitted.json");
        assertThat(run("flows", "generate", "--topology", topo.toString(), "--count", "40", "--seed", "1",
                "--load-factor", "1.0", "--priorities", "1", "--out", low.toString())).isEqualTo(0);
        List<Flow> lows = FlowJson.read(low, null);
        Files.writeString(high, FlowJson.write(lows.stream()
                .map(f -> Flow.of("h" + f.id(), f.source(), f.destination(), f.bandwidthBps(), 5)).toList(), null));
        assertThat(run("admit", "--topology", topo.toString(), "--flows", low.toString(), "--solver", "greedy",
                "--out", admitted.toString())).isEqualTo(0);
        assertThat(run("admit", "--topology", topo.toString(), "--flows", high.toString(), "--solver", "ilp",
                "--existing", admitted.toString(), "--allow-preemption")).as(err.toString()).isEqualTo(0);
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertThat(r.get("evictions").size()).isGreaterThan(0);
        for (JsonNode e : r.get("evictions")) {
            assertThat(e.get("priority").asInt()).isEqualTo(0);
            assertThat(e.get("by").asText()).startsWith("h");
        }
    }

    @Test
    void badInputExitsWithCodeTwoAndNamesTheProblem() throws Exception {
        Path flows = dir.resolve("bad.json");
        Files.writeString(flows, "{\"flows\":[{\"id\":\"a\",\"source\":\"NYCM\",\"destination\":\"Atlantis\",\"bandwidthBps\":5}]}");
        assertThat(run("admit", "--topology", topo.toString(), "--flows", flows.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("/flows/0/destination").contains("Atlantis");

        Files.writeString(flows, "{\"flows\":[{\"id\":\"a\",\"source\":\"NYCM\",\"destination\":\"LOSA\",\"bandwidthBps\":-5}]}");
        assertThat(run("admit", "--topology", topo.toString(), "--flows", flows.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bandwidthBps").contains("positive");

        assertThat(run("admit", "--topology", topo.toString(), "--flows", flows.toString(), "--solver", "magic")).isEqualTo(2);
        assertThat(run("admit", "--topology", topo.toString())).isEqualTo(2);
        assertThat(run("admit", "--topology", dir.resolve("none.json").toString(), "--flows-from-demands")).isEqualTo(2);
        assertThat(run("flows", "generate", "--topology", topo.toString(), "--count", "-3")).isEqualTo(2);
        assertThat(err.toString()).contains("count");
    }

    @Test
    void everyLexicographicModeProvesTheSameOptimumAndAnUnknownModeIsRefused() throws Exception {
        Path flows = dir.resolve("lex.json");
        assertThat(run("flows", "generate", "--topology", topo.toString(), "--count", "40", "--seed", "7",
                "--load-factor", "2.0", "--priorities", "3", "--out", flows.toString())).isEqualTo(0);
        JsonNode first = null;
        for (String mode : new String[] {"hybrid", "folded", "staged"}) {
            Path out = dir.resolve("lex-" + mode + ".json");
            assertThat(run("admit", "--topology", topo.toString(), "--flows", flows.toString(), "--solver", "ilp",
                    "--lexicographic", mode, "--out", out.toString())).as(err.toString()).isEqualTo(0);
            JsonNode r = new ObjectMapper().readTree(out.toFile());
            assertThat(r.get("status").asText()).as(mode).isEqualTo("OPTIMAL");
            if (first == null) {
                first = r.get("objective");
            } else {
                assertThat(r.get("objective")).as(mode).isEqualTo(first);
            }
        }
        assertThat(run("admit", "--topology", topo.toString(), "--flows", flows.toString(), "--solver", "ilp",
                "--lexicographic", "sideways")).isEqualTo(2);
        assertThat(err.toString()).contains("--lexicographic").contains("sideways");
    }
}
