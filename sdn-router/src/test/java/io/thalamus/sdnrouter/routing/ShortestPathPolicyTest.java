package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class ShortestPathPolicyTest {

    @Test
    void walksHaveTheLengthJGraphTsDijkstraFindsForEveryPair() {
        for (long seed = 1; seed <= 3; seed++) {
            Topology t = UnitDiskGraphs.generate(40, 3, seed);
            SimpleDirectedWeightedGraph<String, DefaultWeightedEdge> jg = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
            for (Node n : t.nodes()) {
                jg.addVertex(n.id());
            }
            for (Link l : t.links()) {
                jg.setEdgeWeight(jg.addEdge(l.source(), l.target()), l.weight());
            }
            DijkstraShortestPath<String, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(jg);
            RoutingGraph g = RoutingGraph.of(t, 1000);
            PacketWalker walker = new PacketWalker(g, new ShortestPathPolicy());
            int compared = 0;
            for (int s = 0; s < g.nodeCount(); s++) {
                var paths = dijkstra.getPaths(g.id(s));
                for (int d = 0; d < g.nodeCount(); d++) {
                    if (s == d) {
                        continue;
                    }
                    var expected = paths.getPath(g.id(d));
                    Walk w = walker.walk(s, d);
                    if (expected == null) {
                        assertThat(w.delivered()).as("%s -> %s is unreachable", g.id(s), g.id(d)).isFalse();
                        assertThat(g.shortestPaths().reachable(s, d)).isFalse();
                    } else {
                        assertThat(w.delivered()).isTrue();
                        assertThat(w.length()).isCloseTo(expected.getWeight(), offset(1e-6));
                        assertThat(g.shortestPaths().distance()[d][s]).isCloseTo(expected.getWeight(), offset(1e-6));
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(200);
        }
    }
}
