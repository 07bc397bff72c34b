package io.thalamus.twin.sweep;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.TestNetworks;
import io.thalamus.twin.core.TwinModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
