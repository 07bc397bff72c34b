package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.GeoPoint;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class PolicyEvaluatorTest {

    @Test
    void metricsFollowTheirDefinitions() {
        MetricsAccumulator acc = new MetricsAccumulator();
        acc.addGraph();
        acc.add(new Walk(true, 2, 10.0, new int[3]), 10.0);   // stretch 1, accurate
        acc.add(new Walk(true, 3, 10.4, new int[4]), 10.0);   // stretch 1.04, accurate
        acc.add(new Walk(true, 4, 12.0, new int[5]), 10.0);   // stretch 1.2, not accurate
        acc.add(new Walk(false, 1, 3.0, new int[2]), 10.0);   // miss
        RoutingMetrics m = acc.result("x");
        assertThat(m.pairs()).isEqualTo(4);
        assertThat(m.accuracy()).isEqualTo(0.5);
        assertThat(m.missRate()).isEqualTo(0.25);
        assertThat(m.meanStretch()).isCloseTo((1 + 1.04 + 1.2) / 3, offset(1e-12));
        assertThat(m.p95Stretch()).isEqualTo(1.2);
        assertThat(m.meanHops()).isEqualTo(3.0);
    }

    @Test
    void shortestIsPerfectAndGreedyIsNotOnTheGrid() {
        PolicyEvaluator evaluator = new PolicyEvaluator(List.of(new ShortestPathPolicy(), new GreedyForwardingPolicy()));
        PolicyEvaluator.Report report = evaluator.unitDisk(List.of(new UnitDiskSetting(25, 2, 3), new UnitDiskSetting(25, 5, 3)), 1);
        assertThat(report.settings()).hasSize(2);
        RoutingMetrics shortest = report.overall().get("shortest");
        RoutingMetrics greedy = report.overall().get("greedy");
        assertThat(shortest.accuracy()).isEqualTo(1.0);
        assertThat(shortest.missRate()).isEqualTo(0.0);
        assertThat(shortest.meanStretch()).isCloseTo(1.0, offset(1e-9));
        assertThat(greedy.pairs()).isEqualTo(shortest.pairs());
        assertThat(greedy.accuracy()).isLessThan(1.0);
        assertThat(greedy.meanStretch()).isGreaterThan(1.0);
        long settingPairs = report.settings().stream().mapToLong(s -> s.byPolicy().get("greedy").pairs()).sum();
        assertThat(settingPairs).isEqualTo(greedy.pairs());
    }

    @Test
    void countsOnlyConnectedPairs() {
        Topology twoIslands = RoutingFixtures.drawn("islands", List.of("A 0 0", "B 1 0", "C 10 0", "D 11 0", "E 12 0"),
                List.of("A-B", "C-D", "D-E"));
        MetricsAccumulator[] acc = {new MetricsAccumulator()};
        new PolicyEvaluator(List.of(new GreedyForwardingPolicy())).evaluate(RoutingGraph.of(twoIslands), acc);
        assertThat(acc[0].result("islands").pairs()).isEqualTo(2 + 6);
    }

    @Test
    void geographicTopologiesUseGreatCircleWeightsAndTheLargestComponent() {
        List<Node> nodes = List.of(new Node("lon", "London", new GeoPoint(51.5074, -0.1278)),
                new Node("par", "Paris", new GeoPoint(48.8566, 2.3522)),
                new Node("ams", "Amsterdam", new GeoPoint(52.3676, 4.9041)),
                new Node("nyc", "New York", new GeoPoint(40.7128, -74.0060)));
        List<Link> links = List.of(new Link("a", "a", "lon", "par", 1e9, 1, 1, Set.of()),
                new Link("b", "b", "par", "ams", 1e9, 1, 1, Set.of()),
                new Link("c", "c", "ams", "lon", 1e9, 1, 1, Set.of()));
        Topology prepared = GeographicTopologies.prepare(new Topology("europe", nodes, links));
        assertThat(prepared.name()).isEqualTo("europe");
        assertThat(prepared.nodeCount()).isEqualTo(3);
        // London-Paris is about 344 km great-circle
        assertThat(prepared.link("a").weight()).isCloseTo(343.5, offset(2.0));
        RoutingGraph g = RoutingGraph.of(prepared);
        // the projected planar distance stays within 1% of the great-circle one at this scale
        assertThat(g.distance(prepared.indexOfNode("lon"), prepared.indexOfNode("par"))).isCloseTo(343.5, offset(4.0));
        assertThat(g.range()).isEqualTo(Math.max(Math.max(g.distance(0, 1), g.distance(1, 2)), g.distance(0, 2)));

        Topology missing = new Topology("gap", List.of(nodes.get(0), new Node("x", "x", null)),
                List.of(new Link("d", "d", "lon", "x", 1e9, 1, 1, Set.of())));
        assertThatThrownBy(() -> GeographicTopologies.prepare(missing)).hasMessageContaining("node 'x'").hasMessageContaining("latitude/longitude");
    }

    @Test
    void rejectsDuplicatePolicyNames() {
        assertThatThrownBy(() -> new PolicyEvaluator(List.of(new GreedyForwardingPolicy(), new GreedyForwardingPolicy())))
                .hasMessageContaining("names must differ");
    }
}
