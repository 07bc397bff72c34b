package io.thalamus.intent.routing;

import io.thalamus.models.card.SecurityClearance;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the user asks of a routing decision: weights λ per flag, and hard limits that are never violated.
 *
 * @param weights        λ per flag (missing = 0), each finite and >= 0
 * @param maxLatencyMs   largest acceptable predicted latency (infinite = no limit)
 * @param minClearance   least security clearance a model must have
 * @param maxParameters  largest acceptable model size in parameters
 */
public record RoutingPreferences(Map<RoutingFlag, Double> weights, double maxLatencyMs, SecurityClearance minClearance,
                                 long maxParameters) {

    public RoutingPreferences {
        EnumMap<RoutingFlag, Double> w = new EnumMap<>(RoutingFlag.class);
        for (RoutingFlag f : RoutingFlag.values()) {
            double v = weights.getOrDefault(f, 0.0);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("weights." + f.name().toLowerCase(java.util.Locale.ROOT)
                        + ": must be finite and >= 0, got " + v);
            }
            w.put(f, v);
        }
        weights = java.util.Collections.unmodifiableMap(w);
        if (!(maxLatencyMs > 0)) {
            throw new IllegalArgumentException("maxLatencyMs: must be > 0, got " + maxLatencyMs);
        }
        if (minClearance == null) {
            throw new IllegalArgumentException("minClearance: must be given (public = no limit)");
        }
        if (maxParameters < 0) {
            throw new IllegalArgumentException("maxParameters: must be >= 0, got " + maxParameters);
        }
    }

    /** No weights and no limits: the highest predicted quality wins. */
    public static RoutingPreferences none() {
        return new RoutingPreferences(Map.of(), Double.POSITIVE_INFINITY, SecurityClearance.PUBLIC, Long.MAX_VALUE);
    }

    /** λ of one flag. */
    public double weight(RoutingFlag flag) {
        return weights.get(flag);
    }

    /** These preferences with λ of {@code flag} set to {@code value}. */
    public RoutingPreferences withWeight(RoutingFlag flag, double value) {
        EnumMap<RoutingFlag, Double> w = new EnumMap<>(weights);
        w.put(flag, value);
        return new RoutingPreferences(w, maxLatencyMs, minClearance, maxParameters);
    }

    /** These preferences with a latency limit. */
    public RoutingPreferences withMaxLatencyMs(double ms) {
        return new RoutingPreferences(weights, ms, minClearance, maxParameters);
    }

    /** These preferences with a clearance floor. */
    public RoutingPreferences withMinClearance(SecurityClearance c) {
        return new RoutingPreferences(weights, maxLatencyMs, c, maxParameters);
    }

    /** These preferences with a size limit. */
    public RoutingPreferences withMaxParameters(long p) {
        return new RoutingPreferences(weights, maxLatencyMs, minClearance, p);
    }
}
