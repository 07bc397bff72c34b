package io.thalamus.models.evaluation;

import io.thalamus.models.anomaly.AnomalyDetector;
import io.thalamus.models.card.ModelCard;
import io.thalamus.models.corpus.AnomalyTask;
import io.thalamus.models.corpus.BenchTask;
import io.thalamus.models.corpus.Corpus;
import io.thalamus.models.corpus.CorpusBuilder;
import io.thalamus.models.corpus.ForecastTask;
import io.thalamus.models.forecast.Forecaster;
import io.thalamus.models.registry.ModelRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every eligible model of the registry on every task and measures quality, wall time and CPU time. Each
 * model is first warmed up on a few tasks (not recorded) so that JIT compilation is not billed to the first
 * tasks. Quality is deterministic; times are measurements.
 */
public final class BenchRunner {

    private static final int WARMUP_TASKS = 30;

    private final ModelRegistry registry;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** A runner over the models of {@code registry}. */
    public BenchRunner(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Runs all tasks of the corpus. */
    public List<Outcome> run(Corpus corpus) {
        warmUp(corpus.tasks());
        List<Outcome> out = new ArrayList<>();
        for (BenchTask t : corpus.tasks()) {
            out.addAll(runTask(t, corpus.isTrain(t) ? "train" : "test"));
        }
        return out;
    }

    private void warmUp(List<BenchTask> tasks) {
        for (int i = 0; i < Math.min(WARMUP_TASKS, tasks.size()); i++) {
            runTask(tasks.get(i), "warmup");
        }
        int anomalies = 0;
        for (BenchTask t : tasks) {
            if (t instanceof AnomalyTask && anomalies++ < WARMUP_TASKS / 3) {
                runTask(t, "warmup");
            }
        }
    }

    /** Runs every eligible model on one task. */
    public List<Outcome> runTask(BenchTask task, String split) {
        List<Outcome> out = new ArrayList<>();
        for (ModelCard card : registry.cardsFor(task.taskType())) {
            Outcome o = runOne(task, split, card.id());
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    private Outcome runOne(BenchTask task, String split, String modelId) {
        if (task instanceof ForecastTask f) {
            Forecaster m = registry.model(modelId, Forecaster.class);
            // Every origin is scaled by the task history's seasonal scale, so the mean over origins is the MASE of
            // all the forecasts together; the first origin alone is also logged (the single-forecast view).
            double scale = CorpusBuilder.seasonalScale(f.history(), f.period());
            double absErr = 0;
            double smapeSum = 0;
            double firstMase = Double.NaN;
            long wall = 0;
            long cpu = 0;
            for (int r = 0; r < f.origins(); r++) {
                double[] past = f.historyAt(r);
                double[] actual = f.actualAt(r);
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                double[] fc = m.forecast(past, f.period(), f.horizon());
                wall += System.nanoTime() - w0;
                cpu += threads.getCurrentThreadCpuTime() - c0;
                double mae = ForecastMetrics.mae(actual, fc);
                absErr += mae;
                smapeSum += finiteOr(ForecastMetrics.smape(actual, fc), 200);
                if (r == 0) {
                    firstMase = finiteOr(mae / scale, 1e6);
                }
            }
            double mase = finiteOr(absErr / f.origins() / scale, 1e6);
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("MASE", mase);
            metrics.put("sMAPE", smapeSum / f.origins());
            metrics.put("MASEFirstOrigin", firstMase);
            // Time and CPU per call: one forecast, as the router serves it.
            return new Outcome(task.id(), task.taskType().wire(), task.family(), split, modelId, mase, 1 / (1 + mase),
                    metrics, wall / 1e6 / f.origins(), cpu / 1e6 / f.origins());
        }
        AnomalyTask a = (AnomalyTask) task;
        AnomalyDetector d = registry.model(modelId, AnomalyDetector.class);
        long c0 = threads.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        boolean[] flags = d.detect(a.series(), a.period(), a.trainLength());
        long w1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        EventF1.Score s = EventF1.score(flags, a.anomalies());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("F1", s.f1());
        metrics.put("precision", s.precision());
        metrics.put("recall", s.recall());
        return new Outcome(task.id(), task.taskType().wire(), task.family(), split, modelId, 1 - s.f1(), s.f1(),
                metrics, (w1 - w0) / 1e6, (c1 - c0) / 1e6);
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }
}
