package io.thalamus.sdnrouter.admission;

import java.util.Arrays;

/**
 * The comparable objective of one candidate answer: primary components compared lexicographically
 * (larger is better), then total path weight (smaller is better). Used as the GA's fitness.
 */
record Score(double[] primary, double pathWeight) implements Comparable<Score> {

    @Override
    public int compareTo(Score o) {
        return compare(primary, pathWeight, o.primary, o.pathWeight);
    }

    /** Whether two objective values count as equal: within 1e-9 relative (absolute below 1). */
    static boolean same(double a, double b) {
        return Math.abs(a - b) <= tolerance(a, b);
    }

    /** The difference below which two objective values count as equal. */
    static double tolerance(double a, double b) {
        return 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    static int compare(double[] a, double wa, double[] b, double wb) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            double tol = tolerance(a[i], b[i]);
            if (a[i] > b[i] + tol) {
                return 1;
            }
            if (a[i] < b[i] - tol) {
                return -1;
            }
        }
        double tol = tolerance(wa, wb);
        if (wa < wb - tol) {
            return 1;
        }
        if (wa > wb + tol) {
            return -1;
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Score s && Arrays.equals(primary, s.primary) && pathWeight == s.pathWeight;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(primary) * 31 + Double.hashCode(pathWeight);
    }

    @Override
    public String toString() {
        return Arrays.toString(primary) + "/w=" + pathWeight;
    }
}
