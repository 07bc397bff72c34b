package io.thalamus.network.path;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Topology;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IGP-style routing: each flow on its shortest path by IGP weight, one Dijkstra tree per source. */
public final class ShortestPathRouting implements RoutingFunction {

    @Override
    public Map<String, Path> route(Topology topology, List<Flow> flows) {
        ShortestPaths sp = new ShortestPaths(topology);
        Map<String, ShortestPaths.Tree> trees = new HashMap<>();
        Map<String, Path> routes = new LinkedHashMap<>();
        for (Flow f : flows) {
            if (!topology.hasNode(f.source()) || !topology.hasNode(f.destination())) {
                continue;
            }
            ShortestPaths.Tree tree = trees.computeIfAbsent(f.source(),
                    s -> sp.tree(topology.indexOfNode(s), null, null));
            Optional<Path> p = sp.pathTo(tree, topology.indexOfNode(f.destination()));
            p.ifPresent(path -> routes.put(f.id(), path));
        }
        return routes;
    }
}
