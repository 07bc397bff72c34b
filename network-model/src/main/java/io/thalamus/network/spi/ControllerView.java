package io.thalamus.network.spi;

import io.thalamus.network.topology.Topology;

import java.util.List;

/** What a controller discovered: the topology (devices as nodes) and every device port. */
public record ControllerView(Topology topology, List<Port> ports) {

    /** One port of a device. */
    public record Port(String deviceId, long number, String name, boolean up) {
    }

    public ControllerView {
        ports = List.copyOf(ports);
    }
}
