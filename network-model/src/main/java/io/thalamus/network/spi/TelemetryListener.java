package io.thalamus.network.spi;

import java.time.Instant;

/** Receives measured network state; the digital twin implements it, telemetry pipelines call it. */
public interface TelemetryListener {

    /** A window of measurements for one link. */
    void onLinkStatistics(LinkStatistics statistics);

    /** A link went up or down at {@code time}. */
    default void onLinkStatus(String linkId, boolean up, Instant time) {
    }
}
