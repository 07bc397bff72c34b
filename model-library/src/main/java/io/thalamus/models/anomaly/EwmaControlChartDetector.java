package io.thalamus.models.anomaly;

/**
 * EWMA control chart: target μ0 and σ0 from the normal prefix (mean and standard deviation); the statistic
 * z(i) = λ·y + (1-λ)·z(i-1) from z(0) = μ0 over the points after the prefix; flags |z(i) - μ0| >
 * L·σ0·sqrt(λ/(2-λ)·(1-(1-λ)^(2i))), i = 1, 2, ...
 */
public final class EwmaControlChartDetector implements AnomalyDetector {

    private final double lambda;
    private final double limit;

    /** @param lambda weight of the newest value in (0, 1] @param limit L, width of the limits in σ units (> 0) */
    public EwmaControlChartDetector(double lambda, double limit) {
        if (!(lambda > 0 && lambda <= 1)) {
            throw new IllegalArgumentException("lambda: must be in (0, 1], got " + lambda);
        }
        if (!(limit > 0)) {
            throw new IllegalArgumentException("limit: must be > 0, got " + limit);
        }
        this.lambda = lambda;
        this.limit = limit;
    }

    @Override
    public boolean[] detect(double[] series, int period, int trainLength) {
        AnomalyDetector.checkArguments(series, period, trainLength);
        double mu = 0;
        for (int i = 0; i < trainLength; i++) {
            mu += series[i];
        }
        mu /= trainLength;
        double var = 0;
        for (int i = 0; i < trainLength; i++) {
            var += (series[i] - mu) * (series[i] - mu);
        }
        double sigma = Math.sqrt(var / (trainLength - 1));
        if (sigma == 0) {
            sigma = 1e-9 * Math.max(Math.abs(mu), 1e-9);
        }
        boolean[] flags = new boolean[series.length];
        double z = mu;
        for (int t = trainLength; t < series.length; t++) {
            int i = t - trainLength + 1;
            z = lambda * series[t] + (1 - lambda) * z;
            double width = limit * sigma * Math.sqrt(lambda / (2 - lambda) * (1 - Math.pow(1 - lambda, 2.0 * i)));
            flags[t] = Math.abs(z - mu) > width;
        }
        return flags;
    }
}
