package io.thalamus.models.corpus;

import io.thalamus.models.card.TaskType;

import java.util.List;

/**
 * Find the anomalies of {@code series} after its normal prefix of {@code trainLength} points.
 *
 * @param id              task id
 * @param seriesKey       source series
 * @param family          data set family
 * @param series          gap-filled series with anomalies injected (or real ones labelled)
 * @param period          seasonal period
 * @param trainLength     length of the normal prefix
 * @param anomalies       the true anomalies, all after the prefix
 * @param fractionMissing fraction of the raw window that was missing
 */
public record AnomalyTask(String id, String seriesKey, String family, double[] series, int period, int trainLength,
                          List<InjectedAnomaly> anomalies, double fractionMissing) implements BenchTask {

    public AnomalyTask {
        anomalies = List.copyOf(anomalies);
    }

    @Override
    public TaskType taskType() {
        return TaskType.DETECT_ANOMALY;
    }

    @Override
    public double[] input() {
        return series;
    }
}
