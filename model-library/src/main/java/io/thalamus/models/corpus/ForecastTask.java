package io.thalamus.models.corpus;

import io.thalamus.models.card.TaskType;

/**
 * Forecast {@code horizon} steps after {@code history}; scored against {@code actual}.
 *
 * @param id              task id
 * @param seriesKey       source series
 * @param family          data set family
 * @param history         gap-filled history
 * @param actual          the true next {@code horizon} values
 * @param period          seasonal period
 * @param horizon         steps ahead, 1..12
 * @param fractionMissing fraction of the raw history that was missing
 */
public record ForecastTask(String id, String seriesKey, String family, double[] history, double[] actual, int period,
                           int horizon, double fractionMissing) implements BenchTask {

    @Override
    public TaskType taskType() {
        return TaskType.FORECAST;
    }

    @Override
    public double[] input() {
        return history;
    }
}
