package io.thalamus.models.corpus;

/**
 * How big a benchmark corpus to cut.
 *
 * @param seriesPerFamily   series drawn per data set family
 * @param forecastWindows   forecasting windows per series
 * @param anomalyWindows    anomaly windows per series
 * @param trainFraction     share of series keys (per family) on the train side
 * @param seed              seed of every random draw
 * @param forecastOrigins   consecutive forecast origins per forecasting task (rolling-origin evaluation; 1 = a
 *                          single forecast)
 */
public record CorpusSpec(int seriesPerFamily, int forecastWindows, int anomalyWindows, double trainFraction, long seed,
                         int forecastOrigins) {

    /**
     * Rolling origins of the standard corpus: 1, a single forecast per task (12 origins were measured and did not make
     * the best model any more predictable; see docs/router.md).
     */
    public static final int STANDARD_ORIGINS = 1;

    public CorpusSpec {
        if (forecastOrigins < 1) {
            throw new IllegalArgumentException("forecastOrigins: must be >= 1, got " + forecastOrigins);
        }
    }

    /** A spec with single-origin forecasting tasks. */
    public CorpusSpec(int seriesPerFamily, int forecastWindows, int anomalyWindows, double trainFraction, long seed) {
        this(seriesPerFamily, forecastWindows, anomalyWindows, trainFraction, seed, 1);
    }

    /** The size {@code thalamus router bench} uses. */
    public static CorpusSpec standard() {
        return new CorpusSpec(90, 4, 2, 0.6, 20261127L, STANDARD_ORIGINS);
    }

    /** This spec with another number of rolling origins. */
    public CorpusSpec withForecastOrigins(int origins) {
        return new CorpusSpec(seriesPerFamily, forecastWindows, anomalyWindows, trainFraction, seed, origins);
    }
}
