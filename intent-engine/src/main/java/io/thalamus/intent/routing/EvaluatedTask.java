package io.thalamus.intent.routing;

import java.util.Map;

/**
 * A test task with its features and the measured outcome of every model, the ground truth of an evaluation.
 *
 * @param taskId   task id
 * @param family   data set family
 * @param features the router's input
 * @param loss     measured loss per model
 * @param quality  measured quality score per model (1/(1+MASE) or F1)
 */
public record EvaluatedTask(String taskId, String family, TaskFeatures features, Map<String, Double> loss,
                            Map<String, Double> quality) {
    public EvaluatedTask {
        loss = Map.copyOf(loss);
        quality = Map.copyOf(quality);
    }

    /** The least measured loss. */
    public double oracleLoss() {
        return loss.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** True when {@code model} reached the least loss (ties count). */
    public boolean optimal(String model) {
        return loss.get(model) <= oracleLoss() + 1e-12;
    }
}
