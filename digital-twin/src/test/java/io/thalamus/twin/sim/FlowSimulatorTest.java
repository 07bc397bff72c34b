package io.thalamus.twin.sim;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.TestNetworks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowSimulatorTest {

    private static final Topology LINE = TestNetworks.of("line", "AB A B 1e6 1", "BC B C 1e6 1");

    private static TwinState run(QueueModel q, List<Flow> flows, Map<String, Path> routes) {
        return new FlowSimulator(q).simulate(LINE, flows, routes, Set.of(), Set.of(), Map.of(), 1);
    }

    @Test
    void delayFollowsTheMm1kFormulaAtHalfLoad() {
        // 1 Mbit/s link, 1000-bit packets (mu = 1000/s), buffer 9 (K = 10), 0.5 Mbit/s offered: rho = 0.5.
        QueueModel q = new QueueModel(1000, 9);
        Flow f = Flow.of("f", "A", "B", 0.5e6, 0);
        TwinState s = run(q, List.of(f), Map.of("f", Path.ofNodes(LINE, List.of("A", "B"))));
        double rho = 0.5;
        int k = 10;
        double pk = (1 - rho) * Math.pow(rho, k) / (1 - Math.pow(rho, k + 1));
        double l = rho / (1 - rho) - (k + 1) * Math.pow(rho, k + 1) / (1 - Math.pow(rho, k + 1));
        double w = l / (500 * (1 - pk));
        assertEquals(w * 1000, s.link("AB:A-B").orElseThrow().delayMs(), 1e-9);
        assertEquals(1.0 + w * 1000, s.flow("f").orElseThrow().delayMs(), 1e-9, "propagation 1 ms + sojourn");
        assertEquals(pk, s.flow("f").orElseThrow().lossRate(), 1e-12);
        assertEquals(0.5, s.link("AB:A-B").orElseThrow().utilisation(), 1e-12);
    }

    @Test
    void withALargeBufferDelayApproachesMm1AndGrowsWithUtilisation() {
        QueueModel q = new QueueModel(1000, 5000);
        double previous = 0;
        for (double rho : new double[] {0.1, 0.5, 0.8, 0.9}) {
            Flow f = Flow.of("f", "A", "B", rho * 1e6, 0);
            TwinState s = run(q, List.of(f), Map.of("f", Path.ofNodes(LINE, List.of("A", "B"))));
            double mm1 = 1.0 / (1000 - rho * 1000) * 1000;
            double d = s.link("AB:A-B").orElseThrow().delayMs();
            assertEquals(mm1, d, 1e-6, "M/M/1 sojourn 1/(mu - lambda) at rho " + rho);
            assertTrue(d > previous);
            previous = d;
        }
    }

    @Test
    void twoFlowsSharingABottleneckGetTheMaxMinSplit() {
        QueueModel q = new QueueModel(1000, 100);
        Flow f1 = Flow.of("f1", "A", "C", 0.8e6, 0);
        Flow f2 = Flow.of("f2", "B", "C", 0.2e6, 0);
        Flow f3 = Flow.of("f3", "B", "C", 0.9e6, 0);
        TwinState s = run(q, List.of(f1, f2, f3), Map.of(
                "f1", Path.ofNodes(LINE, List.of("A", "B", "C")),
                "f2", Path.ofNodes(LINE, List.of("B", "C")),
                "f3", Path.ofNodes(LINE, List.of("B", "C"))));
        // B-C carries 1.9 Mbit/s offered on 1 Mbit/s: f2 keeps 0.2, f1 and f3 get 0.4 each.
        LinkState bc = s.link("BC:B-C").orElseThrow();
        assertEquals(1.9, bc.utilisation(), 1e-12);
        assertEquals(1e6, bc.carriedBps(), 1e-3);
        double delivered = 1 - q.loss(1.0);
        double deliveredAb = 1 - q.loss(0.4);
        assertEquals(0.2e6 * delivered, s.flow("f2").orElseThrow().throughputBps(), 1e-3);
        assertEquals(0.4e6 * delivered, s.flow("f3").orElseThrow().throughputBps(), 1e-3);
        assertEquals(0.4e6 * delivered * deliveredAb, s.flow("f1").orElseThrow().throughputBps(), 1e-3);
        assertEquals(1, s.kpis().linksOverloaded());
        assertEquals(1.9, s.kpis().maxUtilisation(), 1e-12);
        assertEquals("BC:B-C", s.kpis().mostUtilisedLink());
    }

    @Test
    void strictPriorityStarvesTheLowerClassAndItsDelayReflectsOnlyHigherTraffic() {
        QueueModel q = new QueueModel(1000, 100);
        Flow hi = Flow.of("hi", "A", "B", 0.6e6, 3);
        Flow lo = Flow.of("lo", "A", "B", 0.6e6, 1);
        Path ab = Path.ofNodes(LINE, List.of("A", "B"));
        TwinState s = run(q, List.of(hi, lo), Map.of("hi", ab, "lo", ab));
        FlowState h = s.flow("hi").orElseThrow();
        FlowState l = s.flow("lo").orElseThrow();
        // hi gets its 0.6; lo gets the remaining 0.4.
        assertEquals(0.6e6 * (1 - q.loss(0.6)), h.throughputBps(), 1e-3);
        assertEquals(0.4e6 * (1 - q.loss(1.0)), l.throughputBps(), 1e-3);
        assertEquals(1.0 + q.sojournSeconds(1e6, 0.6) * 1000, h.delayMs(), 1e-9);
        assertEquals(1.0 + q.sojournSeconds(1e6, 1.0) * 1000, l.delayMs(), 1e-9);
        assertTrue(l.delayMs() > h.delayMs());
    }

    @Test
    void aFlowWithoutRouteIsDisconnected() {
        Flow f = Flow.of("f", "A", "C", 1e5, 0);
        TwinState s = run(QueueModel.DEFAULT, List.of(f), Map.of());
        assertTrue(s.flow("f").orElseThrow().disconnected());
        assertEquals(1, s.kpis().flowsDisconnected());
        assertEquals(1e5, s.kpis().demandLostBps(), 1e-9);
    }
}
