package io.thalamus.intent.execution;

import io.thalamus.models.forecast.EwmaForecaster;

/** Forecasts a series some steps ahead (the engine's view of a forecasting model). */
@FunctionalInterface
public interface SeriesForecaster {

    /** {@code horizon} predicted values after {@code history} (history may be empty: then NaN). */
    double[] forecast(double[] history, int horizon);

    /**
     * The model library's exponentially weighted moving average (alpha 0.3, as its {@code forecast.ewma} card), flat
     * over the horizon: the default when no registry model serves; NaN for an empty history.
     */
    static SeriesForecaster ewma() {
        EwmaForecaster model = new EwmaForecaster(0.3);
        return (h, horizon) -> {
            if (h.length < 2) {
                // the library model needs two values; with one the level is that value, with none it is unknown
                double[] out = new double[horizon];
                java.util.Arrays.fill(out, h.length == 1 ? h[0] : Double.NaN);
                return out;
            }
            return model.forecast(h, 1, horizon);
        };
    }
}
