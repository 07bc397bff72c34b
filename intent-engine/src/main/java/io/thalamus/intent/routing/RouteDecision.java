package io.thalamus.intent.routing;

import io.thalamus.models.card.TaskType;

import java.util.List;

/**
 * A routing decision: the chosen model, every candidate's scores, the Pareto front, and why.
 *
 * @param decisionId  stable id: the same inputs (features, preferences, load mode, predictor state) give the same id
 * @param task        task type
 * @param modelId     chosen model
 * @param candidates  every candidate, feasible first, by objective
 * @param paretoFront feasible models not dominated on (predicted loss, cost, latency), by predicted loss
 * @param loadShifted whether the load-aware mode was active
 * @param reasons     human-readable reasons, the choice first
 */
public record RouteDecision(String decisionId, TaskType task, String modelId, List<CandidateScore> candidates,
                            List<String> paretoFront, boolean loadShifted, List<String> reasons) {

    public RouteDecision {
        candidates = List.copyOf(candidates);
        paretoFront = List.copyOf(paretoFront);
        reasons = List.copyOf(reasons);
    }

    /** The chosen model's scores. */
    public CandidateScore chosen() {
        return candidates.stream().filter(c -> c.modelId().equals(modelId)).findFirst().orElseThrow();
    }
}
