package io.thalamus.models.forecast;

/** Simple exponential smoothing: level ← α·y + (1-α)·level from level = y(0); the forecast is the last level, flat. */
public final class EwmaForecaster implements Forecaster {

    private final double alpha;

    /** @param alpha smoothing weight of the newest value, in (0, 1] */
    public EwmaForecaster(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha: must be in (0, 1], got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public double[] forecast(double[] history, int period, int horizon) {
        Forecaster.checkArguments(history, period, horizon);
        double level = history[0];
        for (int i = 1; i < history.length; i++) {
            level = alpha * history[i] + (1 - alpha) * level;
        }
        double[] f = new double[horizon];
        java.util.Arrays.fill(f, level);
        return f;
    }
}
