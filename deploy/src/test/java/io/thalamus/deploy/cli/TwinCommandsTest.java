package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thalamus.network.data.SharedData;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TwinCommandsTest {

    @TempDir
    Path dir;


    private Path triangle() throws IOException {
        List<Node> nodes = List.of(new Node("a", "a", null), new Node("b", "b", null), new Node("c", "c", null));
        List<Link> links = List.of(
                new Link("ab:a-b", "ab", "a", "b", 1e9, 1, 1, Set.of()), new Link("ab:b-a", "ab", "b", "a", 1e9, 1, 1, Set.of()),
                new Link("bc:b-c", "bc", "b", "c", 1e9, 1, 1, Set.of()), new Link("bc:c-b", "bc", "c", "b", 1e9, 1, 1, Set.of()),
                new Link("ac:a-c", "ac", "a", "c", 1e9, 1, 5, Set.of()), new Link("ac:c-a", "ac", "c", "a", 1e9, 1, 5, Set.of()));
        Topology t = new Topology("triangle", nodes, links);
        Path file = dir.resolve("triangle.json");
        TopologyJson.write(t, file);
        Files.writeString(dir.resolve("flows.json"), FlowJson.write(List.of(Flow.of("f1", "a", "c", 4e8, 0)), "triangle"));
        return file;
    }

    @Test
    void whatifPrintsKpisAndNamesTheReroutedFlow() throws IOException {
        Path topo = triangle();
        Files.writeString(dir.resolve("cut.json"), "{\"name\":\"cut ab\",\"steps\":[{\"type\":\"link-down\",\"links\":[\"ab\"]}]}");
        CliRun r = CliRun.run("whatif", "--topology", topo.toString(), "--flows", dir.resolve("flows.json").toString(),
                "--scenario", dir.resolve("cut.json").toString(), "--out", dir.resolve("result.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("impacts").get(0).get("flow").asText()).isEqualTo("f1");
        assertThat(o.get("impacts").get(0).get("pathAfter").get(0).asText()).isEqualTo("ac:a-c");
        assertThat(o.get("kpisAfter").get("maxUtilisation").asDouble()).isEqualTo(0.4);
        assertThat(Files.exists(dir.resolve("result.json"))).isTrue();
    }

    @Test
    void badScenarioExitsWithTwoAndNamesTheField() throws IOException {
        Path topo = triangle();
        Files.writeString(dir.resolve("bad.json"), "{\"steps\":[{\"type\":\"traffic-scale\",\"factor\":-1}]}");
        CliRun r = CliRun.run("whatif", "--topology", topo.toString(), "--flows", dir.resolve("flows.json").toString(),
                "--scenario", dir.resolve("bad.json").toString());
        assertThat(r.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("/steps/0/factor");
    }

    @Test
    void sweepOnGermany50RanksAllPhysicalLinks() throws IOException {
        Assumptions.assumeTrue(SharedData.root().isPresent(), "shared data folder not found (set THALAMUS_DATA)");
        Path g50 = SharedData.resolve("sndlib/xml/germany50/germany50.xml");
        CliRun r = CliRun.run("whatif", "sweep", "--topology", g50.toString(), "--flows-from-demands", "--failures", "single-link", "--top", "5");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("failuresTried").asInt()).isEqualTo(88);
        assertThat(o.get("worst")).hasSize(5);
        double first = o.get("worst").get(0).get("demandLostBps").asDouble();
        double last = o.get("worst").get(4).get("demandLostBps").asDouble();
        assertThat(first).isGreaterThanOrEqualTo(last);
    }

    @Test
    void evalRouteNetOnTheValidationSplitPrintsTheFourFields() throws IOException {
        Assumptions.assumeTrue(SharedData.root().isPresent(), "shared data folder not found (set THALAMUS_DATA)");
        Path val = SharedData.resolve("routenet-gnnet2020/validation");
        CliRun r = CliRun.run("twin", "eval-routenet", "--data", val.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("paths").asInt()).isGreaterThan(50_000);
        assertThat(o.get("delayMape").asDouble()).isLessThan(o.get("delayMapeAnalytic").asDouble());
        assertThat(o.has("lossMae")).isTrue();
    }

    @Test
    void unknownFailureKindIsABadInput() throws IOException {
        Path topo = triangle();
        CliRun r = CliRun.run("whatif", "sweep", "--topology", topo.toString(), "--flows", dir.resolve("flows.json").toString(),
                "--failures", "meteor");
        assertThat(r.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--failures");
    }
}
