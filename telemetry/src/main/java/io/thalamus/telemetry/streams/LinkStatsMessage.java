package io.thalamus.telemetry.streams;

import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.telemetry.sample.JsonRecords;

import java.time.Instant;

/**
 * A record of {@code thalamus.telemetry.link-stats} (JSON, schema version 1, keyed by directed link id):
 * one window of one link, emitted each time the window's aggregate is flushed (so an open window is
 * reported several times, each time with more samples).
 *
 * @param schemaVersion         1
 * @param window                {@code tumbling} or {@code hopping}
 * @param linkId                directed link id
 * @param windowStart           window start, epoch ms (inclusive)
 * @param windowEnd             window end, epoch ms (exclusive)
 * @param samples               samples aggregated so far
 * @param meanUtilization       mean of load / capacity
 * @param maxUtilization        largest utilisation
 * @param p95Utilization        95th percentile of utilisation (exact up to 32 samples, then P-square)
 * @param ewmaUtilization       the link's EWMA of utilisation at its newest sample in the window
 * @param meanLoadBps           mean load, bit/s
 * @param latestSampleTimestamp timestamp of the newest sample in the window, epoch ms
 */
public record LinkStatsMessage(int schemaVersion, String window, String linkId, long windowStart, long windowEnd,
                               long samples, double meanUtilization, double maxUtilization, double p95Utilization,
                               double ewmaUtilization, double meanLoadBps, long latestSampleTimestamp) {

    /** Window kind of the tumbling windows. */
    public static final String TUMBLING = "tumbling";
    /** Window kind of the hopping windows. */
    public static final String HOPPING = "hopping";

    /** The message for accumulator {@code a} of window [start, end). */
    public static LinkStatsMessage of(String window, long start, long end, WindowAccumulator a) {
        return new LinkStatsMessage(1, window, a.linkId(), start, end, a.count(), a.meanUtilization(),
                a.maxUtilization(), a.p95Utilization(), a.ewmaAtLatest(), a.meanLoadBps(), a.latestTimestampMs());
    }

    /** The network-model view handed to a {@code TelemetryListener}. */
    public LinkStatistics toLinkStatistics() {
        return new LinkStatistics(linkId, Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd), samples,
                meanUtilization, maxUtilization, p95Utilization, ewmaUtilization, meanLoadBps);
    }

    /** JSON bytes. */
    public byte[] toJson() {
        return JsonRecords.write(this);
    }

    /** Reads a record written by {@link #toJson()}. */
    public static LinkStatsMessage fromJson(byte[] json) {
        return JsonRecords.read(json, LinkStatsMessage.class, "link-stats record");
    }
}
