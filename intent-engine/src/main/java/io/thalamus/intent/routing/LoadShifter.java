package io.thalamus.intent.routing;

/**
 * The load-aware mode (learned best-effort serving): when the executor's queue reaches {@code high}, the router
 * adds {@code extraWeight} to the latency and cost weights; when it falls to {@code low} or below it removes them.
 * The gap between the two thresholds (hysteresis) keeps the mode from flapping.
 */
public final class LoadShifter {

    private final int high;
    private final int low;
    private final double extraWeight;
    private boolean shifted;
    private int lastDepth;

    /** @param high queue depth that turns the mode on @param low depth that turns it off (< high) @param extraWeight λ added */
    public LoadShifter(int high, int low, double extraWeight) {
        if (low < 0 || low >= high) {
            throw new IllegalArgumentException("load thresholds: need 0 <= low < high, got low " + low + ", high " + high);
        }
        if (!(extraWeight >= 0) || Double.isInfinite(extraWeight)) {
            throw new IllegalArgumentException("extraWeight: must be finite and >= 0, got " + extraWeight);
        }
        this.high = high;
        this.low = low;
        this.extraWeight = extraWeight;
    }

    /** Defaults: on at 32 queued tasks, off at 8, λ + 1. */
    public static LoadShifter standard() {
        return new LoadShifter(32, 8, 1.0);
    }

    /** Reports the executor's queue depth; returns whether the mode is now on. */
    public synchronized boolean report(int queueDepth) {
        if (queueDepth < 0) {
            throw new IllegalArgumentException("queueDepth: must be >= 0, got " + queueDepth);
        }
        lastDepth = queueDepth;
        if (!shifted && queueDepth >= high) {
            shifted = true;
        } else if (shifted && queueDepth <= low) {
            shifted = false;
        }
        return shifted;
    }

    /** Whether the mode is on. */
    public synchronized boolean shifted() {
        return shifted;
    }

    /** The last reported depth. */
    public synchronized int lastDepth() {
        return lastDepth;
    }

    /** λ added to latency and cost while shifted. */
    public double extraWeight() {
        return extraWeight;
    }

    /** Threshold that turns the mode on. */
    public int high() {
        return high;
    }

    /** Threshold that turns it off. */
    public int low() {
        return low;
    }
}
