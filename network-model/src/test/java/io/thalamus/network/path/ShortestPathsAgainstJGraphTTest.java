package io.thalamus.network.path;

import io.thalamus.network.data.SharedData;
import io.thalamus.network.format.GraphMlReader;
import io.thalamus.network.format.SndlibXmlReader;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;


import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Our Dijkstra and Yen against JGraphT's on real graphs: same costs for every tested pair. */
class ShortestPathsAgainstJGraphTTest {

    private static java.nio.file.Path data(String rel) {
        Assumptions.assumeTrue(SharedData.root().isPresent(), "shared data folder not found (set THALAMUS_DATA)");
        return SharedData.resolve(rel);
    }

    private static Graph<String, Link> jgrapht(Topology t, ToDoubleFunction<Link> cost) {
        Graph<String, Link> g = new DirectedWeightedMultigraph<>(Link.class);
        t.nodes().forEach(n -> g.addVertex(n.id()));
        for (Link l : t.links()) {
            g.addEdge(l.source(), l.target(), l);
            g.setEdgeWeight(l, cost.applyAsDouble(l));
        }
        return g;
    }

    private static List<Topology> graphs() {
        return List.of(
                SndlibXmlReader.read(data("sndlib/xml/germany50/germany50.xml")),
                SndlibXmlReader.read(data("sndlib/xml/cost266/cost266.xml")),
                GraphMlReader.read(data("topology-zoo/graphml/Geant2012.graphml")),
                GraphMlReader.read(data("topology-zoo/graphml/Kdl.graphml")).largestComponent());
    }

    @Test
    void dijkstraDistancesMatchJGraphTFromEverySampledSource() {
        for (Topology t : graphs()) {
            ToDoubleFunction<Link> cost = Link::propagationDelayMs;
            ShortestPaths ours = new ShortestPaths(t, cost);
            DijkstraShortestPath<String, Link> theirs = new DijkstraShortestPath<>(jgrapht(t, cost));
            SplittableRandom rnd = new SplittableRandom(1);
            for (int k = 0; k < 5; k++) {
                int s = rnd.nextInt(t.nodeCount());
                ShortestPaths.Tree tree = ours.tree(s, null, null);
                var single = theirs.getPaths(t.nodes().get(s).id());
                for (int v = 0; v < t.nodeCount(); v++) {
                    double expected = single.getWeight(t.nodes().get(v).id());
                    assertThat(tree.distance()[v]).as("%s: %s -> %s", t.name(), t.nodes().get(s).id(), t.nodes().get(v).id())
                            .isCloseTo(expected, within(1e-9));
                }
            }
        }
    }

    @Test
    void yenKShortestCostsMatchJGraphT() {
        for (Topology t : graphs()) {
            if (t.nodeCount() > 200) {
                continue; // Kdl: Yen on 700+ nodes is slow in both; Dijkstra above covers it
            }
            ToDoubleFunction<Link> cost = Link::propagationDelayMs;
            ShortestPaths ours = new ShortestPaths(t, cost);
            YenKShortestPath<String, Link> theirs = new YenKShortestPath<>(jgrapht(t, cost));
            SplittableRandom rnd = new SplittableRandom(2);
            for (int k = 0; k < 8; k++) {
                String s = t.nodes().get(rnd.nextInt(t.nodeCount())).id();
                String d = t.nodes().get(rnd.nextInt(t.nodeCount())).id();
                if (s.equals(d)) {
                    continue;
                }
                List<Double> expected = theirs.getPaths(s, d, 6).stream().map(GraphPath::getWeight).toList();
                List<Path> got = ours.kShortest(s, d, 6);
                assertThat(got).as("%s %s->%s", t.name(), s, d).hasSize(expected.size());
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i).isSimple()).isTrue();
                    assertThat(ours.cost(got.get(i))).as("%s %s->%s path %d", t.name(), s, d, i)
                            .isCloseTo(expected.get(i), within(1e-9));
                }
            }
        }
    }
}
