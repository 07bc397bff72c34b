package io.thalamus.telemetry.streams;

import java.util.Arrays;

/**
 * The robust z-score of Iglewicz and Hoaglin: 0.6745 (x - median) / MAD over the history, which a few
 * earlier outliers do not drag along as they would a mean and standard deviation. When the MAD is zero
 * (a flat history) the mean absolute deviation times 1.2533 stands in, and when that is zero too any
 * departure from the median scores as far beyond the threshold (a flat link that moves is news).
 */
public final class RobustZScore implements AnomalyScorer {

    private final int minHistory;

    /** A scorer that needs at least {@code minHistory} past values before it scores. */
    public RobustZScore(int minHistory) {
        if (minHistory < 3) {
            throw new IllegalArgumentException("minHistory must be >= 3, got " + minHistory);
        }
        this.minHistory = minHistory;
    }

    @Override
    public String name() {
        return "robust-z-score";
    }

    @Override
    public Score score(double[] history, int length, double x) {
        if (length < minHistory) {
            return new Score(Double.NaN, Double.NaN);
        }
        double[] h = Arrays.copyOf(history, length);
        double median = median(h);
        double[] dev = new double[length];
        double meanAbs = 0;
        for (int i = 0; i < length; i++) {
            dev[i] = Math.abs(h[i] - median);
            meanAbs += dev[i];
        }
        meanAbs /= length;
        double mad = median(dev);
        double diff = x - median;
        if (mad > 0) {
            return new Score(0.6745 * diff / mad, median);
        }
        if (meanAbs > 0) {
            return new Score(diff / (1.2533 * meanAbs), median);
        }
        double eps = 1e-9 * Math.max(1, Math.abs(median));
        return new Score(Math.abs(diff) <= eps ? 0 : Math.signum(diff) * 1e6, median);
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
