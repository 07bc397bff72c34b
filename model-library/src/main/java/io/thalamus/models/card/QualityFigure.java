package io.thalamus.models.card;

/**
 * A measured quality of a model on one task and data set.
 *
 * @param task           the task type measured
 * @param dataset        the data set (and split) it was measured on
 * @param metric         metric name, e.g. {@code MASE} or {@code F1}
 * @param value          the measured value
 * @param higherIsBetter direction of the metric
 */
public record QualityFigure(TaskType task, String dataset, String metric, double value, boolean higherIsBetter) {
}
