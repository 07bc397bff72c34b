package io.thalamus.network.generate;

import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;

import java.util.List;
import java.util.Set;

/** Links between planar nodes as the generators make them: length-based weight and delay, fixed capacity. */
final class PlanarLinks {

    private PlanarLinks() {
    }

    static double distance(Node a, Node b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /**
     * Adds the two directions of physical link {@code id}: weight = Euclidean length, delay = length read as
     * km over fibre (200 km per ms).
     */
    static void addPair(List<Link> out, String id, Node a, Node b, double capacityBps) {
        double length = distance(a, b);
        double weight = Math.max(length, Double.MIN_NORMAL);
        double delay = length / BuiltinTopologies.FIBRE_KM_PER_MS;
        out.add(new Link(TopologyJson.directedId(id, a.id(), b.id()), id, a.id(), b.id(), capacityBps, delay, weight, Set.of()));
        out.add(new Link(TopologyJson.directedId(id, b.id(), a.id()), id, b.id(), a.id(), capacityBps, delay, weight, Set.of()));
    }
}
