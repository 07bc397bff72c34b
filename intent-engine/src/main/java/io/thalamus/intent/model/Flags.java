package io.thalamus.intent.model;

import java.util.Map;

/**
 * The model router's flags: penalty weights (quality, size, recency, latency, cost, security) and hard
 * limits (maxLatencyMs, maxSizeMb, maxCost, minSecurity, minReleaseYear).
 */
public record Flags(Map<String, Double> weights, Map<String, Double> limits) {

    /** No weights, no limits. */
    public static final Flags NONE = new Flags(Map.of(), Map.of());

    public Flags {
        weights = Map.copyOf(weights);
        limits = Map.copyOf(limits);
    }
}
