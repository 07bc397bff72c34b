package io.thalamus.intent.execution;

import io.thalamus.models.anomaly.AnomalyDetector;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.forecast.Forecaster;
import io.thalamus.models.registry.ModelRegistry;

import java.util.Arrays;

/**
 * Forecasters and detectors from the model library's registry, seen through the engine's small interfaces.
 * A series too short for the registry model falls back to the engine default (EWMA, robust z-score).
 */
public final class RegistrySeriesModels {

    /** Score given to points a registry detector flags (registry detectors return flags, not scores). */
    public static final double FLAGGED = 10.0;

    private final ModelRegistry registry;

    public RegistrySeriesModels(ModelRegistry registry) {
        this.registry = registry;
    }

    /** The forecaster of card {@code id}, or null when no forecasting card has that id. */
    public SeriesForecaster forecaster(String id) {
        if (registry.card(id).filter(c -> c.serves(TaskType.FORECAST)).isEmpty()) {
            return null;
        }
        return (history, horizon) -> {
            if (history.length < 2) {
                return SeriesForecaster.ewma().forecast(history, horizon);
            }
            return registry.model(id, Forecaster.class).forecast(history, 1, horizon);
        };
    }

    /** The detector of card {@code id}, or null when no detection card has that id. */
    public SeriesDetector detector(String id) {
        if (registry.card(id).filter(c -> c.serves(TaskType.DETECT_ANOMALY)).isEmpty()) {
            return null;
        }
        return (series, window) -> {
            boolean[] flags = registry.model(id, AnomalyDetector.class).detect(series, 1, Math.min(window, series.length));
            double[] s = new double[series.length];
            Arrays.fill(s, Double.NaN);
            for (int i = window; i < series.length; i++) {
                s[i] = flags[i] ? FLAGGED : 0.0;
            }
            return s;
        };
    }
}
