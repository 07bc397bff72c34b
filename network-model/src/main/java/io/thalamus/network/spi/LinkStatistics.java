package io.thalamus.network.spi;

import java.time.Instant;

/**
 * Windowed utilisation statistics of one directed link, as the telemetry pipeline emits them.
 *
 * @param linkId           the directed link
 * @param windowStart      start of the window (inclusive)
 * @param windowEnd        end of the window (exclusive)
 * @param samples          samples in the window
 * @param meanUtilization  mean utilisation in [0, ...) (load / capacity)
 * @param maxUtilization   largest sample
 * @param p95Utilization   95th percentile
 * @param ewmaUtilization  exponentially weighted moving average at window end
 * @param meanLoadBps      mean measured load in bit/s
 */
public record LinkStatistics(String linkId, Instant windowStart, Instant windowEnd, long samples,
                             double meanUtilization, double maxUtilization, double p95Utilization,
                             double ewmaUtilization, double meanLoadBps) {
}
