package io.thalamus.intent.routing;

import io.thalamus.models.anomaly.RobustStatistics;
import io.thalamus.models.card.TaskType;

import java.util.List;

/**
 * Series statistics the router predicts model quality from (in the spirit of the feature sets of meta-learning for
 * forecasting): log length, whether there is a season, seasonality strength and trend strength (from a
 * moving-average trend and seasonal means, as in STL-based definitions), volatility, spectral entropy, fraction
 * missing, lag-1 and lag-m autocorrelation, the log ratio of seasonal-naive to naive in-sample error, the
 * coefficient of variation, the horizon (forecasts) and, for detection tasks, the largest robust deviation of the
 * scanned part from the normal prefix.
 */
public final class SeriesFeatures {

    /** Feature names in vector order. */
    public static final List<String> NAMES = List.of("logLength", "seasonal", "seasonalityStrength", "trendStrength",
            "logVolatility", "spectralEntropy", "fractionMissing", "acf1", "acfSeason", "logSnaiveOverNaive",
            "logCv", "horizon", "logMaxDeviation");

    private SeriesFeatures() {
    }

    /** Features of a forecasting task. */
    public static TaskFeatures forecast(double[] history, int period, int horizon, double fractionMissing) {
        double[] f = common(history, period, fractionMissing);
        f[11] = horizon;
        f[12] = 0;
        return new TaskFeatures(TaskType.FORECAST, f);
    }

    /** Features of an anomaly-detection task. */
    public static TaskFeatures anomaly(double[] series, int period, int trainLength, double fractionMissing) {
        double[] f = common(series, period, fractionMissing);
        f[11] = 0;
        double med = RobustStatistics.median(series, 0, trainLength);
        double scale = RobustStatistics.MAD_TO_SIGMA * RobustStatistics.mad(series, 0, trainLength, med);
        double maxDev = 0;
        for (int t = trainLength; t < series.length; t++) {
            maxDev = Math.max(maxDev, Math.abs(series[t] - med));
        }
        f[12] = Math.log1p(maxDev / Math.max(scale, 1e-9 * (Math.abs(med) + 1e-9)));
        return new TaskFeatures(TaskType.DETECT_ANOMALY, f);
    }

    private static double[] common(double[] y, int period, double fractionMissing) {
        int n = y.length;
        int m = period > 1 && n >= 2 * period ? period : 1;
        double[] f = new double[NAMES.size()];
        f[0] = Math.log(n);
        f[1] = m > 1 ? 1 : 0;
        double[] trend = movingAverage(y, m > 1 ? m : Math.max(3, Math.min(25, n / 10)));
        double[] detrended = new double[n];
        for (int i = 0; i < n; i++) {
            detrended[i] = y[i] - trend[i];
        }
        double[] seasonal = new double[n];
        if (m > 1) {
            double[] means = new double[m];
            int[] counts = new int[m];
            for (int i = 0; i < n; i++) {
                means[i % m] += detrended[i];
                counts[i % m]++;
            }
            double grand = 0;
            for (int s = 0; s < m; s++) {
                means[s] /= counts[s];
                grand += means[s] / m;
            }
            for (int i = 0; i < n; i++) {
                seasonal[i] = means[i % m] - grand;
            }
        }
        double[] remainder = new double[n];
        double[] deseason = new double[n];
        for (int i = 0; i < n; i++) {
            remainder[i] = detrended[i] - seasonal[i];
            deseason[i] = y[i] - seasonal[i];
        }
        double varR = variance(remainder);
        f[2] = m > 1 ? clamp01(1 - varR / Math.max(variance(detrended), 1e-300)) : 0;
        f[3] = clamp01(1 - varR / Math.max(variance(deseason), 1e-300));
        double meanAbs = 0;
        for (double v : y) {
            meanAbs += Math.abs(v);
        }
        meanAbs /= n;
        double diffSd = 0;
        double naive = 0;
        for (int i = 1; i < n; i++) {
            double d = y[i] - y[i - 1];
            diffSd += d * d;
            naive += Math.abs(d);
        }
        diffSd = Math.sqrt(diffSd / (n - 1));
        naive /= (n - 1);
        f[4] = Math.log((diffSd + 1e-12) / (meanAbs + 1e-12));
        f[5] = spectralEntropy(y);
        f[6] = fractionMissing;
        f[7] = autocorrelation(y, 1);
        f[8] = m > 1 ? autocorrelation(y, m) : 0;
        double snaive = 0;
        for (int i = m; i < n; i++) {
            snaive += Math.abs(y[i] - y[i - m]);
        }
        snaive /= Math.max(1, n - m);
        f[9] = Math.log((snaive + 1e-12) / (naive + 1e-12));
        double sd = Math.sqrt(variance(y));
        f[10] = Math.log((sd + 1e-12) / (meanAbs + 1e-12));
        return f;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double[] movingAverage(double[] y, int w) {
        int n = y.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + y[i];
        }
        double[] out = new double[n];
        int half = w / 2;
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - half);
            int b = Math.min(n, a + w);
            a = Math.max(0, b - w);
            out[i] = (prefix[b] - prefix[a]) / (b - a);
        }
        return out;
    }

    private static double variance(double[] a) {
        double mean = 0;
        for (double v : a) {
            mean += v;
        }
        mean /= a.length;
        double s = 0;
        for (double v : a) {
            s += (v - mean) * (v - mean);
        }
        return s / a.length;
    }

    static double autocorrelation(double[] y, int lag) {
        int n = y.length;
        if (lag >= n) {
            return 0;
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double d = y[i] - mean;
            den += d * d;
            if (i >= lag) {
                num += d * (y[i - lag] - mean);
            }
        }
        return den == 0 ? 0 : num / den;
    }

    /** Shannon entropy of the normalised periodogram (direct DFT over at most 512 recent points), in [0, 1]. */
    static double spectralEntropy(double[] series) {
        int n = Math.min(series.length, 512);
        int off = series.length - n;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += series[off + i];
        }
        mean /= n;
        int kMax = n / 2;
        double[] power = new double[kMax];
        double total = 0;
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int i = 0; i < n; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = Math.sin(2 * Math.PI * i / n);
        }
        for (int k = 1; k <= kMax; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                int idx = (int) ((long) k * i % n);
                double d = series[off + i] - mean;
                re += d * cos[idx];
                im -= d * sin[idx];
            }
            power[k - 1] = re * re + im * im;
            total += power[k - 1];
        }
        if (total == 0 || kMax < 2) {
            return 0;
        }
        double h = 0;
        for (double p : power) {
            if (p > 0) {
                double q = p / total;
                h -= q * Math.log(q);
            }
        }
        return h / Math.log(kMax);
    }
}
