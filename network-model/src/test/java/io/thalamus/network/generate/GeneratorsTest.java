package io.thalamus.network.generate;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficMatrix;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeneratorsTest {

    @Test
    void unitDiskGraphIsReproducibleBySeedAndDiffersAcrossSeeds() {
        UnitDiskGraphGenerator g = UnitDiskGraphGenerator.of(50, 5);
        assertThat(TopologyJson.write(g.generate(7))).isEqualTo(TopologyJson.write(g.generate(7)));
        assertThat(TopologyJson.write(g.generate(7))).isNotEqualTo(TopologyJson.write(g.generate(8)));
    }

    @Test
    void unitDiskGraphLinksExactlyThePairsWithinRadiusInsideTheSquare() {
        UnitDiskGraphGenerator g = UnitDiskGraphGenerator.of(40, 3);
        Topology t = g.generate(11);
        double side = Math.sqrt(40 * 1000.0 * 1000.0 / 3);
        List<Node> ns = t.nodes();
        int pairs = 0;
        for (int i = 0; i < ns.size(); i++) {
            Node a = ns.get(i);
            assertThat(a.x()).isBetween(0.0, side);
            assertThat(a.y()).isBetween(0.0, side);
            for (int j = i + 1; j < ns.size(); j++) {
                Node b = ns.get(j);
                double d = Math.hypot(a.x() - b.x(), a.y() - b.y());
                boolean linked = t.hasLink(TopologyJson.directedId("u" + i + "-" + j, a.id(), b.id()));
                assertThat(linked).as("pair %d-%d at distance %.1f", i, j, d).isEqualTo(d <= 1000.0);
                if (linked) {
                    pairs++;
                    assertThat(t.link(TopologyJson.directedId("u" + i + "-" + j, b.id(), a.id())).weight()).isCloseTo(d, within(1e-9));
                }
            }
        }
        assertThat(t.physicalLinkCount()).isEqualTo(pairs);
    }

    @Test
    void unitDiskMeanDegreeMatchesTheGeometricExpectationOverSeeds() {
        for (double density : new double[] {2, 3, 5}) {
            int n = 50;
            double side = Math.sqrt(n * 1e6 / density);
            double r = 1000.0 / side;
            // P(two uniform points of the unit square are within r) = pi r^2 - 8/3 r^3 + r^4 / 2
            double expected = (n - 1) * (Math.PI * r * r - 8.0 / 3 * r * r * r + r * r * r * r / 2);
            double mean = IntStream.range(0, 40)
                    .mapToDouble(seed -> 2.0 * UnitDiskGraphGenerator.of(n, density).generate(seed).physicalLinkCount() / n)
                    .average().orElseThrow();
            assertThat(mean).as("density %s", density).isCloseTo(expected, within(0.05 * expected));
            // far from the border the degree is pi * density; the border makes the whole-square mean smaller
            assertThat(mean).isLessThan(Math.PI * density);
        }
    }

    @Test
    void connectedUnitDiskGraphIsConnectedAndReproducible() {
        UnitDiskGraphGenerator g = UnitDiskGraphGenerator.of(25, 2);
        Topology t = g.generateConnected(3, 1000);
        assertThat(t.components()).hasSize(1);
        assertThat(TopologyJson.write(g.generateConnected(3, 1000))).isEqualTo(TopologyJson.write(t));
    }

    @Test
    void waxmanEdgeCountMatchesAMonteCarloEstimateOfItsLinkProbability() {
        int n = 60;
        double alpha = 0.3;
        double beta = 0.6;
        WaxmanGraphGenerator g = WaxmanGraphGenerator.of(n, alpha, beta);
        double mean = IntStream.range(0, 30).mapToDouble(s -> g.generate(s).physicalLinkCount()).average().orElseThrow();
        Random rnd = new Random(12345);
        double sum = 0;
        int samples = 200_000;
        double lMax = 1000 * Math.sqrt(2);
        for (int i = 0; i < samples; i++) {
            double d = Math.hypot((rnd.nextDouble() - rnd.nextDouble()) * 1000, (rnd.nextDouble() - rnd.nextDouble()) * 1000);
            sum += beta * Math.exp(-d / (alpha * lMax));
        }
        double expected = n * (n - 1) / 2.0 * sum / samples;
        assertThat(mean).isCloseTo(expected, within(0.04 * expected));
        assertThat(TopologyJson.write(g.generate(4))).isEqualTo(TopologyJson.write(g.generate(4)));
    }

    @Test
    void gravityMatrixSumsToTotalAndHasGravityStructure() {
        List<String> nodes = List.of("a", "b", "c", "d", "e");
        TrafficMatrix m = GravityTrafficGenerator.random(nodes, 1e9, 42);
        assertThat(m.total()).isCloseTo(1e9, within(1e-3));
        for (int i = 0; i < 5; i++) {
            assertThat(m.get(i, i)).isZero();
        }
        // T[i][j] T[k][l] = T[i][l] T[k][j] for distinct indices: a product of an origin and a destination mass
        assertThat(m.get(0, 1) * m.get(2, 3)).isCloseTo(m.get(0, 3) * m.get(2, 1), within(1e-6 * m.get(0, 1) * m.get(2, 3)));
        assertThat(GravityTrafficGenerator.random(nodes, 1e9, 42).toArray()).containsExactly(m.toArray());
        assertThat(GravityTrafficGenerator.random(nodes, 1e9, 43).toArray()).isNotEqualTo(m.toArray());
        TrafficMatrix fixed = GravityTrafficGenerator.fromMasses(List.of("x", "y", "z"), new double[] {1, 2, 3}, 22);
        // sum of m_i m_j over i != j = (1+2+3)^2 - (1+4+9) = 22
        assertThat(fixed.get("y", "z")).isCloseTo(6.0, within(1e-12));
        assertThat(fixed.get("x", "y")).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void pfarFlowsAreReproducibleAndMeetTheLoadFactorAndDistributions() {
        Topology t = UnitDiskGraphGenerator.of(30, 4).generateConnected(5, 1000);
        PfarFlowGenerator gen = new PfarFlowGenerator(3000, 3, 10, 1.5);
        List<Flow> flows = gen.generate(t, 99);
        assertThat(gen.generate(t, 99)).isEqualTo(flows);
        assertThat(gen.generate(t, 100)).isNotEqualTo(flows);
        assertThat(flows).hasSize(3000).allSatisfy(f -> assertThat(t.hasNode(f.source()) && t.hasNode(f.destination())).isTrue());

        // load factor recomputed independently: JGraphT Dijkstra by IGP weight, hops x bandwidth over total capacity
        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        t.nodes().forEach(n -> g.addVertex(n.id()));
        double capacity = 0;
        for (Link l : t.links()) {
            g.setEdgeWeight(g.addEdge(l.source(), l.target()), l.weight());
            capacity += l.capacityBps();
        }
        DijkstraShortestPath<String, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(g);
        double used = 0;
        for (Flow f : flows) {
            used += f.bandwidthBps() * dijkstra.getPath(f.source(), f.destination()).getLength();
        }
        assertThat(used / capacity).isCloseTo(1.5, within(1e-9));
        assertThat(PfarFlowGenerator.loadFactor(t, flows)).isCloseTo(1.5, within(1e-9));

        double min = flows.stream().mapToDouble(Flow::bandwidthBps).min().orElseThrow();
        double max = flows.stream().mapToDouble(Flow::bandwidthBps).max().orElseThrow();
        assertThat(max / min).isLessThanOrEqualTo(10.0).isGreaterThan(8.0);
        for (int p = 0; p < 3; p++) {
            int cls = p;
            long count = flows.stream().filter(f -> f.priority() == cls).count();
            assertThat(count).as("class %d", p).isBetween(900L, 1100L);
        }
    }

    @Test
    void loadFactorIsShortestPathBandwidthHopsOverTotalCapacity() {
        // a - b - c, 10 bit/s each way on both cables: 40 bit/s of directed capacity
        List<Node> nodes = List.of(Node.planar("a", 0, 0), Node.planar("b", 1, 0), Node.planar("c", 2, 0));
        List<Link> links = new java.util.ArrayList<>();
        for (String[] e : new String[][] {{"ab", "a", "b"}, {"bc", "b", "c"}}) {
            links.add(new Link(TopologyJson.directedId(e[0], e[1], e[2]), e[0], e[1], e[2], 10, 1, 1, java.util.Set.of()));
            links.add(new Link(TopologyJson.directedId(e[0], e[2], e[1]), e[0], e[2], e[1], 10, 1, 1, java.util.Set.of()));
        }
        Topology line = new Topology("line", nodes, links);
        // a -> c: 5 bit/s over 2 hops; b -> c: 10 bit/s over 1 hop; (10 + 10) / 40 = 0.5
        assertThat(PfarFlowGenerator.loadFactor(line, List.of(Flow.of("x", "a", "c", 5, 0), Flow.of("y", "b", "c", 10, 1))))
                .isEqualTo(0.5);
    }
}
