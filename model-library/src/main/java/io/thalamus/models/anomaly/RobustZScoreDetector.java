package io.thalamus.models.anomaly;

/**
 * Robust z-score on a trailing window: z(t) = |y(t) - median| / (1.4826·MAD) over y(t-w..t-1); flags z > k.
 * A zero MAD is replaced by a tiny fraction of the median's magnitude, so any change from a flat window is flagged.
 */
public final class RobustZScoreDetector implements AnomalyDetector {

    private final int window;
    private final double threshold;

    /** @param window trailing window length w (>= 3) @param threshold k (> 0) */
    public RobustZScoreDetector(int window, double threshold) {
        if (window < 3) {
            throw new IllegalArgumentException("window: must be >= 3, got " + window);
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold: must be > 0, got " + threshold);
        }
        this.window = window;
        this.threshold = threshold;
    }

    @Override
    public boolean[] detect(double[] series, int period, int trainLength) {
        AnomalyDetector.checkArguments(series, period, trainLength);
        boolean[] flags = new boolean[series.length];
        for (int t = Math.max(trainLength, 3); t < series.length; t++) {
            int from = Math.max(0, t - window);
            double med = RobustStatistics.median(series, from, t);
            double scale = RobustStatistics.MAD_TO_SIGMA * RobustStatistics.mad(series, from, t, med);
            if (scale == 0) {
                scale = 1e-9 * Math.max(Math.abs(med), 1e-9);
            }
            flags[t] = Math.abs(series[t] - med) / scale > threshold;
        }
        return flags;
    }
}
