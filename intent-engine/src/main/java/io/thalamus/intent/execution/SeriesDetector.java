package io.thalamus.intent.execution;

import io.thalamus.models.anomaly.RobustStatistics;

import java.util.Arrays;

/** Scores each point of a series for anomaly against the window before it (the engine's view of a detector). */
@FunctionalInterface
public interface SeriesDetector {

    /** Score per point (NaN for the first {@code window} points); above {@link #THRESHOLD} is anomalous. */
    double[] scores(double[] series, int window);

    /** Scores above this are reported as anomalies. */
    double THRESHOLD = 3.5;

    /** Robust z-score: |x - median| / (1.4826 · MAD) of the preceding window (the default detector). */
    static SeriesDetector robustZ() {
        return (x, window) -> {
            double[] s = new double[x.length];
            Arrays.fill(s, Double.NaN);
            for (int i = window; i < x.length; i++) {
                double med = RobustStatistics.median(x, i - window, i);
                double mad = RobustStatistics.MAD_TO_SIGMA * RobustStatistics.mad(x, i - window, i, med);
                double diff = Math.abs(x[i] - med);
                s[i] = mad > 0 ? diff / mad : (diff > 0 ? Double.POSITIVE_INFINITY : 0.0);
            }
            return s;
        };
    }
}
