package io.thalamus.sdnrouter.routing;

import java.util.Arrays;

/**
 * Forwards packets hop by hop on one graph under one policy, keeping the packet header (visited
 * set, the node each node was first reached from) as the policies expect. A walk fails when the
 * policy has nowhere to go or the hop budget runs out (which also catches loops). Reuses its
 * buffers, so one walker serves one thread.
 */
public final class PacketWalker {

    private final RoutingGraph graph;
    private final RoutingPolicy policy;
    private final int hopBudget;
    private final boolean[] visited;
    private final int[] arrivedFrom;
    private final PacketHeader header = new PacketHeader();
    private int[] trail;

    /** A walker with the default budget of 2·N hops (a depth-first search never needs more). */
    public PacketWalker(RoutingGraph graph, RoutingPolicy policy) {
        this(graph, policy, defaultBudget(graph));
    }

    /** @param policy a policy; it is bound to the graph here */
    public PacketWalker(RoutingGraph graph, RoutingPolicy policy, int hopBudget) {
        if (hopBudget < 1) {
            throw new IllegalArgumentException("hop budget must be >= 1, got " + hopBudget);
        }
        this.graph = graph;
        this.policy = policy.on(graph);
        this.hopBudget = hopBudget;
        this.visited = new boolean[graph.nodeCount()];
        this.arrivedFrom = new int[graph.nodeCount()];
        this.trail = new int[Math.min(hopBudget + 1, 64)];
    }

    /** 2·N hops. */
    public static int defaultBudget(RoutingGraph graph) {
        return Math.max(2, 2 * graph.nodeCount());
    }

    public int hopBudget() {
        return hopBudget;
    }

    /** Sends one packet from {@code source} to {@code destination} (node indices). */
    public Walk walk(int source, int destination) {
        int current = source;
        int hops = 0;
        double length = 0;
        trail[0] = source;
        visited[source] = true;
        arrivedFrom[source] = -1;
        boolean delivered = false;
        int previous = -1;
        header.clear();
        while (true) {
            if (current == destination) {
                delivered = true;
                break;
            }
            if (hops >= hopBudget) {
                break;
            }
            int slot = policy.choose(new LocalView(graph, source, current, destination, arrivedFrom[current], visited,
                    previous, header));
            if (slot < 0) {
                break;
            }
            int next = graph.neighbour(current, slot);
            length += graph.weight(current, slot);
            hops++;
            if (!visited[next]) {
                visited[next] = true;
                arrivedFrom[next] = current;
            }
            if (hops >= trail.length) {
                trail = Arrays.copyOf(trail, trail.length * 2);
            }
            trail[hops] = next;
            previous = current;
            current = next;
        }
        for (int i = 0; i <= hops; i++) {
            visited[trail[i]] = false;
        }
        return new Walk(delivered, hops, length, Arrays.copyOf(trail, hops + 1));
    }
}
