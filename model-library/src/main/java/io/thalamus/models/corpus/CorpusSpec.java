package io.thalamus.models.corpus;

/**
 * How big a benchmark corpus to cut.
 *
 * @param seriesPerFamily   series drawn per data set family
 * @param forecastWindows   forecasting windows per series
 * @param anomalyWindows    anomaly windows per series
 * @param trainFraction     share of series keys (per family) on the train side
 * @param seed              seed of every random draw
 */
public record CorpusSpec(int seriesPerFamily, int forecastWindows, int anomalyWindows, double trainFraction, long seed) {

    /** The size {@code thalamus router bench} uses. */
    public static CorpusSpec standard() {
        return new CorpusSpec(90, 4, 2, 0.6, 20261127L);
    }
}
