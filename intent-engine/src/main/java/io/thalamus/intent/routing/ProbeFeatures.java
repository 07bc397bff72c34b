package io.thalamus.intent.routing;

import io.thalamus.models.anomaly.AnomalyDetector;
import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.corpus.AnomalyInjector;
import io.thalamus.models.evaluation.EventF1;
import io.thalamus.models.evaluation.ForecastMetrics;
import io.thalamus.models.forecast.Forecaster;
import io.thalamus.models.registry.ModelRegistry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Probe ("landmarker") features: how each candidate model does on the task's own past, which the router may look
 * at without seeing the future. For a forecast: log MASE of each forecaster on a backtest over the history's last
 * points (origins n-h, n-2h, n-3h, each forecasting h steps from the data before it). For a detection: the number of
 * alarm events each detector raises on the second half of the normal prefix when trained on its first half
 * (alarms there are false by construction), then each detector's mean event F1 when the documented
 * {@link AnomalyInjector} writes anomalies into that second half (3 seeded draws, the same for every task).
 * Combined with {@link SeriesFeatures} into one vector.
 */
public final class ProbeFeatures {

    /** Injections into the normal prefix per detection task (each a fresh seeded draw of 1-3 anomalies). */
    static final int INJECTION_PROBES = 3;
    /** Seed of the first injection probe. */
    static final long INJECTION_SEED = 0x1DEA_2026L;

    /** Backtest origins per forecasting task. */
    static final int BACKTEST_ORIGINS = Integer.getInteger("thalamus.router.origins", 3);

    private final List<String> forecasters;
    private final List<Forecaster> forecastModels;
    private final List<String> detectors;
    private final List<AnomalyDetector> detectorModels;

    /** Probes with every forecaster and detector of the registry (sorted by id). */
    public ProbeFeatures(ModelRegistry registry) {
        this.forecasters = registry.cardsFor(TaskType.FORECAST).stream().map(ModelCard::id).toList();
        this.forecastModels = forecasters.stream().map(id -> registry.model(id, Forecaster.class)).toList();
        this.detectors = registry.cardsFor(TaskType.DETECT_ANOMALY).stream().map(ModelCard::id).toList();
        this.detectorModels = detectors.stream().map(id -> registry.model(id, AnomalyDetector.class)).toList();
    }

    /** Feature names of a task type, in vector order. */
    public List<String> names(TaskType task) {
        List<String> n = new ArrayList<>(SeriesFeatures.NAMES);
        for (String id : task == TaskType.FORECAST ? forecasters : detectors) {
            n.add((task == TaskType.FORECAST ? "backtestLogMase:" : "normalAlarms:") + id);
        }
        if (task == TaskType.DETECT_ANOMALY) {
            detectors.forEach(id -> n.add("probeF1:" + id));
        }
        return n;
    }

    /** Features of a forecasting task. */
    public TaskFeatures forecast(double[] history, int period, int horizon, double fractionMissing) {
        double[] base = SeriesFeatures.forecast(history, period, horizon, fractionMissing).values();
        double[] out = Arrays.copyOf(base, base.length + forecastModels.size());
        int n = history.length;
        for (int m = 0; m < forecastModels.size(); m++) {
            double sum = 0;
            int used = 0;
            for (int o = 1; o <= BACKTEST_ORIGINS; o++) {
                int origin = n - o * horizon;
                if (origin < Math.max(2 * period, 24) + 2) {
                    break;
                }
                double[] past = Arrays.copyOf(history, origin);
                double[] actual = Arrays.copyOfRange(history, origin, origin + horizon);
                try {
                    double[] f = forecastModels.get(m).forecast(past, period, horizon);
                    double mase = ForecastMetrics.mase(past, period, actual, f);
                    if (Double.isFinite(mase)) {
                        sum += Math.log(mase + 0.01);
                        used++;
                    }
                } catch (IllegalArgumentException e) {
                    // a constant stretch has no MASE scale: that origin gives no evidence
                }
            }
            out[base.length + m] = used == 0 ? 0 : sum / used;
        }
        return new TaskFeatures(TaskType.FORECAST, out);
    }

    /** Features of a detection task. */
    public TaskFeatures anomaly(double[] series, int period, int trainLength, double fractionMissing) {
        double[] base = SeriesFeatures.anomaly(series, period, trainLength, fractionMissing).values();
        int d = detectorModels.size();
        double[] out = Arrays.copyOf(base, base.length + 2 * d);
        double[] prefix = Arrays.copyOf(series, trainLength);
        int half = Math.max(2, trainLength / 2);
        for (int m = 0; m < d; m++) {
            boolean[] flags = detectorModels.get(m).detect(prefix, period, half);
            out[base.length + m] = Math.log1p(EventF1.score(flags, List.of()).events());
        }
        // Injection probes: the documented anomaly generator writes anomalies into the prefix's second half (seeded,
        // the same draws for every task), and each detector trained on the first half is scored by event F1 there.
        for (int r = 0; r < INJECTION_PROBES; r++) {
            AnomalyInjector.Injected inj = AnomalyInjector.inject(prefix, half, new Random(INJECTION_SEED + r));
            for (int m = 0; m < d; m++) {
                boolean[] flags = detectorModels.get(m).detect(inj.series(), period, half);
                out[base.length + d + m] += EventF1.score(flags, inj.anomalies()).f1() / INJECTION_PROBES;
            }
        }
        return new TaskFeatures(TaskType.DETECT_ANOMALY, out);
    }
}
