package io.thalamus.telemetry.streams;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A streaming estimate of one quantile in constant space: exact while it holds at most
 * {@link #EXACT_LIMIT} values, then the P-square algorithm of Jain and Chlamtac (1985), five markers
 * whose heights are adjusted by piecewise-parabolic interpolation, seeded from the exact values.
 */
public final class QuantileSketch {

    /** Values kept exactly before switching to P-square. */
    public static final int EXACT_LIMIT = 32;

    private final double p;
    private int count;
    private double[] exact;          // while count <= EXACT_LIMIT
    private final double[] q = new double[5];   // marker heights
    private final double[] n = new double[5];   // marker positions (1-based)
    private final double[] np = new double[5];  // desired positions
    private final double[] dn = new double[5];  // desired position increments

    /** A sketch of the {@code p}-quantile, 0 < p < 1. */
    public QuantileSketch(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), got " + p);
        }
        this.p = p;
        this.exact = new double[8];
        dn[0] = 0;
        dn[1] = p / 2;
        dn[2] = p;
        dn[3] = (1 + p) / 2;
        dn[4] = 1;
    }

    public int count() {
        return count;
    }

    /** Adds one value. */
    public void add(double x) {
        if (count < EXACT_LIMIT) {
            if (count == exact.length) {
                exact = Arrays.copyOf(exact, Math.min(EXACT_LIMIT, exact.length * 2));
            }
            exact[count++] = x;
            return;
        }
        if (count == EXACT_LIMIT) {
            seedMarkers();
        }
        count++;
        int k;
        if (x < q[0]) {
            q[0] = x;
            k = 0;
        } else if (x >= q[4]) {
            q[4] = Math.max(q[4], x);
            k = 3;
        } else {
            k = 0;
            while (k < 3 && x >= q[k + 1]) {
                k++;
            }
        }
        for (int i = k + 1; i < 5; i++) {
            n[i]++;
        }
        for (int i = 0; i < 5; i++) {
            np[i] += dn[i];
        }
        for (int i = 1; i <= 3; i++) {
            double d = np[i] - n[i];
            if ((d >= 1 && n[i + 1] - n[i] > 1) || (d <= -1 && n[i - 1] - n[i] < -1)) {
                int s = d >= 0 ? 1 : -1;
                double qp = parabolic(i, s);
                if (q[i - 1] < qp && qp < q[i + 1]) {
                    q[i] = qp;
                } else {
                    q[i] = q[i] + s * (q[i + s] - q[i]) / (n[i + s] - n[i]);
                }
                n[i] += s;
            }
        }
    }

    private double parabolic(int i, int s) {
        return q[i] + s / (n[i + 1] - n[i - 1])
                * ((n[i] - n[i - 1] + s) * (q[i + 1] - q[i]) / (n[i + 1] - n[i])
                + (n[i + 1] - n[i] - s) * (q[i] - q[i - 1]) / (n[i] - n[i - 1]));
    }

    /** Places the five markers at the exact order statistics of the values seen so far. */
    private void seedMarkers() {
        double[] sorted = Arrays.copyOf(exact, count);
        Arrays.sort(sorted);
        double[] targets = {1, 1 + (count - 1) * p / 2, 1 + (count - 1) * p, 1 + (count - 1) * (1 + p) / 2, count};
        for (int i = 0; i < 5; i++) {
            int pos = (int) Math.round(targets[i]);
            if (i > 0 && pos <= n[i - 1]) {
                pos = (int) n[i - 1] + 1;
            }
            n[i] = pos;
            q[i] = sorted[pos - 1];
            np[i] = targets[i];
        }
        exact = null;
    }

    /** The current estimate (NaN when empty); exact (linear interpolation between ranks) up to the limit. */
    public double estimate() {
        if (count == 0) {
            return Double.NaN;
        }
        if (exact != null) {
            double[] sorted = Arrays.copyOf(exact, count);
            Arrays.sort(sorted);
            double h = (count - 1) * p;
            int lo = (int) Math.floor(h);
            int hi = Math.min(count - 1, lo + 1);
            return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
        return q[2];
    }

    /** Bytes {@link #write} needs. */
    public int byteSize() {
        return 8 + 4 + (exact != null ? 8 * count : 8 * 20);
    }

    /** Writes the sketch to {@code b}. */
    public void write(ByteBuffer b) {
        b.putDouble(p);
        b.putInt(count);
        if (exact != null) {
            for (int i = 0; i < count; i++) {
                b.putDouble(exact[i]);
            }
        } else {
            for (double[] a : new double[][] {q, n, np, dn}) {
                for (double v : a) {
                    b.putDouble(v);
                }
            }
        }
    }

    /** Reads a sketch written by {@link #write}. */
    public static QuantileSketch read(ByteBuffer b) {
        QuantileSketch s = new QuantileSketch(b.getDouble());
        int c = b.getInt();
        s.count = c;
        if (c <= EXACT_LIMIT) {
            s.exact = new double[Math.max(8, c)];
            for (int i = 0; i < c; i++) {
                s.exact[i] = b.getDouble();
            }
        } else {
            s.exact = null;
            for (double[] a : new double[][] {s.q, s.n, s.np, s.dn}) {
                for (int i = 0; i < 5; i++) {
                    a[i] = b.getDouble();
                }
            }
        }
        return s;
    }
}
