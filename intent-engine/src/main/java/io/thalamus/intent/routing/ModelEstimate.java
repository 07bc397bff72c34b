package io.thalamus.intent.routing;

/**
 * The predictor's estimate for one model on one task.
 *
 * @param modelId           model card id
 * @param predictedLoss     expected loss (MASE for forecasts, 1 - F1 for detections; lower is better)
 * @param predictedLatencyMs expected wall time of the call
 * @param predictedCpuMs    expected CPU time of the call
 * @param support           number of past tasks the estimate rests on (0 = no evidence, a prior was used)
 */
public record ModelEstimate(String modelId, double predictedLoss, double predictedLatencyMs, double predictedCpuMs,
                            int support) {
}
