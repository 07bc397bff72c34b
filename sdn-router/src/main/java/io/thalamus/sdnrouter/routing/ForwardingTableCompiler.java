package io.thalamus.sdnrouter.routing;

import java.util.Arrays;

/**
 * Turns any policy into loop-free destination-based forwarding tables. For each destination t,
 * nodes are taken in index order; from each node v still without an entry the policy walks a
 * packet (source v) to t; the walk, with any revisits cut out, becomes table entries until it
 * meets a node that already has one. The entries so far always form a tree toward t, so the
 * tables are loop-free by construction. Where the policy's walk misses although t is reachable,
 * the shortest path is used for that stretch instead (counted as repaired entries), so every
 * reachable pair is delivered.
 */
public final class ForwardingTableCompiler {

    private final RoutingPolicy policy;

    public ForwardingTableCompiler(RoutingPolicy policy) {
        this.policy = policy;
    }

    /** Tables for every destination of {@code graph}. */
    public ForwardingTables compile(RoutingGraph graph) {
        int n = graph.nodeCount();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return compile(graph, all);
    }

    /** Tables for the given destinations only (rows of other destinations stay all -1). */
    public ForwardingTables compile(RoutingGraph graph, int[] destinations) {
        int n = graph.nodeCount();
        PacketWalker walker = new PacketWalker(graph, policy);
        RoutingGraph.AllPairs shortest = graph.shortestPaths();
        int[][] next = new int[n][];
        int repaired = 0;
        for (int t = 0; t < n; t++) {
            next[t] = new int[n];
            Arrays.fill(next[t], -1);
        }
        for (int t : destinations) {
            int[] row = next[t];
            for (int v = 0; v < n; v++) {
                if (v == t || row[v] >= 0 || !shortest.reachable(v, t)) {
                    continue;
                }
                Walk walk = walker.walk(v, t);
                if (walk.delivered()) {
                    int[] simple = withoutCycles(walk.nodes(), n);
                    for (int i = 0; i + 1 < simple.length && row[simple[i]] < 0 && simple[i] != t; i++) {
                        row[simple[i]] = simple[i + 1];
                    }
                } else {
                    for (int u = v; u != t && row[u] < 0; u = shortest.nextHop()[t][u]) {
                        row[u] = shortest.nextHop()[t][u];
                        repaired++;
                    }
                }
            }
        }
        ForwardingTables tables = new ForwardingTables(graph, policy.name(), next, repaired);
        tables.verifyLoopFree();
        return tables;
    }

    /** The walk with every detour that returns to an earlier node removed (a simple path, same ends). */
    static int[] withoutCycles(int[] nodes, int n) {
        int[] position = new int[n];
        Arrays.fill(position, -1);
        int[] out = new int[nodes.length];
        int k = 0;
        for (int v : nodes) {
            if (position[v] >= 0) {
                for (int i = position[v] + 1; i < k; i++) {
                    position[out[i]] = -1;
                }
                k = position[v] + 1;
            } else {
                position[v] = k;
                out[k++] = v;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
