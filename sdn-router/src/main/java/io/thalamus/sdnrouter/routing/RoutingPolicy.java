package io.thalamus.sdnrouter.routing;

/**
 * A hop-by-hop forwarding rule: at the current node, pick the neighbour the packet goes to next
 * from what the node can see ({@link LocalView}). Policies are immutable; {@link #on} prepares one
 * for a particular graph (a shortest-path policy precomputes its trees, a geographic one checks
 * that the graph has coordinates).
 */
public interface RoutingPolicy {

    /** Short name used in results and on the command line. */
    String name();

    /** Whether decisions use node positions (so the graph must have coordinates). */
    boolean geographic();

    /**
     * This policy ready to route on {@code graph}.
     *
     * @throws IllegalArgumentException when the graph lacks what the policy needs (e.g. coordinates)
     */
    default RoutingPolicy on(RoutingGraph graph) {
        if (geographic()) {
            graph.requirePositions(name());
        }
        return this;
    }

    /** The slot of the chosen neighbour, or -1 when the policy has nowhere to send the packet. */
    int choose(LocalView view);
}
