package io.thalamus.intent.routing;

import java.util.Map;

/**
 * How one candidate model fared in a decision.
 *
 * @param modelId            card id
 * @param predictedLoss      predicted loss (lower is better)
 * @param predictedLatencyMs predicted wall time
 * @param predictedCostMs    predicted CPU time
 * @param support            past tasks behind the prediction (0 = no evidence)
 * @param penalties          C_j(model) per flag, each in [0, 1]
 * @param objective          predicted loss + Σ λ_j·C_j (NaN when excluded)
 * @param excludedBecause    the hard limit it broke, or null when feasible
 */
public record CandidateScore(String modelId, double predictedLoss, double predictedLatencyMs, double predictedCostMs,
                             int support, Map<RoutingFlag, Double> penalties, double objective, String excludedBecause) {

    public CandidateScore {
        penalties = Map.copyOf(penalties);
    }

    /** True when no hard limit excludes the model. */
    public boolean feasible() {
        return excludedBecause == null;
    }
}
