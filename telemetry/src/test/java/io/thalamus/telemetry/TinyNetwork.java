package io.thalamus.telemetry;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.List;
import java.util.Set;

/** A three-node line A - B - C with 10 Gbit/s links, both directions, built in code for tests. */
public final class TinyNetwork {

    /** Link A to B. */
    public static final String AB = "L1:A-B";
    /** Link B to A. */
    public static final String BA = "L1:B-A";
    /** Link B to C. */
    public static final String BC = "L2:B-C";
    /** Link C to B. */
    public static final String CB = "L2:C-B";
    /** Capacity of every link. */
    public static final double CAPACITY = 10e9;

    private TinyNetwork() {
    }

    public static Topology topology() {
        return new Topology("tiny", List.of(Node.planar("A", 0, 0), Node.planar("B", 1, 0), Node.planar("C", 2, 0)),
                List.of(link(AB, "L1", "A", "B"), link(BA, "L1", "B", "A"), link(BC, "L2", "B", "C"), link(CB, "L2", "C", "B")));
    }

    private static Link link(String id, String phys, String s, String t) {
        return new Link(id, phys, s, t, CAPACITY, 1.0, 1.0, Set.of());
    }
}
