package io.thalamus.intent.routing;

/** The user's flags (Tryage's constraints C_j): each adds λ_j·C_j(model) to the objective, C_j in [0, 1]. */
public enum RoutingFlag {
    /** log(1 + parameters) relative to the largest candidate. */
    SIZE,
    /** Age of the release relative to the newest candidate (0 = newest, 1 = oldest). */
    RECENCY,
    /** Predicted wall time relative to the slowest candidate. */
    LATENCY,
    /** Predicted CPU time (plus money per call, when any) relative to the most expensive candidate. */
    COST,
    /** Missing clearance: 0 for restricted, 1/3 per level below. */
    SECURITY
}
