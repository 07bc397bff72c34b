package io.thalamus.deploy.cli;

import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryCommandTest {

    @TempDir
    Path dir;

    private Path topologyFile() throws Exception {
        Topology t = new Topology("line", List.of(Node.planar("A", 0, 0), Node.planar("B", 1, 0), Node.planar("C", 2, 0)),
                List.of(new Link("L1:A-B", "L1", "A", "B", 1e9, 1, 1, Set.of()), new Link("L1:B-A", "L1", "B", "A", 1e9, 1, 1, Set.of()),
                        new Link("L2:B-C", "L2", "B", "C", 1e9, 1, 1, Set.of()), new Link("L2:C-B", "L2", "C", "B", 1e9, 1, 1, Set.of())));
        Path f = dir.resolve("line.json");
        Files.writeString(f, TopologyJson.write(t));
        return f;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = ThalamusCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void replaySendsOneSamplePerLinkAndStepIntoAnEmbeddedBroker() throws Exception {
        Path series = dir.resolve("series.csv");
        Files.writeString(series, """
                time,source,target,value_mbps
                20050101-0000,A,C,100
                20050101-0005,A,C,200
                20050101-0010,C,A,50
                """);
        Run r = run("telemetry", "replay", "--topology", topologyFile().toString(), "--series", series.toString(),
                "--speedup", "0", "--state-dir", dir.resolve("state").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("done: 3 steps, 12 samples sent, 12 acknowledged, 0 dropped, 0 failed");
    }

    @Test
    void aSeriesThatDoesNotFitTheTopologyIsRefusedWithItsNodes() throws Exception {
        Path series = dir.resolve("other.csv");
        Files.writeString(series, """
                time,source,target,value_mbps
                20050101-0000,X,Y,100
                """);
        Run r = run("telemetry", "replay", "--topology", topologyFile().toString(), "--series", series.toString());
        assertThat(r.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("none of its nodes [X, Y]").contains("topology 'line'");
    }

    @Test
    void collectRefusesANonOpcTcpUrl() {
        Run r = run("telemetry", "collect", "--opcua", "http://127.0.0.1:4840/x", "--bootstrap", "127.0.0.1:1");
        assertThat(r.code()).isEqualTo(ThalamusCli.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--opcua must be an opc.tcp://HOST:PORT/PATH URL");
    }
}
