package io.thalamus.models.corpus;

import io.thalamus.models.card.TaskType;

import java.util.Arrays;

/**
 * Forecast {@code horizon} steps after {@code history}, from {@code origins} consecutive origins (rolling-origin
 * evaluation): origin r (0-based) sees the history plus the first r values of {@code future} and is scored against
 * {@code future[r, r + horizon)}. With one origin this is a single forecast scored against the next {@code horizon}
 * values.
 *
 * @param id              task id
 * @param seriesKey       source series
 * @param family          data set family
 * @param history         gap-filled history (all a router may look at)
 * @param future          the true values after the history: {@code origins - 1 + horizon} of them
 * @param period          seasonal period
 * @param horizon         steps ahead, 1..12
 * @param origins         consecutive forecast origins, >= 1
 * @param fractionMissing fraction of the raw history that was missing
 */
public record ForecastTask(String id, String seriesKey, String family, double[] history, double[] future, int period,
                           int horizon, int origins, double fractionMissing) implements BenchTask {

    public ForecastTask {
        if (horizon < 1 || origins < 1) {
            throw new IllegalArgumentException(id + ": horizon and origins must be >= 1, got " + horizon + ", " + origins);
        }
        if (future.length != origins - 1 + horizon) {
            throw new IllegalArgumentException(id + ": future: expected " + (origins - 1 + horizon) + " values, got "
                    + future.length);
        }
    }

    /** A single-origin task: forecast {@code actual.length} steps after the history. */
    public ForecastTask(String id, String seriesKey, String family, double[] history, double[] actual, int period,
                        int horizon, double fractionMissing) {
        this(id, seriesKey, family, history, actual, period, horizon, 1, fractionMissing);
    }

    @Override
    public TaskType taskType() {
        return TaskType.FORECAST;
    }

    @Override
    public double[] input() {
        return history;
    }

    /** What origin {@code r} may see: the history and the first {@code r} future values. */
    public double[] historyAt(int r) {
        double[] h = Arrays.copyOf(history, history.length + r);
        System.arraycopy(future, 0, h, history.length, r);
        return h;
    }

    /** The true values origin {@code r} is scored against. */
    public double[] actualAt(int r) {
        return Arrays.copyOfRange(future, r, r + horizon);
    }
}
