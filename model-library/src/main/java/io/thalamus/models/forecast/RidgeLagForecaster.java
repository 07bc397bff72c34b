package io.thalamus.models.forecast;

/**
 * A learned forecaster: ridge regression fitted on the history with features [1, lags 1..L, seasonal lag m,
 * sin/cos of the first two harmonics of the seasonal phase], on values scaled by their mean absolute level,
 * forecast recursively.
 */
public final class RidgeLagForecaster implements Forecaster {

    private final int lags;
    private final double lambda;

    /** @param lags number of recent lags L (>= 1) @param lambda ridge penalty on scaled values (>= 0) */
    public RidgeLagForecaster(int lags, double lambda) {
        if (lags < 1) {
            throw new IllegalArgumentException("lags: must be >= 1, got " + lags);
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda: must be >= 0, got " + lambda);
        }
        this.lags = lags;
        this.lambda = lambda;
    }

    @Override
    public double[] forecast(double[] history, int period, int horizon) {
        Forecaster.checkArguments(history, period, horizon);
        int n = history.length;
        double scale = 0;
        for (double v : history) {
            scale += Math.abs(v);
        }
        scale = scale / n;
        if (scale == 0) {
            scale = 1;
        }
        boolean seasonal = period > 1 && n >= 2 * period + lags;
        int m = seasonal ? period : 1;
        int l = Math.max(1, Math.min(lags, (n - 2) / 4));
        int first = Math.max(l, seasonal ? m : 0);
        int p = 1 + l + (seasonal ? 5 : 0);
        double[] y = new double[n + horizon];
        for (int i = 0; i < n; i++) {
            y[i] = history[i] / scale;
        }
        double[][] x = new double[n - first][];
        double[] target = new double[n - first];
        for (int t = first; t < n; t++) {
            x[t - first] = features(y, t, l, m, seasonal, p);
            target[t - first] = y[t];
        }
        double[] beta = RidgeRegression.fit(x, target, lambda, true);
        for (int t = n; t < n + horizon; t++) {
            double[] f = features(y, t, l, m, seasonal, p);
            double v = 0;
            for (int i = 0; i < p; i++) {
                v += beta[i] * f[i];
            }
            y[t] = v;
        }
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            out[h] = y[n + h] * scale;
        }
        return out;
    }

    private static double[] features(double[] y, int t, int l, int m, boolean seasonal, int p) {
        double[] f = new double[p];
        f[0] = 1;
        for (int i = 1; i <= l; i++) {
            f[i] = y[t - i];
        }
        if (seasonal) {
            f[l + 1] = y[t - m];
            double phase = 2 * Math.PI * (t % m) / m;
            f[l + 2] = Math.sin(phase);
            f[l + 3] = Math.cos(phase);
            f[l + 4] = Math.sin(2 * phase);
            f[l + 5] = Math.cos(2 * phase);
        }
        return f;
    }
}
