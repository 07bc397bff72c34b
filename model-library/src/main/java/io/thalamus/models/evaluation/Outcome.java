package io.thalamus.models.evaluation;

import java.util.Map;

/**
 * One model run on one benchmark task: its loss (lower is better), its quality score in [0, 1] (higher is
 * better; 1/(1+MASE) for forecasts, F1 for detections), the metrics behind them, and what the run cost.
 *
 * @param taskId   task id
 * @param taskType task type wire name
 * @param family   data set family
 * @param split    {@code train} or {@code test}
 * @param modelId  model card id
 * @param loss     MASE for forecasts, 1 - F1 for detections
 * @param quality  1/(1+MASE) or F1
 * @param metrics  named metrics (MASE, sMAPE, F1, precision, recall)
 * @param wallMs   wall-clock time of the call
 * @param cpuMs    CPU time of the calling thread during the call
 */
public record Outcome(String taskId, String taskType, String family, String split, String modelId, double loss,
                      double quality, Map<String, Double> metrics, double wallMs, double cpuMs) {

    public Outcome {
        metrics = Map.copyOf(metrics);
    }
}
