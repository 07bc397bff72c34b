package io.thalamus.sdnrouter.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ONOS topology report's validation and the mapping of paths onto ONOS devices and ports, on a hand-made triangle. */
class OnosDecisionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // A-B, B-C, A-C; wired ports: A:2->B:2, B:3->C:2, A:3->C:3 (and back)
    private static final Topology T = new Topology("tri",
            List.of(new Node("A", "A", null, 0, 0), new Node("B", "B", null, 1, 0), new Node("C", "C", null, 2, 0)),
            List.of(link("AB", "A", "B"), link("AB", "B", "A"), link("BC", "B", "C"), link("BC", "C", "B"),
                    link("AC", "A", "C"), link("AC", "C", "A")));
    private static final DataPlaneWiring W = new DataPlaneWiring(
            Map.of("A", new DataPlaneWiring.NodeAttachment("A", 1, "10.0.0.1", "02:00:0a:00:00:01", 1),
                    "B", new DataPlaneWiring.NodeAttachment("B", 2, "10.0.0.2", "02:00:0a:00:00:02", 1),
                    "C", new DataPlaneWiring.NodeAttachment("C", 3, "10.0.0.3", "02:00:0a:00:00:03", 1)),
            Map.of("AB:A-B", new DataPlaneWiring.LinkPorts("AB:A-B", "AB", 2, 2),
                    "AB:B-A", new DataPlaneWiring.LinkPorts("AB:B-A", "AB", 2, 2),
                    "BC:B-C", new DataPlaneWiring.LinkPorts("BC:B-C", "BC", 3, 2),
                    "BC:C-B", new DataPlaneWiring.LinkPorts("BC:C-B", "BC", 2, 3),
                    "AC:A-C", new DataPlaneWiring.LinkPorts("AC:A-C", "AC", 3, 3),
                    "AC:C-A", new DataPlaneWiring.LinkPorts("AC:C-A", "AC", 3, 3)));

    private static Link link(String phys, String a, String b) {
        return new Link(phys + ":" + a + "-" + b, phys, a, b, 1e9, 1, 1, Set.of());
    }

    private static OnosTopologyReport report(String json) throws Exception {
        return OnosTopologyReport.parse(JSON.readTree(json));
    }

    private static final String DEVICES = "\"devices\":[\"of:0000000000000001\",\"of:0000000000000002\",\"of:0000000000000003\"]";

    @Test
    void rulesFollowTheReportedPortsAndEndAtTheHost() throws Exception {
        // ONOS sees A->B leave A by 7 (not the wired 2) and B->C leave B by 9
        OnosTopologyReport r = report("{" + DEVICES + ",\"links\":[\"of:0000000000000001/7-of:0000000000000002/8\","
                + "\"of:0000000000000002/9-of:0000000000000003/4\"]}");
        Flow f = Flow.of("f", "A", "C", 1e6, 4);
        OnosDecisions.Result res = new OnosDecisions(T, W).decide(r,
                Map.of(f, Path.ofLinkIds(T, List.of("AB:A-B", "BC:B-C"))));
        assertThat(res.skipped()).isEmpty();
        assertThat(res.rules()).containsExactly(
                new OnosDecisions.Rule("f", "of:0000000000000001", 1004, "10.0.0.1", "10.0.0.3", 7),
                new OnosDecisions.Rule("f", "of:0000000000000002", 1004, "10.0.0.1", "10.0.0.3", 9),
                new OnosDecisions.Rule("f", "of:0000000000000003", 1004, "10.0.0.1", "10.0.0.3", 1));
    }

    @Test
    void ofParallelOnosLinksTheWiredOneWinsElseTheLowestPort() throws Exception {
        OnosTopologyReport r = report("{" + DEVICES + ",\"links\":[\"of:0000000000000001/5-of:0000000000000002/5\","
                + "\"of:0000000000000001/2-of:0000000000000002/2\",\"of:0000000000000001/6-of:0000000000000003/6\","
                + "\"of:0000000000000001/4-of:0000000000000003/4\"]}");
        OnosDecisions d = new OnosDecisions(T, W);
        Flow ab = Flow.of("ab", "A", "B", 1e6, 0);
        Flow ac = Flow.of("ac", "A", "C", 1e6, 0);
        Map<Flow, Path> paths = new LinkedHashMap<>();
        paths.put(ab, Path.ofLinkIds(T, List.of("AB:A-B")));
        paths.put(ac, Path.ofLinkIds(T, List.of("AC:A-C")));
        List<OnosDecisions.Rule> rules = d.decide(r, paths).rules();
        assertThat(rules.get(0).outPort()).as("wired port 2 among 2 and 5").isEqualTo(2);
        assertThat(rules.get(2).outPort()).as("wired 3 absent: lowest of 4 and 6").isEqualTo(4);
    }

    @Test
    void unmappableAndClashingFlowsGetNoRulesAtAll() throws Exception {
        OnosTopologyReport r = report("{" + DEVICES + ",\"links\":[\"of:0000000000000001/2-of:0000000000000002/2\","
                + "\"of:0000000000000001/3-of:0000000000000003/3\"]}");
        Map<Flow, Path> paths = new LinkedHashMap<>();
        paths.put(Flow.of("via-b", "A", "C", 1e6, 0), Path.ofLinkIds(T, List.of("AB:A-B", "BC:B-C")));
        paths.put(Flow.of("direct", "A", "C", 1e6, 0), Path.ofLinkIds(T, List.of("AC:A-C")));
        paths.put(Flow.of("again", "A", "C", 1e6, 0), Path.ofLinkIds(T, List.of("AC:A-C")));
        OnosDecisions.Result res = new OnosDecisions(T, W).decide(r, paths);
        assertThat(res.skipped()).extracting(OnosDecisions.Skipped::flowId).containsExactly("via-b");
        assertThat(res.skipped().get(0).reason()).contains("BC:B-C");
        // same match, same ports: both kept (identical rules); a clash on output port would skip the later one
        assertThat(res.rules()).extracting(OnosDecisions.Rule::flowId).containsExactly("direct", "direct", "again", "again");
        paths.put(Flow.of("clash", "A", "C", 1e6, 0), Path.ofLinkIds(T, List.of("AB:A-B", "BC:B-C")));
        OnosTopologyReport full = report("{" + DEVICES + ",\"links\":[\"of:0000000000000001/2-of:0000000000000002/2\","
                + "\"of:0000000000000002/3-of:0000000000000003/2\",\"of:0000000000000001/3-of:0000000000000003/3\"]}");
        OnosDecisions.Result res2 = new OnosDecisions(T, W).decide(full, paths);
        assertThat(res2.skipped()).extracting(OnosDecisions.Skipped::flowId).containsExactly("direct", "again");
        assertThat(res2.skipped().get(0).reason()).contains("via-b");
        assertThat(new OnosDecisions(T, W).decide(null, paths).skipped()).hasSize(4);
    }

    @Test
    void reportsAreValidatedWholeWithAPointerPerProblem() {
        assertThatThrownBy(() -> report("{\"devices\":[\"of:1\",\"of:1\",\"x y\"],\"links\":[\"of:1/2-of:2/3\","
                + "\"of:1/99999999999-of:1/2\",7],\"extra\":true}"))
                .isInstanceOfSatisfying(OnosTopologyReport.InvalidReportException.class, e ->
                        assertThat(e.problems()).extracting(OnosTopologyReport.Problem::pointer)
                                .containsExactly("/extra", "/devices/1", "/devices/2", "/links/0", "/links/1", "/links/2"));
        assertThatThrownBy(() -> report("[]")).hasMessageContaining("expected an object");
        assertThatThrownBy(() -> report("{\"devices\":{},\"links\":[]}")).hasMessageContaining("/devices expected an array");
    }

    @Test
    void aValidReportKeepsOrderAndReadsOnosLinkIds() throws Exception {
        OnosTopologyReport r = report("{\"devices\":[\"of:0000000000000002\",\"of:0000000000000001\"],"
                + "\"links\":[\"of:0000000000000002/10-of:0000000000000001/4294967040\"]}");
        assertThat(r.devices()).containsExactly("of:0000000000000002", "of:0000000000000001");
        assertThat(r.links()).containsExactly(new OnosTopologyReport.OnosLink("of:0000000000000002", 10,
                "of:0000000000000001", 4294967040L));
        assertThat(r.links().get(0).wire()).isEqualTo("of:0000000000000002/10-of:0000000000000001/4294967040");
    }
}
