package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GreedyForwardingPolicyTest {

    // A(0,0) B(1,1) C(1,-0.8) D(2,0.2) E(3,0) F(1.5,2.5)
    private final Topology drawn = RoutingFixtures.drawn("drawn",
            List.of("A 0 0", "B 1 1", "C 1 -0.8", "D 2 0.2", "E 3 0", "F 1.5 2.5"),
            List.of("A-B", "A-C", "B-D", "C-D", "B-F", "D-E", "F-E"));

    private int[] walk(Topology t, RoutingPolicy policy, String from, String to) {
        RoutingGraph g = RoutingGraph.of(t);
        Walk w = new PacketWalker(g, policy).walk(t.indexOfNode(from), t.indexOfNode(to));
        assertThat(w.delivered()).isTrue();
        return w.nodes();
    }

    private List<String> ids(Topology t, int[] nodes) {
        return java.util.Arrays.stream(nodes).mapToObj(i -> t.nodes().get(i).id()).toList();
    }

    @Test
    void reproducesHandCheckedNextHops() {
        // From A toward E: d(B,E) = sqrt(5) = 2.236, d(C,E) = sqrt(4.64) = 2.154 -> C.
        // From C: A is visited, d(D,E) = sqrt(1.04) = 1.020 -> D. From D: E is a neighbour -> E.
        assertThat(ids(drawn, walk(drawn, new GreedyForwardingPolicy(), "A", "E"))).containsExactly("A", "C", "D", "E");
        // From F toward A: d(B,A) = 1.414 against E at 3 -> B; B is adjacent to A.
        assertThat(ids(drawn, walk(drawn, new GreedyForwardingPolicy(), "F", "A"))).containsExactly("F", "B", "A");
        // From E toward C: d(D,C) = sqrt(2) = 1.414 beats d(F,C) = sqrt(11.14) = 3.338 -> D; D is adjacent to C.
        assertThat(ids(drawn, walk(drawn, new GreedyForwardingPolicy(), "E", "C"))).containsExactly("E", "D", "C");
    }

    @Test
    void deadEndIsAMissWithoutFallbackAndDeliveredWithBacktracking() {
        // S's neighbour P is closer to T but a dead end; the way round goes over Q and R.
        Topology pocket = RoutingFixtures.drawn("pocket",
                List.of("S 0 0", "P 2 0", "Q 0 2", "R 2 3", "T 4 0"),
                List.of("S-P", "S-Q", "Q-R", "R-T"));
        RoutingGraph g = RoutingGraph.of(pocket);
        int s = pocket.indexOfNode("S");
        int t = pocket.indexOfNode("T");
        Walk greedy = new PacketWalker(g, new GreedyForwardingPolicy()).walk(s, t);
        assertThat(greedy.delivered()).isFalse();
        assertThat(ids(pocket, greedy.nodes())).containsExactly("S", "P");

        Walk fallback = new PacketWalker(g, new BacktrackingPolicy(new GreedyForwardingPolicy())).walk(s, t);
        assertThat(fallback.delivered()).isTrue();
        assertThat(ids(pocket, fallback.nodes())).containsExactly("S", "P", "S", "Q", "R", "T");
        assertThat(fallback.length()).isCloseTo(2 + 2 + 2 + Math.hypot(2, 1) + Math.hypot(2, 3), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void refusesAGraphWithoutCoordinates() {
        Topology noCoordinates = new Topology("plain",
                List.of(new io.thalamus.network.topology.Node("a", "a", null), new io.thalamus.network.topology.Node("b", "b", null)),
                drawn.links().subList(0, 0));
        RoutingGraph g = RoutingGraph.of(noCoordinates);
        assertThatThrownBy(() -> new PacketWalker(g, new GreedyForwardingPolicy()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greedy")
                .hasMessageContaining("node 'a'")
                .hasMessageContaining("coordinates");
        assertThatThrownBy(() -> new PacketWalker(g, PolicyFile.defaultPolicy()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learned");
        // the shortest-path policy needs no coordinates
        assertThat(new PacketWalker(g, new ShortestPathPolicy()).walk(0, 0).delivered()).isTrue();
    }
}
