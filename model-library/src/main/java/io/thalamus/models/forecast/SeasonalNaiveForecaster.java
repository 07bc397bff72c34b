package io.thalamus.models.forecast;

/** Repeats the last observed season: ŷ(n+h) = y(n+h-m·k) with k the smallest whole number of seasons back. */
public final class SeasonalNaiveForecaster implements Forecaster {

    @Override
    public double[] forecast(double[] history, int period, int horizon) {
        Forecaster.checkArguments(history, period, horizon);
        int n = history.length;
        int m = Math.min(period, n);
        double[] f = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            int back = m * ((h - 1) / m + 1);
            f[h - 1] = history[n + h - 1 - back];
        }
        return f;
    }
}
