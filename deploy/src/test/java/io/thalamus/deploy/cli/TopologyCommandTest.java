package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thalamus.network.data.SharedData;
import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyCommandTest {

    @TempDir
    Path dir;


    private static Path data(String rel) {
        Assumptions.assumeTrue(SharedData.root().isPresent(), "shared data folder not found (set THALAMUS_DATA)");
        return SharedData.resolve(rel);
    }

    @Test
    void infoOnGermany50PrintsOneJsonObjectWithTheFileCounts() throws IOException {
        CliRun r = CliRun.run("topology", "info", data("sndlib/xml/germany50/germany50.xml").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().strip().lines()).hasSize(1);
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("nodes").asInt()).isEqualTo(50);
        assertThat(o.get("links").asInt()).isEqualTo(88);
        assertThat(o.get("demands").asInt()).isEqualTo(662);
        assertThat(o.get("components").asInt()).isEqualTo(1);
        // 88 links of one 40 Mbit/s module each (germany50 has no pre-installed capacity)
        assertThat(o.get("totalCapacityBps").asDouble()).isEqualTo(88 * 40e6);
        assertThat(o.get("defaultsApplied").findValuesAsText("field")).contains("capacityBps", "propagationDelayMs", "unit");
    }

    @Test
    void infoOnNativeFileGivesTheSameCounts() throws IOException {
        CliRun r = CliRun.run("topology", "info", data("sndlib/native/germany50/germany50.txt").toString());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("nodes").asInt()).isEqualTo(50);
        assertThat(o.get("links").asInt()).isEqualTo(88);
        assertThat(o.get("demands").asInt()).isEqualTo(662);
    }

    @Test
    void infoOnADisconnectedZooGraphCountsComponents() throws IOException {
        CliRun r = CliRun.run("topology", "info", data("topology-zoo/graphml/Ntt.graphml").toString());
        assertThat(r.code()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("components").asInt()).isEqualTo(16);
    }

    @Test
    void brokenFileExitsWith2AndNamesTheProblem() throws IOException {
        Path bad = dir.resolve("broken.txt");
        Files.writeString(bad, """
                ?SNDlib native format; type: network; version: 1.0
                NODES (
                  A ( 1.0 2.0 )
                  B ( 3.0 4.0 )
                )
                LINKS (
                  L1 ( A C ) 10.00 0.00 0.00 0.00 ( )
                )
                """);
        CliRun r = CliRun.run("topology", "info", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("broken.txt").contains("line 7").contains("unknown node 'C'");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void missingFileExitsWith2() {
        CliRun r = CliRun.run("topology", "info", dir.resolve("nope.graphml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.graphml").contains("no such file");
    }

    @Test
    void convertWritesJsonThatReadsBackToTheSameTopology() throws IOException {
        Path out = dir.resolve("kdl.json");
        Path in = data("topology-zoo/graphml/Kdl.graphml");
        CliRun r = CliRun.run("topology", "convert", in.toString(), "--out", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("754 nodes");
        Topology back = TopologyJson.read(out);
        assertThat(back.nodeCount()).isEqualTo(754);
        assertThat(back.physicalLinkCount()).isEqualTo(899);
        CliRun info = CliRun.run("topology", "info", out.toString());
        assertThat(new ObjectMapper().readTree(info.out()).get("links").asInt()).isEqualTo(899);
    }

    @Test
    void everyTopologyCommandHasHelp() {
        assertThat(CliRun.run("topology", "info", "--help").out()).contains("FILE");
        assertThat(CliRun.run("topology", "convert", "--help").out()).contains("--out");
        assertThat(CliRun.run("topology", "--help").out()).contains("info").contains("convert");
    }
}
