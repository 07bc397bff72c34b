package io.thalamus.network.flow;

import java.util.Objects;

/**
 * A traffic flow to admit and route.
 *
 * @param id           unique id
 * @param source       source node id
 * @param destination  destination node id
 * @param bandwidthBps requested rate in bit/s, strictly positive
 * @param priority     priority class, 0 lowest; higher classes win in strict admission
 * @param maxDelayMs   end-to-end delay bound in ms, or {@code null} when none
 * @param tolerance    the user's zone of tolerance, or {@code null}
 * @param value        admission value (default 1)
 */
public record Flow(String id, String source, String destination, double bandwidthBps, int priority,
                   Double maxDelayMs, ZoneOfTolerance tolerance, double value) {

    public Flow {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("flow id must not be blank");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("flow " + id + ": source must be a node id");
        }
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("flow " + id + ": destination must be a node id");
        }
        if (source.equals(destination)) {
            throw new IllegalArgumentException("flow " + id + ": source and destination are the same node '" + source + "'");
        }
        if (!(bandwidthBps > 0) || Double.isInfinite(bandwidthBps)) {
            throw new IllegalArgumentException("flow " + id + ": bandwidthBps must be a positive finite number, got " + bandwidthBps);
        }
        if (priority < 0) {
            throw new IllegalArgumentException("flow " + id + ": priority must be >= 0, got " + priority);
        }
        if (maxDelayMs != null && !(maxDelayMs > 0)) {
            throw new IllegalArgumentException("flow " + id + ": maxDelayMs must be > 0, got " + maxDelayMs);
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("flow " + id + ": value must be a positive finite number, got " + value);
        }
    }

    /** A flow with value 1 and no delay bound or zone of tolerance. */
    public static Flow of(String id, String source, String destination, double bandwidthBps, int priority) {
        return new Flow(id, source, destination, bandwidthBps, priority, null, null, 1.0);
    }

    /** This flow with its bandwidth scaled by {@code factor}. */
    public Flow scaled(double factor) {
        return new Flow(id, source, destination, bandwidthBps * factor, priority, maxDelayMs, tolerance, value);
    }

    public boolean hasDelayBound() {
        return maxDelayMs != null;
    }
}
