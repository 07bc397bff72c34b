package io.thalamus.models.forecast;

import io.thalamus.models.registry.Model;

/** Forecasts the next values of a univariate series. */
public interface Forecaster extends Model {

    /**
     * Forecasts {@code horizon} values following {@code history}.
     *
     * @param history finite values, oldest first (fill gaps before calling)
     * @param period  seasonal period in steps (1 when the series has no season)
     * @param horizon number of steps ahead, at least 1
     * @return {@code horizon} forecasts
     */
    double[] forecast(double[] history, int period, int horizon);

    /** Checks the common preconditions. @throws IllegalArgumentException naming the argument */
    static void checkArguments(double[] history, int period, int horizon) {
        if (history.length < 2) {
            throw new IllegalArgumentException("history: need at least 2 values, got " + history.length);
        }
        if (period < 1) {
            throw new IllegalArgumentException("period: must be >= 1, got " + period);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon: must be >= 1, got " + horizon);
        }
        for (int i = 0; i < history.length; i++) {
            if (!Double.isFinite(history[i])) {
                throw new IllegalArgumentException("history[" + i + "]: must be finite (fill gaps first), got " + history[i]);
            }
        }
    }
}
