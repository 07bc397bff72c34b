package io.thalamus.intent.routing;

import java.util.Map;

/**
 * One past task with the measured outcome of some or all models.
 *
 * @param features  the task's features
 * @param loss      measured loss per model id
 * @param latencyMs measured wall time per model id
 * @param cpuMs     measured CPU time per model id
 */
public record TrainingExample(TaskFeatures features, Map<String, Double> loss, Map<String, Double> latencyMs,
                              Map<String, Double> cpuMs) {
    public TrainingExample {
        loss = Map.copyOf(loss);
        latencyMs = Map.copyOf(latencyMs);
        cpuMs = Map.copyOf(cpuMs);
    }
}
