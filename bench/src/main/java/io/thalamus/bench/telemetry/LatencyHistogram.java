package io.thalamus.bench.telemetry;

/** Millisecond latency histogram (1 ms buckets up to 120 s, the rest in the last bucket), thread-confined. */
final class LatencyHistogram {

    private final long[] buckets = new long[120_001];
    private long count;
    private long max;

    void record(long ms) {
        long v = Math.max(0, ms);
        buckets[(int) Math.min(buckets.length - 1, v)]++;
        count++;
        max = Math.max(max, v);
    }

    long count() {
        return count;
    }

    long max() {
        return max;
    }

    /** The q-quantile in ms (upper bound of its bucket), -1 when empty. */
    long quantile(double q) {
        if (count == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return i;
            }
        }
        return buckets.length - 1;
    }
}
