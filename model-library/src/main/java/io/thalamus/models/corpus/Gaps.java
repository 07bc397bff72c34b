package io.thalamus.models.corpus;

/** Missing-value handling for series cut into tasks. */
public final class Gaps {

    private Gaps() {
    }

    /** Fraction of NaN values in {@code a[from..to)}. */
    public static double fractionMissing(double[] a, int from, int to) {
        int m = 0;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(a[i])) {
                m++;
            }
        }
        return to > from ? (double) m / (to - from) : 0;
    }

    /** A copy with NaN runs filled by linear interpolation (edges by the nearest value); all-NaN gives zeros. */
    public static double[] fillLinear(double[] a) {
        double[] out = a.clone();
        int n = out.length;
        int prev = -1;
        for (int i = 0; i <= n; i++) {
            if (i == n || !Double.isNaN(out[i])) {
                if (i - prev > 1) {
                    for (int k = prev + 1; k < i; k++) {
                        if (prev < 0 && i == n) {
                            out[k] = 0;
                        } else if (prev < 0) {
                            out[k] = out[i];
                        } else if (i == n) {
                            out[k] = out[prev];
                        } else {
                            out[k] = out[prev] + (out[i] - out[prev]) * (k - prev) / (double) (i - prev);
                        }
                    }
                }
                prev = i;
            }
        }
        return out;
    }
}
