package io.thalamus.network.flow;

/**
 * A user's zone of tolerance for one QoS metric (Alkurd, Abualhaol, Yanikomeroglu): satisfaction is 0
 * below the adequate level, rises linearly across the zone and is 1 at or beyond the desired level.
 * For a metric where lower is better (delay), {@code adequate > desired}.
 *
 * @param metric   the QoS metric, e.g. {@code throughputBps} or {@code delayMs}
 * @param adequate the least acceptable level
 * @param desired  the level at which the user is fully satisfied
 */
public record ZoneOfTolerance(String metric, double adequate, double desired) {

    public ZoneOfTolerance {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("zone of tolerance: metric must be named");
        }
        if (!Double.isFinite(adequate) || !Double.isFinite(desired)) {
            throw new IllegalArgumentException("zone of tolerance: adequate and desired must be finite");
        }
        if (adequate == desired) {
            throw new IllegalArgumentException("zone of tolerance: adequate and desired must differ");
        }
    }

    /** Satisfaction in [0, 1] of the measured level {@code q}. */
    public double satisfaction(double q) {
        double s = (q - adequate) / (desired - adequate);
        return Math.max(0.0, Math.min(1.0, s));
    }

    /** The smallest level (in the metric's direction) that reaches satisfaction {@code target}. */
    public double levelFor(double target) {
        double t = Math.max(0.0, Math.min(1.0, target));
        return adequate + t * (desired - adequate);
    }
}
