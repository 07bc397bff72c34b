package io.thalamus.sdnrouter.routing;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Topology;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A policy as the digital twin's {@link RoutingFunction}: on each call (e.g. after a failure,
 * with only the links that are up) the policy is compiled into loop-free forwarding tables for the
 * flows' destinations on that topology, and every flow follows its table. Unreachable flows are absent.
 */
public final class PolicyRoutingFunction implements RoutingFunction {

    private final RoutingPolicy policy;
    private final Double range;

    /** Uses R = the longest link of the topology it is handed. */
    public PolicyRoutingFunction(RoutingPolicy policy) {
        this.policy = policy;
        this.range = null;
    }

    /** Uses a fixed range R (e.g. 1000 on unit-disk graphs). */
    public PolicyRoutingFunction(RoutingPolicy policy, double range) {
        this.policy = policy;
        this.range = range;
    }

    @Override
    public Map<String, Path> route(Topology topology, List<Flow> flows) {
        RoutingGraph graph = range == null ? RoutingGraph.of(topology) : RoutingGraph.of(topology, range);
        Set<Integer> destinations = new LinkedHashSet<>();
        for (Flow f : flows) {
            if (topology.hasNode(f.source()) && topology.hasNode(f.destination())) {
                destinations.add(topology.indexOfNode(f.destination()));
            }
        }
        ForwardingTables tables = new ForwardingTableCompiler(policy)
                .compile(graph, destinations.stream().mapToInt(Integer::intValue).toArray());
        Map<String, Path> routes = new LinkedHashMap<>();
        for (Flow f : flows) {
            if (!topology.hasNode(f.source()) || !topology.hasNode(f.destination())) {
                continue;
            }
            Optional<Path> p = tables.path(topology.indexOfNode(f.source()), topology.indexOfNode(f.destination()));
            p.ifPresent(path -> routes.put(f.id(), path));
        }
        return routes;
    }
}
