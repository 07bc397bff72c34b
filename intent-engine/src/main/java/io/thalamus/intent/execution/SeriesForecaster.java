package io.thalamus.intent.execution;

/** Forecasts a series some steps ahead (the engine's view of a forecasting model). */
@FunctionalInterface
public interface SeriesForecaster {

    /** {@code horizon} predicted values after {@code history} (history may be empty: then NaN). */
    double[] forecast(double[] history, int horizon);

    /** Exponentially weighted moving average (alpha 0.3), flat over the horizon: the default when no registry model serves. */
    static SeriesForecaster ewma() {
        return (h, horizon) -> {
            double level = Double.NaN;
            for (double v : h) {
                level = Double.isNaN(level) ? v : 0.3 * v + 0.7 * level;
            }
            double[] out = new double[horizon];
            java.util.Arrays.fill(out, level);
            return out;
        };
    }
}
