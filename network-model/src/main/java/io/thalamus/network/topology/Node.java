package io.thalamus.network.topology;

import java.util.Objects;

/**
 * A network node (router, switch, PoP).
 *
 * @param id       unique id within its topology
 * @param name     display name (the id when the source has none)
 * @param location geographic position, or {@code null} when unknown
 * @param x        planar x coordinate for synthetic graphs (NaN when unused)
 * @param y        planar y coordinate for synthetic graphs (NaN when unused)
 */
public record Node(String id, String name, GeoPoint location, double x, double y) {

    public Node {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("node id must not be blank");
        }
        name = name == null || name.isBlank() ? id : name;
    }

    /** A node with a geographic location (or none when {@code location} is null). */
    public Node(String id, String name, GeoPoint location) {
        this(id, name, location, Double.NaN, Double.NaN);
    }

    /** A node placed in the plane, as unit-disk and Waxman generators do. */
    public static Node planar(String id, double x, double y) {
        return new Node(id, id, null, x, y);
    }

    public boolean hasLocation() {
        return location != null;
    }

    public boolean hasPlanarPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
