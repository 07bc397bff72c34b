package io.thalamus.telemetry.streams;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A mergeable quantile sketch of non-negative values in fixed logarithmic buckets (the bucket layout of
 * DDSketch, Masson, Rim and Lee, 2019): bucket k holds (γ^(k-1), γ^k] with γ = (1 + α) / (1 - α), and
 * reports the value 2γ^k / (γ + 1), which is within relative error α of every value in the bucket.
 *
 * <p>Documented error: for values in [{@link #MIN_TRACKED}, {@link #MAX_TRACKED}] the estimate of a
 * quantile is within relative error {@link #RELATIVE_ERROR} (1 %) of the exact quantile computed over the
 * same values with linear interpolation between ranks ((n - 1) p, the definition of the exact mode of
 * the previous sketch). Values below {@link #MIN_TRACKED} share one bucket (absolute error below
 * {@link #MIN_TRACKED}); values above {@link #MAX_TRACKED} share one bucket reported as the largest value
 * seen. The smallest and the largest value are kept exactly and every estimate is clamped to them, so
 * quantiles 0 and 1 are exact.
 *
 * <p>Unlike a P-square estimator, two sketches merge exactly (bucket counts add), which lets the
 * topology pre-aggregate samples before the window stores. About 700 buckets; stored sparsely.
 */
public final class LogHistogram {

    /** Relative error α of every estimate inside the tracked range. */
    public static final double RELATIVE_ERROR = 0.01;
    /** Smallest value tracked with relative error (utilisation 0.01 %). */
    public static final double MIN_TRACKED = 1e-4;
    /** Largest value tracked with relative error (utilisation 10 000 %). */
    public static final double MAX_TRACKED = 100;

    private static final double GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
    private static final double LN_GAMMA = Math.log(GAMMA);
    private static final int MIN_KEY = (int) Math.ceil(Math.log(MIN_TRACKED) / LN_GAMMA);
    private static final int MAX_KEY = (int) Math.ceil(Math.log(MAX_TRACKED) / LN_GAMMA);
    /** Slot 0: below the tracked range; slots 1..: keys MIN_KEY..MAX_KEY; last slot: above the range. */
    static final int SLOTS = MAX_KEY - MIN_KEY + 3;
    private static final byte FORMAT = 1;

    private int[] counts;
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Values added or merged in. */
    public long count() {
        return count;
    }

    /** Adds one value; {@code x} must be finite and non-negative (the validator has checked it). */
    public void add(double x) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("value must be finite and >= 0, got " + x);
        }
        if (counts == null) {
            counts = new int[SLOTS];
        }
        counts[slot(x)]++;
        count++;
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
    }

    /** Adds every value of {@code other} (exact: bucket counts add). */
    public void merge(LogHistogram other) {
        if (other.count == 0) {
            return;
        }
        if (counts == null) {
            counts = new int[SLOTS];
        }
        for (int i = 0; i < SLOTS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    static int slot(double x) {
        if (x < MIN_TRACKED) {
            return 0;
        }
        if (x > MAX_TRACKED) {
            return SLOTS - 1;
        }
        int key = (int) Math.ceil(Math.log(x) / LN_GAMMA);
        // guard the rounding of log at bucket edges
        return Math.max(1, Math.min(SLOTS - 2, key - MIN_KEY + 1));
    }

    private double representative(int slot) {
        double v;
        if (slot == 0) {
            v = MIN_TRACKED / 2;
        } else if (slot == SLOTS - 1) {
            v = max;
        } else {
            v = 2 * Math.pow(GAMMA, slot - 1 + MIN_KEY) / (GAMMA + 1);
        }
        return Math.max(min, Math.min(max, v));
    }

    /** The value of 0-based rank {@code r} (in sorted order), within the documented error. */
    private double atRank(long r) {
        if (r <= 0) {
            return min;
        }
        if (r >= count - 1) {
            return max;
        }
        long seen = 0;
        for (int i = 0; i < SLOTS; i++) {
            seen += counts[i];
            if (seen > r) {
                return representative(i);
            }
        }
        return max;
    }

    /** The {@code p}-quantile, 0 <= p <= 1, interpolated between ranks as (n - 1) p; NaN when empty. */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + p);
        }
        if (count == 0) {
            return Double.NaN;
        }
        double h = (count - 1) * p;
        long lo = (long) Math.floor(h);
        double lower = atRank(lo);
        if (h == lo) {
            return lower;
        }
        return lower + (h - lo) * (atRank(lo + 1) - lower);
    }

    /** Bytes {@link #write} needs. */
    public int byteSize() {
        return 1 + 8 + 8 + 8 + 2 + 6 * nonZero();
    }

    private int nonZero() {
        if (counts == null) {
            return 0;
        }
        int n = 0;
        for (int c : counts) {
            if (c != 0) {
                n++;
            }
        }
        return n;
    }

    /** Writes the sketch sparsely: format, count, min, max, then (slot, count) for each non-empty bucket. */
    public void write(ByteBuffer b) {
        b.put(FORMAT).putLong(count).putDouble(min).putDouble(max);
        b.putShort((short) nonZero());
        if (counts != null) {
            for (int i = 0; i < SLOTS; i++) {
                if (counts[i] != 0) {
                    b.putShort((short) i).putInt(counts[i]);
                }
            }
        }
    }

    /** Reads a sketch written by {@link #write}. */
    public static LogHistogram read(ByteBuffer b) {
        byte format = b.get();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown LogHistogram format " + format + " (expected " + FORMAT + ")");
        }
        LogHistogram h = new LogHistogram();
        h.count = b.getLong();
        h.min = b.getDouble();
        h.max = b.getDouble();
        int n = b.getShort();
        if (n > 0) {
            h.counts = new int[SLOTS];
            for (int i = 0; i < n; i++) {
                h.counts[b.getShort()] = b.getInt();
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return "LogHistogram[count=" + count + ", min=" + min + ", max=" + max + ", buckets="
                + (counts == null ? "[]" : Arrays.stream(counts).filter(c -> c != 0).count()) + "]";
    }
}
