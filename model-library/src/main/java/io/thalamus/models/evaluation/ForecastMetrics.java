package io.thalamus.models.evaluation;

import io.thalamus.models.corpus.CorpusBuilder;

/** Forecast accuracy: MASE (Hyndman and Koehler) and symmetric MAPE. */
public final class ForecastMetrics {

    private ForecastMetrics() {
    }

    /**
     * Mean absolute scaled error: mean |actual - forecast| over the horizon divided by the in-sample mean absolute
     * seasonal difference of the history (period m; m = 1 for non-seasonal series).
     * @throws IllegalArgumentException when the scale is zero (a constant history)
     */
    public static double mase(double[] history, int period, double[] actual, double[] forecast) {
        double scale = CorpusBuilder.seasonalScale(history, period);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("history: MASE needs a non-constant history (seasonal scale is 0)");
        }
        return mae(actual, forecast) / scale;
    }

    /** Symmetric MAPE in percent: mean of 200·|a - f| / (|a| + |f|), terms with a = f = 0 count as 0. */
    public static double smape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i]) + Math.abs(forecast[i]);
            s += d == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / d;
        }
        return s / actual.length;
    }

    /** Mean absolute error. */
    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    private static void check(double[] actual, double[] forecast) {
        if (actual.length != forecast.length || actual.length == 0) {
            throw new IllegalArgumentException("forecast: expected " + actual.length + " values, got " + forecast.length);
        }
    }
}
