package io.thalamus.telemetry.streams;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.HashMap;
import java.util.Map;

/** The links the pipeline knows (id to capacity and source node), taken from the network topology. */
public final class LinkCatalog {

    private final Map<String, Link> links;
    private final Topology topology;

    /** The catalog of {@code topology}'s directed links. */
    public LinkCatalog(Topology topology) {
        this.topology = topology;
        Map<String, Link> m = new HashMap<>();
        for (Link l : topology.links()) {
            m.put(l.id(), l);
        }
        this.links = Map.copyOf(m);
    }

    /** The link with that id, or null. */
    public Link link(String id) {
        return links.get(id);
    }

    /** Whether a node of that id exists. */
    public boolean hasNode(String id) {
        return topology.hasNode(id);
    }

    public Topology topology() {
        return topology;
    }
}
