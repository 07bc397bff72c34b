package io.thalamus.sdnrouter.routing;

/**
 * The optimum: forward along a shortest path by link weight (Dijkstra trees from network-model's
 * {@code ShortestPaths}). Not local: it must be bound to a graph with {@link #on} before use.
 */
public final class ShortestPathPolicy implements RoutingPolicy {

    private final RoutingGraph graph;

    /** An unbound policy; {@link #on} binds it. */
    public ShortestPathPolicy() {
        this(null);
    }

    private ShortestPathPolicy(RoutingGraph graph) {
        this.graph = graph;
    }

    @Override
    public String name() {
        return "shortest";
    }

    @Override
    public boolean geographic() {
        return false;
    }

    @Override
    public RoutingPolicy on(RoutingGraph g) {
        return g == graph ? this : new ShortestPathPolicy(g);
    }

    @Override
    public int choose(LocalView view) {
        if (graph == null) {
            throw new IllegalStateException("shortest-path policy used before being bound to a graph with on(graph)");
        }
        int next = graph.shortestPaths().nextHop()[view.destination()][view.current()];
        return next < 0 ? -1 : graph.slotOf(view.current(), next);
    }
}
