package io.thalamus.sdnrouter.routing;

/**
 * A policy with a bounded fallback for dead ends: it follows its base policy and, when the base
 * has no unvisited neighbour left (greedy progress stalled), sends the packet back to the node it
 * first arrived from, as a depth-first search does. The packet header already carries the visited
 * set, so this stays local; on a connected graph every destination is reached within 2(N−1) hops,
 * so dead ends cost extra hops instead of becoming misses.
 */
public final class BacktrackingPolicy implements RoutingPolicy {

    private final RoutingPolicy base;

    public BacktrackingPolicy(RoutingPolicy base) {
        this.base = base;
    }

    /** The policy whose decisions are followed until it stalls. */
    public RoutingPolicy base() {
        return base;
    }

    @Override
    public String name() {
        return base.name() + "+backtrack";
    }

    @Override
    public boolean geographic() {
        return base.geographic();
    }

    @Override
    public RoutingPolicy on(RoutingGraph graph) {
        RoutingPolicy bound = base.on(graph);
        return bound == base ? this : new BacktrackingPolicy(bound);
    }

    @Override
    public int choose(LocalView view) {
        int slot = base.choose(view);
        return slot >= 0 ? slot : view.arrivedFromSlot();
    }
}
