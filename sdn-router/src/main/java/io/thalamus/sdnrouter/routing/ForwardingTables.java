package io.thalamus.sdnrouter.routing;

import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Destination-based forwarding state compiled from a policy: for each destination t and node v,
 * the neighbour v forwards packets for t to ({@code -1} at t itself and where t is unreachable).
 * Built loop-free by {@link ForwardingTableCompiler}; {@link #verifyLoopFree()} re-checks it.
 *
 * @param graph          the graph the tables were compiled on
 * @param policy         name of the policy they came from
 * @param nextHop        {@code nextHop[t][v]}, node indices
 * @param repairedEntries entries where the policy's own walk missed and the shortest path was used instead
 */
public record ForwardingTables(RoutingGraph graph, String policy, int[][] nextHop, int repairedEntries) {

    /** Whether some path leads from v to t in the graph and the tables hold a route for it. */
    public boolean routes(int v, int t) {
        return v == t || nextHop[t][v] >= 0;
    }

    /** The node sequence packets from v to t follow, or empty when there is none. */
    public Optional<int[]> route(int v, int t) {
        if (!routes(v, t)) {
            return Optional.empty();
        }
        int n = graph.nodeCount();
        int[] nodes = new int[n];
        int k = 0;
        nodes[k++] = v;
        int cur = v;
        while (cur != t) {
            cur = nextHop[t][cur];
            if (cur < 0 || k == n) {
                throw new IllegalStateException("forwarding table for destination " + graph.id(t) + " is broken at node "
                        + graph.id(nodes[k - 1]));
            }
            nodes[k++] = cur;
        }
        return Optional.of(java.util.Arrays.copyOf(nodes, k));
    }

    /** The route from v to t as a network-model path over the topology's links. */
    public Optional<Path> path(int v, int t) {
        if (v == t) {
            return Optional.empty();
        }
        return route(v, t).map(nodes -> {
            List<Link> links = new ArrayList<>(nodes.length - 1);
            for (int i = 1; i < nodes.length; i++) {
                int slot = graph.slotOf(nodes[i - 1], nodes[i]);
                links.add(graph.topology().links().get(graph.link(nodes[i - 1], slot)));
            }
            return new Path(links);
        });
    }

    /**
     * Checks that following the tables from every node toward every destination ends at the
     * destination, along existing links, without a loop.
     *
     * @throws IllegalStateException naming the destination and node where it does not
     */
    public void verifyLoopFree() {
        int n = graph.nodeCount();
        for (int t = 0; t < n; t++) {
            // 0 = unknown, 1 = on the current trail, 2 = known to reach t
            byte[] state = new byte[n];
            state[t] = 2;
            for (int start = 0; start < n; start++) {
                if (state[start] == 2 || nextHop[t][start] < 0) {
                    continue;
                }
                int cur = start;
                while (state[cur] == 0) {
                    state[cur] = 1;
                    int next = nextHop[t][cur];
                    if (next < 0 || graph.slotOf(cur, next) < 0) {
                        throw new IllegalStateException("forwarding table for destination " + graph.id(t) + ": node "
                                + graph.id(cur) + " has no valid next hop on the way from " + graph.id(start));
                    }
                    cur = next;
                }
                if (state[cur] == 1) {
                    throw new IllegalStateException("forwarding table for destination " + graph.id(t) + " loops through node "
                            + graph.id(cur));
                }
                for (cur = start; state[cur] == 1; cur = nextHop[t][cur]) {
                    state[cur] = 2;
                }
            }
        }
    }
}
