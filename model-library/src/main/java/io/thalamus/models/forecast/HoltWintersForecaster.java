package io.thalamus.models.forecast;

/**
 * Additive Holt-Winters (level, trend, seasonal). Initialisation: level = mean of the first season, trend =
 * (mean of season 2 - mean of season 1)/m (0 with fewer than two seasons), seasonal(i) = y(i) - level. With
 * {@code optimise} the smoothing weights are picked from a small grid by one-step-ahead squared error.
 */
public final class HoltWintersForecaster implements Forecaster {

    private static final double[] ALPHAS = {0.1, 0.3, 0.5, 0.8};
    private static final double[] BETAS = {0.01, 0.1};
    private static final double[] GAMMAS = {0.05, 0.2, 0.5};

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final boolean optimise;

    /** Fixed smoothing weights. */
    public HoltWintersForecaster(double alpha, double beta, double gamma) {
        this(alpha, beta, gamma, false);
    }

    private HoltWintersForecaster(double alpha, double beta, double gamma, boolean optimise) {
        for (double w : new double[] {alpha, beta, gamma}) {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("Holt-Winters smoothing weights must be in [0, 1], got " + w);
            }
        }
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.optimise = optimise;
    }

    /** Weights chosen per call from a 4×2×3 grid by in-sample one-step squared error. */
    public static HoltWintersForecaster optimised() {
        return new HoltWintersForecaster(0.3, 0.1, 0.2, true);
    }

    @Override
    public double[] forecast(double[] history, int period, int horizon) {
        Forecaster.checkArguments(history, period, horizon);
        int m = period <= history.length / 2 ? period : 1;
        if (!optimise) {
            return run(history, m, horizon, alpha, beta, gamma).forecast;
        }
        Run best = null;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    Run r = run(history, m, horizon, a, b, g);
                    if (best == null || r.sse < best.sse) {
                        best = r;
                    }
                }
            }
        }
        return best.forecast;
    }

    private record Run(double sse, double[] forecast) {
    }

    private static Run run(double[] y, int m, int horizon, double a, double b, double g) {
        int n = y.length;
        double level = 0;
        for (int i = 0; i < m; i++) {
            level += y[i];
        }
        level /= m;
        double trend = 0;
        if (n >= 2 * m && m > 1) {
            double second = 0;
            for (int i = m; i < 2 * m; i++) {
                second += y[i];
            }
            trend = (second / m - level) / m;
        }
        double[] season = new double[m];
        if (m > 1) {
            for (int i = 0; i < m; i++) {
                season[i] = y[i] - level;
            }
        }
        int start = m > 1 ? m : 1;
        if (m == 1) {
            level = y[0];
        }
        double sse = 0;
        for (int t = start; t < n; t++) {
            int s = t % m;
            double predicted = level + trend + season[s];
            double err = y[t] - predicted;
            sse += err * err;
            double prevLevel = level;
            level = a * (y[t] - season[s]) + (1 - a) * (level + trend);
            trend = b * (level - prevLevel) + (1 - b) * trend;
            if (m > 1) {
                season[s] = g * (y[t] - level) + (1 - g) * season[s];
            }
        }
        double[] f = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            f[h - 1] = level + h * trend + season[(n + h - 1) % m];
        }
        return new Run(sse, f);
    }
}
