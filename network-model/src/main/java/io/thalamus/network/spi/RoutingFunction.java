package io.thalamus.network.spi;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPathRouting;
import io.thalamus.network.topology.Topology;

import java.util.List;
import java.util.Map;

/**
 * Computes routes for flows over a topology. The digital twin calls one to re-converge after a
 * failure without knowing who computes routes (an IGP, an admission solver, a learned policy).
 */
@FunctionalInterface
public interface RoutingFunction {

    /**
     * Routes each flow over {@code topology}, which holds only the links that are up. Flows that
     * cannot be routed are absent from the result.
     */
    Map<String, Path> route(Topology topology, List<Flow> flows);

    /** Plain IGP behaviour: every flow on its shortest path by IGP weight. */
    static RoutingFunction shortestPath() {
        return new ShortestPathRouting();
    }
}
