package io.thalamus.models.forecast;

/**
 * AR(p) with intercept fitted by ordinary least squares on the history, y(t) = c + Σ φ_i·y(t-i), forecast
 * recursively. The order shrinks to fit short histories (at least 2·(p+1) equations).
 */
public final class AutoRegressiveForecaster implements Forecaster {

    private final int order;

    /** @param order p, at least 1 */
    public AutoRegressiveForecaster(int order) {
        if (order < 1) {
            throw new IllegalArgumentException("order: must be >= 1, got " + order);
        }
        this.order = order;
    }

    @Override
    public double[] forecast(double[] history, int period, int horizon) {
        Forecaster.checkArguments(history, period, horizon);
        int n = history.length;
        int p = Math.max(1, Math.min(order, (n - 2) / 3));
        double[] coef = fit(history, p);
        double[] ext = java.util.Arrays.copyOf(history, n + horizon);
        for (int t = n; t < n + horizon; t++) {
            double v = coef[0];
            for (int i = 1; i <= p; i++) {
                v += coef[i] * ext[t - i];
            }
            ext[t] = v;
        }
        return java.util.Arrays.copyOfRange(ext, n, n + horizon);
    }

    /** Least-squares coefficients [c, φ1..φp] of an AR(p) on {@code y}. */
    static double[] fit(double[] y, int p) {
        int rows = y.length - p;
        double[][] x = new double[rows][p + 1];
        double[] target = new double[rows];
        for (int r = 0; r < rows; r++) {
            int t = r + p;
            x[r][0] = 1;
            for (int i = 1; i <= p; i++) {
                x[r][i] = y[t - i];
            }
            target[r] = y[t];
        }
        // A vanishing ridge only keeps the normal equations solvable on constant stretches.
        double scale = 0;
        for (double v : y) {
            scale += v * v;
        }
        return RidgeRegression.fit(x, target, 1e-9 * (scale / y.length + 1e-12), true);
    }
}
