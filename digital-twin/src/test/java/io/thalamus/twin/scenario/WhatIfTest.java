package io.thalamus.twin.scenario;

import io.thalamus.network.flow.Flow;
import io.thalamus.twin.TestNetworks;
import io.thalamus.twin.core.NetworkTwin;
import io.thalamus.twin.sim.TwinState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatIfTest {

    private static NetworkTwin twin() {
        return new NetworkTwin(TestNetworks.square(), List.of(
                new Flow("ac", "A", "C", 2e6, 1, 5.0, null, 1),
                Flow.of("bc", "B", "C", 1e6, 0),
                Flow.of("de", "D", "E", 1e6, 0),
                Flow.of("ce", "C", "E", 3e6, 0)));
    }

    private static Scenario parse(NetworkTwin twin, String json) {
        return ScenarioJson.parse(json, twin.topology(), twin.model().flows());
    }

    @Test
    void linkFailureReroutesAlongTheNextShortestPathAndTheDiffNamesTheFlow() {
        NetworkTwin twin = twin();
        assertEquals(List.of("AB:A-B", "BC:B-C"), twin.state().flow("ac").orElseThrow().pathLinkIds());
        WhatIfResult r = WhatIf.run(twin, parse(twin, "{\"name\":\"cut AB\",\"steps\":[{\"type\":\"link-down\",\"links\":[\"AB\"]}]}"));
        assertEquals(List.of("DA:A-D", "CD:D-C"), r.after().flow("ac").orElseThrow().pathLinkIds());
        assertEquals(List.of("ac"), r.impacts().stream().map(FlowImpact::flowId).toList());
        FlowImpact ac = r.impacts().get(0);
        assertTrue(ac.rerouted());
        assertFalse(ac.disconnected());
        // 2 hops of 1 ms propagation before and after, but the new path's links are the same speed: delay alike.
        assertEquals(r.before().flow("ac").orElseThrow().delayMs(), ac.delayBeforeMs());
        assertEquals(0, r.after().kpis().flowsDisconnected());
        assertFalse(r.after().link("AB:A-B").orElseThrow().up());
    }

    @Test
    void nodeFailureDisconnectsItsOwnDemandsAndSaysSo() {
        NetworkTwin twin = twin();
        WhatIfResult r = WhatIf.run(twin, parse(twin, "{\"type\":\"node-down\",\"node\":\"C\"}"));
        // C's own flows (ac, bc, ce) disconnect; de reroutes? D-E only goes through C, so it disconnects too.
        List<String> disconnected = r.impactsAtLeast(3).stream().map(FlowImpact::flowId).sorted().toList();
        assertEquals(List.of("ac", "bc", "ce", "de"), disconnected);
        assertEquals(4, r.after().kpis().flowsDisconnected());
        assertEquals("disconnected", r.impacts().get(0).kind());
        assertEquals("ac", r.impacts().get(0).flowId(), "the highest priority flow ranks first");
        assertEquals(7e6, r.after().kpis().demandLostBps(), 1e-6);
    }

    @Test
    void nodeFailureOffThePathOnlyDisconnectsTheNodesFlows() {
        NetworkTwin twin = twin();
        WhatIfResult r = WhatIf.run(twin, parse(twin, "{\"type\":\"node-down\",\"nodes\":[\"E\"]}"));
        assertEquals(List.of("ce", "de"), r.impactsAtLeast(3).stream().map(FlowImpact::flowId).sorted().toList());
        assertFalse(r.after().flow("ac").orElseThrow().disconnected());
    }

    @Test
    void overloadAfterFailureIsRankedAsBandwidthLossAndDelayBoundBreak() {
        NetworkTwin twin = twin();
        // Scale everything by 4: C-E carries 16 Mbit/s on 10.
        WhatIfResult r = WhatIf.run(twin, parse(twin, "[{\"type\":\"traffic-scale\",\"factor\":4}]"));
        assertTrue(r.after().kpis().maxUtilisation() > 1.5);
        FlowImpact ce = r.impacts().stream().filter(i -> i.flowId().equals("ce")).findFirst().orElseThrow();
        assertTrue(ce.bandwidthLostBps() > 0);
        assertEquals("bandwidth-lost", ce.kind());
    }

    @Test
    void capacityChangeOnAPhysicalIdChangesBothDirections() {
        NetworkTwin twin = twin();
        WhatIfResult r = WhatIf.run(twin, parse(twin, "{\"type\":\"capacity-change\",\"link\":\"CE\",\"factor\":0.5}"));
        assertEquals(5e6, r.after().link("CE:C-E").orElseThrow().capacityBps());
        assertEquals(5e6, r.after().link("CE:E-C").orElseThrow().capacityBps());
        assertEquals(0.8, r.after().link("CE:C-E").orElseThrow().utilisation(), 1e-12);
    }

    @Test
    void drainMovesTrafficOffALinkButNeverDisconnects() {
        NetworkTwin twin = twin();
        WhatIfResult r = WhatIf.run(twin, parse(twin, "{\"steps\":[{\"type\":\"drain\",\"link\":\"BC\"},{\"type\":\"drain\",\"link\":\"CE\"}]}"));
        // bc has another way (B-A-D-C); ce has none, so it stays on the drained link.
        assertEquals(List.of("AB:B-A", "DA:A-D", "CD:D-C"), r.after().flow("bc").orElseThrow().pathLinkIds());
        assertEquals(List.of("CE:C-E"), r.after().flow("ce").orElseThrow().pathLinkIds());
        assertEquals(0, r.after().kpis().flowsDisconnected());
    }

    @Test
    void addAndRemoveFlowsCombine() {
        NetworkTwin twin = twin();
        WhatIfResult r = WhatIf.run(twin, parse(twin, "{\"steps\":[{\"type\":\"remove-flows\",\"flows\":[\"de\"]},"
                + "{\"type\":\"add-flows\",\"flows\":[{\"id\":\"new\",\"source\":\"A\",\"destination\":\"E\",\"bandwidthBps\":1e6}]}]}"));
        assertTrue(r.after().flow("de").isEmpty());
        assertEquals(List.of("AB:A-B", "BC:B-C", "CE:C-E"), r.after().flow("new").orElseThrow().pathLinkIds());
    }

    @Test
    void forksNeverChangeTheLiveTwin() throws Exception {
        NetworkTwin twin = twin();
        TwinState live = twin.state();
        long version = twin.model().version();
        WhatIf.run(twin, parse(twin, "{\"type\":\"node-down\",\"node\":\"C\"}"));
        NetworkTwin fork = twin.fork();
        fork.update(m -> parse(twin, "{\"type\":\"link-down\",\"link\":\"AB\"}").applyTo(m, fork.routing()));
        assertTrue(fork.state().link("AB:A-B").map(l -> !l.up()).orElseThrow());
        assertEquals(version, twin.model().version());
        assertTrue(twin.model().downLinks().isEmpty());
        assertTrue(twin.model().downNodes().isEmpty());
        assertEquals(live.kpis(), twin.state().kpis());
        assertEquals(List.of("AB:A-B", "BC:B-C"), twin.state().flow("ac").orElseThrow().pathLinkIds());
    }

    @Test
    void readsStayConsistentWhileWhatIfsRun() throws Exception {
        NetworkTwin twin = twin();
        Scenario cut = parse(twin, "{\"type\":\"link-down\",\"link\":\"AB\"}");
        Thread worker = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                WhatIf.run(twin, cut);
            }
        });
        worker.start();
        for (int i = 0; i < 200; i++) {
            assertEquals(0, twin.state().kpis().flowsDisconnected());
            assertTrue(twin.state().link("AB:A-B").orElseThrow().up());
        }
        worker.join();
    }

    @Test
    void applyingToTheLiveTwinChangesItAndNotifiesListeners() {
        NetworkTwin twin = twin();
        List<TwinState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        twin.addChangeListener(seen::add);
        WhatIfResult r = WhatIf.apply(twin, parse(twin, "{\"type\":\"link-down\",\"link\":\"AB\"}"));
        assertEquals(1, seen.size());
        assertEquals(r.after().version(), twin.model().version());
        assertFalse(twin.state().link("AB:B-A").orElseThrow().up());
    }
}
