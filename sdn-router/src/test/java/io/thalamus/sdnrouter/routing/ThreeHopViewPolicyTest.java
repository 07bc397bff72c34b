package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThreeHopViewPolicyTest {

    // the graph of LookaheadTest#threeHopFrontierCountsOnlyPathsLeavingTheTwoHopBall
    private final Topology t = RoutingFixtures.drawn("three-hop",
            List.of("A 0 0", "B 1 0", "C 0 1", "D 2 0", "E 1 1", "F 3 0", "G 2 2", "T 6 0"),
            List.of("A-B", "A-C", "B-D", "B-E", "C-E", "D-F", "E-G", "F-T", "G-T"));
    private final RoutingGraph g = RoutingGraph.of(t);
    private final ThreeHopViewPolicy policy = new ThreeHopViewPolicy();

    private int node(String id) {
        return t.indexOfNode(id);
    }

    private int choose(String at, String to, String... visitedIds) {
        boolean[] visited = new boolean[g.nodeCount()];
        visited[node(at)] = true;
        for (String id : visitedIds) {
            visited[node(id)] = true;
        }
        int slot = policy.choose(new LocalView(g, node(at), node(at), node(to), -1, visited));
        return slot < 0 ? -1 : g.neighbour(node(at), slot);
    }

    @Test
    void picksTheLeastHopPlusThreeHopEstimate() {
        // via B: 1 + 5 = 6; via C: 1 + 1 + sqrt(2) + sqrt(20) = 7.89
        assertThat(choose("A", "T")).isEqualTo(node("B"));
        // with D visited B's only way on is E, which C reaches as cheaply: |AB| + |BE| = |AC| + |CE| = 2; the tie goes to
        // the lower slot, B. With E visited too, C is a dead end and B still has nothing beyond the ball: both
        // estimates are infinite, so the choice falls back to the neighbour closest to T, B (5 against sqrt(37)).
        assertThat(choose("A", "T", "D", "E")).isEqualTo(node("B"));
    }

    @Test
    void takesTheDestinationWhenItIsANeighbourAndDeliversOnTheDrawnGraph() {
        assertThat(choose("F", "T")).isEqualTo(node("T"));
        PacketWalker walker = new PacketWalker(g, policy.on(g));
        Walk w = walker.walk(node("A"), node("T"));
        assertThat(w.delivered()).isTrue();
        assertThat(w.nodes()).containsExactly(node("A"), node("B"), node("D"), node("F"), node("T"));
    }
}
