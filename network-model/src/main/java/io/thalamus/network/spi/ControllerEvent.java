package io.thalamus.network.spi;

import java.time.Instant;

/** Something the network reported: a port or a link changed state. */
public sealed interface ControllerEvent {

    /** When the controller learned of it. */
    Instant time();

    /** A device port went up or down. */
    record PortStatus(String deviceId, long port, boolean up, Instant time) implements ControllerEvent {
    }

    /** A link (by topology link id) went up or down. */
    record LinkStatus(String linkId, boolean up, Instant time) implements ControllerEvent {
    }
}
