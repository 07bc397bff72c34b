package io.thalamus.models.anomaly;

import io.thalamus.models.registry.Model;

/** Flags anomalous points of a univariate series, learning normal behaviour from its leading part. */
public interface AnomalyDetector extends Model {

    /**
     * Flags anomalies in {@code series[trainLength..]}; the first {@code trainLength} points are taken as normal
     * operation (semi-supervised) and are never flagged.
     *
     * @param series      finite values, oldest first
     * @param period      seasonal period in steps (1 when none)
     * @param trainLength length of the normal-behaviour prefix, at least 2
     * @return one flag per point
     */
    boolean[] detect(double[] series, int period, int trainLength);

    /** Checks the common preconditions. @throws IllegalArgumentException naming the argument */
    static void checkArguments(double[] series, int period, int trainLength) {
        if (period < 1) {
            throw new IllegalArgumentException("period: must be >= 1, got " + period);
        }
        if (trainLength < 2 || trainLength > series.length) {
            throw new IllegalArgumentException("trainLength: must be in [2, " + series.length + "], got " + trainLength);
        }
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "]: must be finite (fill gaps first), got " + series[i]);
            }
        }
    }
}
