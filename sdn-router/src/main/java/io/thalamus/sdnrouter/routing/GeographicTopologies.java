package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

/**
 * Prepares a real topology with latitude/longitude for routing evaluation: its largest connected
 * component, every link weighted by the great-circle length between its ends in km (floored at
 * 1 m for nodes at the same place, since weights must be positive).
 */
public final class GeographicTopologies {

    /** Smallest link weight in km. */
    public static final double MIN_WEIGHT_KM = 0.001;

    private GeographicTopologies() {
    }

    /**
     * The largest component with great-circle weights.
     *
     * @throws IllegalArgumentException when that component has fewer than two nodes or a node without coordinates
     */
    public static Topology prepare(Topology topology) {
        Topology lcc = topology.largestComponent();
        if (lcc.nodeCount() < 2) {
            throw new IllegalArgumentException("topology '" + topology.name() + "' has no connected component with two or more nodes");
        }
        for (Node n : lcc.nodes()) {
            if (!n.hasLocation()) {
                throw new IllegalArgumentException("node '" + n.id() + "' of topology '" + topology.name()
                        + "' has no latitude/longitude");
            }
        }
        java.util.Map<String, Node> byId = lcc.nodesById();
        return new Topology(topology.name(), lcc.nodes(), lcc.links().stream()
                .map(l -> l.withWeight(Math.max(MIN_WEIGHT_KM,
                        byId.get(l.source()).location().distanceKm(byId.get(l.target()).location()))))
                .toList());
    }
}
