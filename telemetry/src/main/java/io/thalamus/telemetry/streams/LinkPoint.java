package io.thalamus.telemetry.streams;

/**
 * One accepted link sample, normalised: utilisation and load of a directed link at a time, with the
 * link's EWMA of utilisation after this sample.
 */
public record LinkPoint(String linkId, double utilization, double loadBps, long timestampMs, double ewma) {
}
