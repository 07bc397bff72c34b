package io.thalamus.sdnrouter.routing;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForwardingTablesTest {

    private static Topology connectedSparseGraph() {
        // density 2: sparse, with dead ends for greedy; its largest component is connected by definition
        return UnitDiskGraphs.generate(80, 2, 8).largestComponent();
    }

    @Test
    void compiledTablesAreLoopFreeAndDeliverEveryPair() {
        Topology t = connectedSparseGraph();
        RoutingGraph g = RoutingGraph.of(t, 1000);
        assertThat(g.nodeCount()).isGreaterThan(20);
        for (RoutingPolicy policy : List.of(new GreedyForwardingPolicy(), PolicyFile.defaultPolicy(),
                new BacktrackingPolicy(PolicyFile.defaultPolicy()),
                new PerimeterPolicy(PolicyFile.defaultPolicy(), PerimeterPolicy.Trigger.DEAD_END), new ShortestPathPolicy())) {
            ForwardingTables tables = new ForwardingTableCompiler(policy).compile(g);
            tables.verifyLoopFree();
            if (policy instanceof PerimeterPolicy) {
                // face walks deliver on this connected graph, so no entry needed the shortest-path repair
                assertThat(tables.repairedEntries()).isZero();
            }
            for (int s = 0; s < g.nodeCount(); s++) {
                for (int d = 0; d < g.nodeCount(); d++) {
                    int[] route = tables.route(s, d).orElseThrow();
                    assertThat(route[0]).isEqualTo(s);
                    assertThat(route[route.length - 1]).isEqualTo(d);
                    assertThat(route.length).as("simple path").isEqualTo((int) java.util.Arrays.stream(route).distinct().count());
                    for (int i = 1; i < route.length; i++) {
                        assertThat(g.slotOf(route[i - 1], route[i])).isGreaterThanOrEqualTo(0);
                    }
                }
            }
            if (policy instanceof ShortestPathPolicy) {
                for (int s = 0; s < g.nodeCount(); s++) {
                    for (int d = 0; d < g.nodeCount(); d++) {
                        if (s != d) {
                            assertThat(tables.path(s, d).orElseThrow().weight())
                                    .isCloseTo(g.shortestPaths().distance()[d][s], org.assertj.core.data.Offset.offset(1e-6));
                        }
                    }
                }
            }
        }
    }

    @Test
    void greedyDeadEndsAreRepairedInTheTables() {
        Topology pocket = RoutingFixtures.drawn("pocket",
                List.of("S 0 0", "P 2 0", "Q 0 2", "R 2 3", "T 4 0"),
                List.of("S-P", "S-Q", "Q-R", "R-T"));
        RoutingGraph g = RoutingGraph.of(pocket);
        ForwardingTables tables = new ForwardingTableCompiler(new GreedyForwardingPolicy()).compile(g);
        int t = pocket.indexOfNode("T");
        assertThat(tables.repairedEntries()).isGreaterThan(0);
        assertThat(tables.route(pocket.indexOfNode("P"), t).orElseThrow())
                .containsExactly(pocket.indexOfNode("P"), pocket.indexOfNode("S"), pocket.indexOfNode("Q"), pocket.indexOfNode("R"), t);
    }

    @Test
    void verificationCatchesALoop() {
        Topology triangle = RoutingFixtures.drawn("tri", List.of("A 0 0", "B 1 0", "C 0 1"), List.of("A-B", "B-C", "C-A"));
        RoutingGraph g = RoutingGraph.of(triangle);
        int[][] next = {{-1, 2, 1}, {0, -1, 0}, {1, 1, -1}}; // toward A, B and C point at each other
        ForwardingTables looping = new ForwardingTables(g, "hand-made", next, 0);
        assertThatThrownBy(looping::verifyLoopFree).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("destination A loops");
    }

    @Test
    void withoutCyclesCutsDetours() {
        assertThat(ForwardingTableCompiler.withoutCycles(new int[] {0, 1, 2, 1, 3, 4, 3, 5}, 6)).containsExactly(0, 1, 3, 5);
        assertThat(ForwardingTableCompiler.withoutCycles(new int[] {0, 1, 0, 2}, 3)).containsExactly(0, 2);
    }

    @Test
    void routingFunctionRoutesFlowsOnTheLinksThatAreUp() {
        Topology t = connectedSparseGraph();
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i + 1 < t.nodeCount(); i += 7) {
            flows.add(new Flow("f" + i, t.nodes().get(i).id(), t.nodes().get(t.nodeCount() - 1 - i).id(), 1e6, 0, null, null, 1));
        }
        PolicyRoutingFunction routing = new PolicyRoutingFunction(PolicyFile.defaultPolicy(), 1000);
        Map<String, Path> routes = routing.route(t, flows);
        assertThat(routes).hasSize(flows.size());
        for (Flow f : flows) {
            Path p = routes.get(f.id());
            assertThat(p.source()).isEqualTo(f.source());
            assertThat(p.destination()).isEqualTo(f.destination());
            assertThat(p.isSimple()).isTrue();
        }
        // take down the first link of one route: the function re-routes around it, or drops the flow if cut off
        Flow f = flows.get(0);
        String failed = routes.get(f.id()).links().get(0).physicalId();
        Topology degraded = t.withoutLinks(l -> l.physicalId().equals(failed));
        Map<String, Path> after = routing.route(degraded, flows);
        RoutingGraph dg = RoutingGraph.of(degraded, 1000);
        boolean reachable = dg.shortestPaths().reachable(degraded.indexOfNode(f.source()), degraded.indexOfNode(f.destination()));
        assertThat(after.containsKey(f.id())).isEqualTo(reachable);
        if (reachable) {
            assertThat(after.get(f.id()).links()).noneMatch(l -> l.physicalId().equals(failed));
        }
    }
}
