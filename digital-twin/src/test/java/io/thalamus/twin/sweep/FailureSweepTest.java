package io.thalamus.twin.sweep;

import io.thalamus.network.data.SharedData;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.TopologyReaders;
import io.thalamus.network.topology.Demand;
import io.thalamus.network.topology.Link;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.TestNetworks;
import io.thalamus.twin.core.TwinModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureSweepTest {

    private static final RoutingFunction SP = RoutingFunction.shortestPath();

    private static TwinModel squareModel() {
        return TwinModel.initial(TestNetworks.square(), List.of(
                Flow.of("ac", "A", "C", 2e6, 1),
                Flow.of("bc", "B", "C", 1e6, 0),
                Flow.of("de", "D", "E", 1e6, 0),
                Flow.of("ce", "C", "E", 3e6, 0)), SP);
    }

    @Test
    void singleLinkSweepRanksTheCutThatDisconnectsMostDemandFirst() {
        SweepResult r = new FailureSweep(squareModel(), SP).run(FailureKind.SINGLE_LINK);
        assertEquals(5, r.ranked().size());
        FailureImpact worst = r.ranked().get(0);
        assertEquals("CE", worst.failure().element());
        assertEquals(2, worst.flowsDisconnected());
        assertEquals(4e6, worst.demandLostBps(), 1e-6);
        // Cutting A-B moves ac (2) onto A-D-C: D-C then carries 2 of 10.
        FailureImpact ab = r.ranked().stream().filter(i -> i.failure().element().equals("AB")).findFirst().orElseThrow();
        assertEquals(1, ab.flowsAffected());
        assertEquals(1, ab.flowsRerouted());
        assertEquals(0, ab.demandLostBps(), 1e-9);
        // B-C carries bc (1) and nothing else after ac moved; C-E carries ce + de = 4 of 10: the worst.
        assertEquals(0.4, ab.maxUtilisation(), 1e-12);
    }

    @Test
    void nodeSweepDisconnectsEveryDemandOfTheNode() {
        SweepResult r = new FailureSweep(squareModel(), SP).run(FailureKind.SINGLE_NODE);
        FailureImpact c = r.ranked().get(0);
        assertEquals("C", c.failure().element());
        assertEquals(4, c.flowsDisconnected());
        assertEquals(7e6, c.demandLostBps(), 1e-6);
    }

    @Test
    void srlgSweepTakesDownTheWholeGroup() {
        Topology t = TestNetworks.of("srlg", "AB A B 10e6 1 duct1", "BC B C 10e6 1 duct1", "AC A C 10e6 5");
        TwinModel m = TwinModel.initial(t, List.of(Flow.of("ab", "A", "B", 4e6, 0), Flow.of("ac", "A", "C", 8e6, 0)), SP);
        SweepResult r = new FailureSweep(m, SP).run(FailureKind.SRLG);
        assertEquals(1, r.ranked().size());
        FailureImpact d = r.ranked().get(0);
        assertEquals(4, d.failure().linkIds().size());
        // ac moves onto A-C (8 of 10); ab has no way left (both of B's links share the duct).
        assertEquals(0.8, d.maxUtilisation(), 1e-12);
        assertEquals(1, d.flowsDisconnected());
        assertEquals(4e6, d.demandLostBps(), 1e-3);
    }

    @Test
    void incrementalSweepAgreesWithFullRecomputationOnARandomGrid() {
        List<String> specs = new ArrayList<>();
        int k = 6;
        Random rnd = new Random(42);
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                String v = "n" + r + "_" + c;
                if (c + 1 < k) {
                    specs.add("h" + r + "_" + c + " " + v + " n" + r + "_" + (c + 1) + " 1e9 " + (1 + rnd.nextInt(5)));
                }
                if (r + 1 < k) {
                    specs.add("v" + r + "_" + c + " " + v + " n" + (r + 1) + "_" + c + " 1e9 " + (1 + rnd.nextInt(5)));
                }
            }
        }
        Topology t = TestNetworks.of("grid", specs.toArray(String[]::new));
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String s = t.nodes().get(rnd.nextInt(t.nodeCount())).id();
            String d = t.nodes().get(rnd.nextInt(t.nodeCount())).id();
            if (!s.equals(d)) {
                flows.add(Flow.of("f" + i, s, d, 1e7 + rnd.nextInt(50) * 1e6, rnd.nextInt(3)));
            }
        }
        FailureSweep sweep = new FailureSweep(TwinModel.initial(t, flows, SP), SP);
        for (FailureKind kind : List.of(FailureKind.SINGLE_LINK, FailureKind.SINGLE_NODE)) {
            for (Failure f : sweep.candidates(kind)) {
                FailureImpact inc = sweep.evaluate(f);
                FailureImpact naive = sweep.evaluateNaive(f);
                assertEquals(naive.flowsAffected(), inc.flowsAffected(), f.element());
                assertEquals(naive.flowsDisconnected(), inc.flowsDisconnected(), f.element());
                assertEquals(naive.maxUtilisation(), inc.maxUtilisation(), 1e-9, f.element());
                assertEquals(naive.demandLostBps(), inc.demandLostBps(), 1e-3, f.element());
                assertEquals(naive.linksOverloaded(), inc.linksOverloaded(), f.element());
            }
        }
    }

    /** A-B-C (weight 2), A-D-C (3), A-E-C (6); 10 Mbit/s links; one 4 Mbit/s flow A to C. */
    private static TwinModel detours() {
        Topology t = TestNetworks.of("detours", "AB A B 10e6 1", "BC B C 10e6 1", "AD A D 10e6 1", "DC D C 10e6 2",
                "AE A E 10e6 3", "EC E C 10e6 3");
        return TwinModel.initial(t, List.of(Flow.of("ac", "A", "C", 4e6, 0)), SP);
    }

    @Test
    void reroutedFlowsAvoidADrainedNodeWhereAnotherPathExists() {
        FailureSweep plain = new FailureSweep(detours(), SP);
        Failure ab = plain.candidates(FailureKind.SINGLE_LINK).get(0);
        assertEquals("AB", ab.element());
        // Without maintenance the flow takes A-D-C, the next shortest path.
        assertEquals("AD:A-D", plain.evaluate(ab).worstLink());
        // With D drained it takes A-E-C (4 of 10 on both links; the first one is reported).
        FailureSweep drained = new FailureSweep(detours().withDrained(Set.of(), Set.of("D")).reconverge(SP), SP);
        FailureImpact i = drained.evaluate(ab);
        assertEquals("AE:A-E", i.worstLink());
        assertEquals(0.4, i.maxUtilisation(), 1e-12);
        assertEquals(1, i.flowsRerouted());
        assertEquals(0, i.demandLostBps(), 1e-9);
    }

    @Test
    void aDrainedNodeIsCrossedWhenItIsTheOnlyWayLeft() {
        TwinModel m = detours().withDrained(Set.of(), Set.of("D", "E")).reconverge(SP);
        FailureImpact i = new FailureSweep(m, SP).run(FailureKind.SINGLE_LINK).ranked().stream()
                .filter(x -> x.failure().element().equals("AB")).findFirst().orElseThrow();
        assertEquals(0, i.flowsDisconnected());
        assertEquals("AD:A-D", i.worstLink());
    }

    @Test
    void measuredLoadsCountAsTheLinksOfferedLoad() {
        // Telemetry says E-C carries 11 Mbit/s: after A-B fails the worst link is E-C, over capacity, although
        // the flows alone would put 4 Mbit/s there. Sharing is the flows' own: nothing of them is lost.
        TwinModel m = detours().withDrained(Set.of(), Set.of("D")).reconverge(SP).withMeasuredLoad("EC:E-C", 11e6);
        FailureSweep sweep = new FailureSweep(m, SP);
        Failure ab = sweep.candidates(FailureKind.SINGLE_LINK).get(0);
        FailureImpact i = sweep.evaluate(ab);
        assertEquals("EC:E-C", i.worstLink());
        assertEquals(1.1, i.maxUtilisation(), 1e-12);
        assertEquals(1, i.linksOverloaded());
        assertEquals(0, i.demandLostBps(), 1e-9);
    }

    @Test
    void sweepOnATwinWithADrainedNodeAndMeasuredLoadsEqualsFullRecomputationOnGermany50() {
        Assumptions.assumeTrue(SharedData.root().isPresent(), "shared data folder not found (set THALAMUS_DATA)");
        Topology g = TopologyReaders.read(SharedData.resolve("sndlib/xml/germany50/germany50.xml"));
        List<Flow> flows = new ArrayList<>();
        Random rnd = new Random(11);
        for (Demand d : g.demands()) {
            if (d.valueBps() > 0) {
                // Demands scaled up and spread over three classes so that failures over-subscribe links.
                flows.add(Flow.of(d.id(), d.source(), d.target(), d.valueBps() * 40, rnd.nextInt(3)));
            }
        }
        TwinModel base = TwinModel.initial(g, flows, SP);
        TwinModel m = base.withDrained(Set.of(), Set.of("Frankfurt")).reconverge(SP);
        for (int k = 0; k < 15; k++) {
            Link l = g.links().get(rnd.nextInt(g.linkCount()));
            m = m.withMeasuredLoad(l.id(), l.capacityBps() * (0.2 + 1.0 * rnd.nextDouble()));
        }
        FailureSweep sweep = new FailureSweep(m, SP);
        FailureSweep ignoringState = new FailureSweep(base, SP);
        List<Failure> failures = sweep.candidates(FailureKind.SINGLE_LINK);
        assertEquals(88, failures.size());
        int differ = 0;
        int withLoss = 0;
        for (Failure f : failures) {
            FailureImpact inc = sweep.evaluate(f);
            FailureImpact naive = sweep.evaluateNaive(f);
            assertEquals(naive.flowsAffected(), inc.flowsAffected(), f.element());
            assertEquals(naive.flowsRerouted(), inc.flowsRerouted(), f.element());
            assertEquals(naive.flowsDisconnected(), inc.flowsDisconnected(), f.element());
            assertEquals(naive.maxUtilisation(), inc.maxUtilisation(), 1e-9, f.element());
            assertEquals(naive.worstLink(), inc.worstLink(), f.element());
            assertEquals(naive.linksOverloaded(), inc.linksOverloaded(), f.element());
            assertEquals(naive.demandLostBps(), inc.demandLostBps(), 1e-6 * Math.max(1, naive.demandLostBps()), f.element());
            FailureImpact old = ignoringState.evaluate(f);
            if (Math.abs(old.maxUtilisation() - inc.maxUtilisation()) > 1e-9 || !old.worstLink().equals(inc.worstLink())) {
                differ++;
            }
            if (inc.demandLostBps() > 0) {
                withLoss++;
            }
        }
        // The drain and the measured loads change the answer (so the equality above is not vacuous).
        assertTrue(differ > 10, "failures whose answer the twin's state changes: " + differ);
        assertTrue(withLoss > 0, "some failure should over-subscribe a link");
    }
}
