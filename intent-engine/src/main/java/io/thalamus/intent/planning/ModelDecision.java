package io.thalamus.intent.planning;

import java.util.List;

/**
 * Which model runs one task, and why.
 *
 * @param taskIndex the task
 * @param taskType  its type
 * @param modelId   the chosen model's card id
 * @param router    who decided: {@code default-table} or the model router's name
 * @param reasons   the reasons, readable
 * @param score     the decision's objective value, or NaN when the default table decided
 * @param front     ids of the models on the Pareto front (empty when not computed)
 */
public record ModelDecision(int taskIndex, TaskType taskType, String modelId, String router, List<String> reasons,
                            double score, List<String> front) {

    public ModelDecision {
        reasons = List.copyOf(reasons);
        front = List.copyOf(front);
    }
}
