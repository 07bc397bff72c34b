package io.thalamus.telemetry.streams;

import io.thalamus.telemetry.sample.JsonRecords;


/**
 * A record of {@code thalamus.telemetry.anomalies} (JSON, schema version 1, keyed by link id): a closed
 * tumbling window whose mean utilisation scored at or beyond the threshold against the link's history.
 *
 * @param schemaVersion   1
 * @param linkId          directed link id
 * @param windowStart     epoch ms
 * @param windowEnd       epoch ms
 * @param meanUtilization the window's mean utilisation
 * @param baseline        the scorer's centre of the history (the median for the robust z-score)
 * @param score           the anomaly score (signed; positive = above normal)
 * @param threshold       the |score| threshold that was crossed
 * @param detector        which detector scored it
 * @param historyWindows  how many past windows the score was computed from
 */
public record AnomalyEvent(int schemaVersion, String linkId, long windowStart, long windowEnd, double meanUtilization,
                           double baseline, double score, double threshold, String detector, int historyWindows) {

    /** JSON bytes. */
    public byte[] toJson() {
        return JsonRecords.write(this);
    }

    /** Reads a record written by {@link #toJson()}. */
    public static AnomalyEvent fromJson(byte[] json) {
        return JsonRecords.read(json, AnomalyEvent.class, "anomaly record");
    }
}
