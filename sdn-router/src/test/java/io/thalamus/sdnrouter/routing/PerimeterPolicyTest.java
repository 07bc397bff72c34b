package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerimeterPolicyTest {

    /** A base policy that is always stuck: with it, {@link PerimeterPolicy} is pure face routing. */
    private static final RoutingPolicy STUCK = new RoutingPolicy() {
        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public boolean geographic() {
            return true;
        }

        @Override
        public int choose(LocalView view) {
            return -1;
        }
    };

    @Test
    void gabrielSubgraphDropsALinkWithAWitnessInItsDiametralCircle() {
        // C(1, 0.5) lies inside the circle with diameter AB: |AC|² + |BC|² = 2.5 < |AB|² = 4.
        Topology t = RoutingFixtures.drawn("triangle", List.of("A 0 0", "B 2 0", "C 1 0.5"), List.of("A-B", "A-C", "B-C"));
        RoutingGraph g = RoutingGraph.of(t);
        int a = t.indexOfNode("A");
        int b = t.indexOfNode("B");
        int c = t.indexOfNode("C");
        assertThat(g.gabriel(a, g.slotOf(a, b))).isFalse();
        assertThat(g.gabriel(b, g.slotOf(b, a))).isFalse();
        assertThat(g.gabriel(a, g.slotOf(a, c))).isTrue();
        assertThat(g.gabriel(c, g.slotOf(c, b))).isTrue();
    }

    @Test
    void gabrielSubgraphOfAUnitDiskGraphIsPlanarAndKeepsItConnected() {
        for (int seed = 0; seed < 4; seed++) {
            RoutingGraph g = RoutingGraph.of(UnitDiskGraphs.generate(60, 2 + seed % 2, seed).largestComponent(), 1000);
            int n = g.nodeCount();
            // connected: BFS over Gabriel links reaches every node
            boolean[] seen = new boolean[n];
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(0));
            seen[0] = true;
            int reached = 1;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int k = 0; k < g.degree(v); k++) {
                    int u = g.neighbour(v, k);
                    if (g.gabriel(v, k) && !seen[u]) {
                        seen[u] = true;
                        reached++;
                        queue.add(u);
                    }
                }
            }
            assertThat(reached).as("seed %d", seed).isEqualTo(n);
            // planar: no two Gabriel links without a common end cross
            for (int v = 0; v < n; v++) {
                for (int k = 0; k < g.degree(v); k++) {
                    int u = g.neighbour(v, k);
                    if (u < v || !g.gabriel(v, k)) {
                        continue;
                    }
                    for (int a = 0; a < n; a++) {
                        for (int j = 0; j < g.degree(a); j++) {
                            int b = g.neighbour(a, j);
                            if (b < a || !g.gabriel(a, j) || a == v || a == u || b == v || b == u) {
                                continue;
                            }
                            assertThat(PerimeterPolicy.crossing(g.x(v), g.y(v), g.x(u), g.y(u), g.x(a), g.y(a), g.x(b), g.y(b)))
                                    .as("seed %d: %s-%s crosses %s-%s", seed, g.id(v), g.id(u), g.id(a), g.id(b)).isNull();
                        }
                    }
                }
            }
        }
    }

    @Test
    void crossingIsHandChecked() {
        assertThat(PerimeterPolicy.crossing(0, 0, 2, 2, 0, 2, 2, 0)).containsExactly(new double[] {1, 1}, within(1e-12));
        assertThat(PerimeterPolicy.crossing(0, 0, 1, 0, 0, 1, 1, 1)).isNull(); // parallel
        assertThat(PerimeterPolicy.crossing(0, 0, 1, 1, 3, 0, 2, 1)).isNull(); // would meet beyond both ends
    }

    @Test
    void faceRoutingDeliversEveryPairOnConnectedUnitDiskGraphs() {
        int pairs = 0;
        for (int seed = 0; seed < 3; seed++) {
            for (double density : new double[] {2, 3}) {
                RoutingGraph g = RoutingGraph.of(UnitDiskGraphs.generate(50, density, 100 + seed).largestComponent(), 1000);
                int n = g.nodeCount();
                int budget = 4 * n * n; // face routing is bounded by the links per face and the faces per recovery, not by 2·N
                for (RoutingPolicy p : List.of(new PerimeterPolicy(STUCK, PerimeterPolicy.Trigger.DEAD_END),
                        new PerimeterPolicy(new GreedyForwardingPolicy(), PerimeterPolicy.Trigger.DEAD_END),
                        new PerimeterPolicy(new GreedyForwardingPolicy(), PerimeterPolicy.Trigger.NO_PROGRESS),
                        new PerimeterPolicy(PolicyFile.defaultPolicy(), PerimeterPolicy.Trigger.DEAD_END))) {
                    PacketWalker walker = new PacketWalker(g, p, budget);
                    for (int s = 0; s < n; s++) {
                        for (int t = 0; t < n; t++) {
                            if (s != t) {
                                assertThat(walker.walk(s, t).delivered()).as("%s seed %d density %s: %s -> %s", p.name(), seed,
                                        density, g.id(s), g.id(t)).isTrue();
                                pairs++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(pairs).isGreaterThan(10_000);
    }

    @Test
    void recoversFromTheGreedyDeadEndAlongTheFace() {
        // S's neighbour P is closer to T but a dead end; the way round goes over Q and R.
        Topology pocket = RoutingFixtures.drawn("pocket",
                List.of("S 0 0", "P 2 0", "Q 0 2", "R 2 3", "T 4 0"),
                List.of("S-P", "S-Q", "Q-R", "R-T"));
        RoutingGraph g = RoutingGraph.of(pocket);
        Walk w = new PacketWalker(g, new PerimeterPolicy(new GreedyForwardingPolicy(), PerimeterPolicy.Trigger.DEAD_END))
                .walk(pocket.indexOfNode("S"), pocket.indexOfNode("T"));
        // greedy S -> P; stuck at P: perimeter from P (its only Gabriel link goes back to S), then at S the first link
        // counterclockwise from S->P (east) is S->Q (north), at Q the first counterclockwise from Q->S is Q->R, R sees T.
        assertThat(w.delivered()).isTrue();
        assertThat(w.nodes()).containsExactly(pocket.indexOfNode("S"), pocket.indexOfNode("P"), pocket.indexOfNode("S"),
                pocket.indexOfNode("Q"), pocket.indexOfNode("R"), pocket.indexOfNode("T"));
        // with NO_PROGRESS the packet never enters the pocket only when greedy would: here P makes progress, same path
        Walk np = new PacketWalker(g, new PerimeterPolicy(new GreedyForwardingPolicy(), PerimeterPolicy.Trigger.NO_PROGRESS))
                .walk(pocket.indexOfNode("S"), pocket.indexOfNode("T"));
        assertThat(np.nodes()).containsExactly(w.nodes());
    }

    @Test
    void resumesTheBasePolicyOnceCloserThanWhereRecoveryStarted() {
        // From S the only progress is the dead end P; recovery starts at P (2 from T) and walks S -> Q -> U;
        // U is 1.5 from T, closer than P, so greedy takes over there and goes straight to T via V, not along the face.
        Topology t = RoutingFixtures.drawn("resume",
                List.of("S 0 0", "P 2 0", "Q 1 2", "U 3 1.2", "V 3.5 0.6", "W 3 2.6", "T 4 0"),
                List.of("S-P", "S-Q", "Q-U", "Q-W", "U-V", "U-W", "V-T", "W-T"));
        RoutingGraph g = RoutingGraph.of(t);
        Walk w = new PacketWalker(g, new PerimeterPolicy(new GreedyForwardingPolicy(), PerimeterPolicy.Trigger.DEAD_END))
                .walk(t.indexOfNode("S"), t.indexOfNode("T"));
        assertThat(w.delivered()).isTrue();
        assertThat(w.nodes()).containsExactly(t.indexOfNode("S"), t.indexOfNode("P"), t.indexOfNode("S"), t.indexOfNode("Q"),
                t.indexOfNode("U"), t.indexOfNode("V"), t.indexOfNode("T"));
    }
}
