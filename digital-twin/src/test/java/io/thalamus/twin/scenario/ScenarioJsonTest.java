package io.thalamus.twin.scenario;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.TestNetworks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioJsonTest {

    private static final Topology T = TestNetworks.square();
    private static final List<Flow> FLOWS = List.of(Flow.of("f1", "A", "C", 1e6, 0));

    private static ScenarioException error(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioJson.parse(json, T, FLOWS));
    }

    @Test
    void unknownLinkNamesItsPointer() {
        ScenarioException e = error("{\"steps\":[{\"type\":\"link-down\",\"links\":[\"AB\",\"XY\"]}]}");
        assertEquals("/steps/0/links/1", e.pointer());
        assertTrue(e.getMessage().contains("unknown link 'XY'"), e.getMessage());
    }

    @Test
    void negativeScaleNamesTheFactor() {
        ScenarioException e = error("{\"steps\":[{\"type\":\"link-down\",\"link\":\"AB:A-B\"},{\"type\":\"traffic-scale\",\"factor\":-2}]}");
        assertEquals("/steps/1/factor", e.pointer());
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
    }

    @Test
    void malformedJsonSaysWhere() {
        ScenarioException e = error("{\"steps\":[{\"type\":\"link-down\",\n\"links\":[\"AB\"}]}");
        assertTrue(e.getMessage().contains("malformed JSON at line 2"), e.getMessage());
    }

    @Test
    void unknownTypeFieldAndFlowAreNamed() {
        assertEquals("/steps/0/type", error("{\"steps\":[{\"type\":\"meteor-strike\"}]}").pointer());
        assertEquals("/steps/0/color", error("{\"steps\":[{\"type\":\"node-down\",\"node\":\"A\",\"color\":1}]}").pointer());
        assertEquals("/steps/0/flows/0", error("{\"steps\":[{\"type\":\"remove-flows\",\"flows\":[\"nope\"]}]}").pointer());
        assertEquals("/steps/0/node", error("{\"steps\":[{\"type\":\"drain\",\"node\":\"Z\"}]}").pointer());
        assertEquals("/steps/0/flows/0/bandwidthBps", error("{\"steps\":[{\"type\":\"add-flows\",\"flows\":"
                + "[{\"id\":\"x\",\"source\":\"A\",\"destination\":\"B\",\"bandwidthBps\":-1}]}]}").pointer());
        assertEquals("/steps/0/flows/0/id", error("{\"steps\":[{\"type\":\"add-flows\",\"flows\":"
                + "[{\"id\":\"f1\",\"source\":\"A\",\"destination\":\"B\",\"bandwidthBps\":1}]}]}").pointer());
        assertEquals("/steps/0/srlgs/0", error("{\"steps\":[{\"type\":\"srlg-down\",\"srlgs\":[\"g9\"]}]}").pointer());
        assertEquals("/steps", error("{\"steps\":[]}").pointer());
    }

    @Test
    void roundTripsEveryStepType() {
        String json = "{\"name\":\"all\",\"steps\":[{\"type\":\"link-down\",\"links\":[\"AB\"]},"
                + "{\"type\":\"node-down\",\"nodes\":[\"E\"]},"
                + "{\"type\":\"capacity-change\",\"link\":\"BC:B-C\",\"capacityBps\":2.0E7},"
                + "{\"type\":\"traffic-scale\",\"factor\":1.5,\"source\":\"A\",\"destination\":\"C\"},"
                + "{\"type\":\"add-flows\",\"flows\":[{\"id\":\"n\",\"source\":\"A\",\"destination\":\"D\",\"bandwidthBps\":1000.0,\"priority\":2}]},"
                + "{\"type\":\"remove-flows\",\"flows\":[\"f1\"]},"
                + "{\"type\":\"drain\",\"node\":\"D\"}]}";
        Scenario s = ScenarioJson.parse(json, T, FLOWS);
        assertEquals(7, s.steps().size());
        Scenario again = ScenarioJson.parse(ScenarioJson.toTree(s).toString(), T, FLOWS);
        assertEquals(s, again);
    }
}
