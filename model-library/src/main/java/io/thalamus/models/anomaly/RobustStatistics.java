package io.thalamus.models.anomaly;

import java.util.Arrays;

/** Median and median absolute deviation, the robust location and scale the detectors share. */
public final class RobustStatistics {

    /** Factor making the MAD a consistent estimator of the standard deviation under normality. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStatistics() {
    }

    /** Median of {@code a[from..to)}; does not change {@code a}. */
    public static double median(double[] a, int from, int to) {
        double[] c = Arrays.copyOfRange(a, from, to);
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    /** Median absolute deviation of {@code a[from..to)} around {@code median}. */
    public static double mad(double[] a, int from, int to, double median) {
        double[] d = new double[to - from];
        for (int i = from; i < to; i++) {
            d[i - from] = Math.abs(a[i] - median);
        }
        return median(d, 0, d.length);
    }
}
