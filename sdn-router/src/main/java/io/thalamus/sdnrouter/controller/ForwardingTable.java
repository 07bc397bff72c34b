package io.thalamus.sdnrouter.controller;

import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network-wide destination-based forwarding table: at each node, for each destination node, the
 * directed link to forward on. A routing policy compiles to one; a controller installs one rule per
 * (node, destination).
 *
 * @param name     the policy it came from, e.g. {@code shortest}
 * @param nextLink node id → (destination node id → directed link id)
 */
public record ForwardingTable(String name, Map<String, Map<String, String>> nextLink) {

    public ForwardingTable {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        nextLink.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        nextLink = java.util.Collections.unmodifiableMap(copy);
    }

    /** Shortest paths by IGP weight: one reverse Dijkstra tree per destination. */
    public static ForwardingTable shortestPaths(Topology topology) {
        ShortestPaths sp = new ShortestPaths(topology);
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (var dst : topology.nodes()) {
            ShortestPaths.Tree tree = sp.reverseTree(topology.indexOfNode(dst.id()), null);
            for (int v = 0; v < topology.nodeCount(); v++) {
                int via = tree.viaLink()[v];
                if (via >= 0) {
                    Link l = topology.links().get(via);
                    table.computeIfAbsent(l.source(), k -> new LinkedHashMap<>()).put(dst.id(), l.id());
                }
            }
        }
        return new ForwardingTable("shortest", table);
    }

    /**
     * The controller's form of a routing policy's compiled tables ({@code nextHop[t][v]} node indices of
     * the routing graph) as directed link ids of the graph's topology.
     */
    public static ForwardingTable of(io.thalamus.sdnrouter.routing.ForwardingTables tables) {
        io.thalamus.sdnrouter.routing.RoutingGraph g = tables.graph();
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        int n = g.nodeCount();
        for (int t = 0; t < n; t++) {
            for (int v = 0; v < n; v++) {
                int next = tables.nextHop()[t][v];
                if (v != t && next >= 0) {
                    Link l = g.topology().links().get(g.link(v, g.slotOf(v, next)));
                    table.computeIfAbsent(g.id(v), k -> new LinkedHashMap<>()).put(g.id(t), l.id());
                }
            }
        }
        return new ForwardingTable(tables.policy(), table);
    }

    /** Compiles a routing policy on a topology (loop-free, every reachable pair delivered) into a table. */
    public static ForwardingTable compile(io.thalamus.sdnrouter.routing.RoutingPolicy policy, Topology topology) {
        return of(new io.thalamus.sdnrouter.routing.ForwardingTableCompiler(policy)
                .compile(io.thalamus.sdnrouter.routing.RoutingGraph.of(topology)));
    }

    /** Number of (node, destination) entries. */
    public int size() {
        return nextLink.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Follows the table from {@code source} to {@code destination}; the node sequence, or an error naming
     * where forwarding breaks (no entry, or a loop).
     */
    public java.util.List<String> walk(Topology topology, String source, String destination) {
        java.util.List<String> nodes = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String at = source;
        nodes.add(at);
        seen.add(at);
        while (!at.equals(destination)) {
            String linkId = nextLink.getOrDefault(at, Map.of()).get(destination);
            if (linkId == null) {
                throw new IllegalStateException("table " + name + ": no entry at " + at + " toward " + destination);
            }
            at = topology.link(linkId).target();
            if (!seen.add(at)) {
                throw new IllegalStateException("table " + name + ": loop at " + at + " toward " + destination);
            }
            nodes.add(at);
        }
        return nodes;
    }
}
