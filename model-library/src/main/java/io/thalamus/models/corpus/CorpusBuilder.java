package io.thalamus.models.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts NetRouterBench from the shared data: per family a seeded draw of eligible series (at least 30% measured,
 * at least 70% of the measured values non-zero), forecasting windows (history of 4 days for the 15-minute traffic series, 240 s
 * for 5G; horizon drawn from 1..12; future fully measured) and anomaly windows (normal prefix, then a part with
 * anomalies from {@link AnomalyInjector}); plus windows of the GEANT total traffic around its real glitches.
 */
public final class CorpusBuilder {

    private final CorpusSpec spec;

    /** A builder for this size and seed. */
    public CorpusBuilder(CorpusSpec spec) {
        this.spec = spec;
    }

    /** Window lengths of one family. */
    record Shape(int history, int anomalyTrain, int anomalyTest) {
        static Shape of(int period) {
            if (period <= 1) {
                return new Shape(240, 180, 180);
            }
            int h = Math.min(Math.max(4 * period, 96), 1200);
            return new Shape(h, h, Math.max(2 * period, 96));
        }
    }

    /** The standard corpus from GEANT TOTEM, Abilene and the 5G traces under {@code root}. */
    public Corpus build(Path root) {
        SharedSeries.Geant geant = SharedSeries.geant(root);
        Map<String, List<SeriesSource>> families = new LinkedHashMap<>();
        families.put("geant-totem", geant.series());
        families.put("abilene", SharedSeries.abilene(root));
        families.put("5g-ucc", SharedSeries.fiveG(root, 600));
        List<BenchTask> tasks = new ArrayList<>();
        Set<String> train = new HashSet<>();
        for (Map.Entry<String, List<SeriesSource>> f : families.entrySet()) {
            cut(f.getValue(), tasks, train, true);
        }
        realGlitchTasks(geant, tasks);
        // The real-glitch tasks share one series: the test side, so they measure the router on real anomalies.
        return new Corpus(tasks, train);
    }

    /** Forecasting tasks only, from any series (e.g. a wide CSV the router never saw); all keys on the test side. */
    public Corpus forecastingOnly(List<SeriesSource> series) {
        List<BenchTask> tasks = new ArrayList<>();
        cut(series, tasks, new HashSet<>(), false);
        return new Corpus(tasks, Set.of());
    }

    private void cut(List<SeriesSource> all, List<BenchTask> tasks, Set<String> train, boolean anomalies) {
        Random rnd = new Random(spec.seed() ^ (all.isEmpty() ? 0 : all.get(0).family().hashCode()));
        List<SeriesSource> eligible = new ArrayList<>(all.stream().filter(CorpusBuilder::eligible).toList());
        Collections.shuffle(eligible, rnd);
        List<SeriesSource> chosen = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (SeriesSource s : eligible) {
            String k = splitKey(s.key());
            if (keys.size() >= spec.seriesPerFamily() && !keys.contains(k)) {
                continue;
            }
            keys.add(k);
            chosen.add(s);
        }
        List<String> keyList = new ArrayList<>(keys);
        Collections.shuffle(keyList, rnd);
        int nTrain = (int) Math.round(spec.trainFraction() * keyList.size());
        train.addAll(keyList.subList(0, nTrain));
        for (SeriesSource s : chosen) {
            forecastWindows(s, rnd, tasks);
            if (anomalies) {
                anomalyWindows(s, rnd, tasks);
            }
        }
    }

    static String splitKey(String key) {
        int hash = key.indexOf('#');
        return hash < 0 ? key : key.substring(0, hash);
    }

    static boolean eligible(SeriesSource s) {
        double[] v = s.values();
        int finite = 0;
        int nonZero = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                finite++;
                if (x != 0) {
                    nonZero++;
                }
            }
        }
        return v.length > 0 && finite >= 0.3 * v.length && nonZero >= 0.7 * finite;
    }

    private void forecastWindows(SeriesSource s, Random rnd, List<BenchTask> tasks) {
        Shape shape = Shape.of(s.period());
        double[] v = s.values();
        int made = 0;
        for (int attempt = 0; attempt < 20 * spec.forecastWindows() && made < spec.forecastWindows(); attempt++) {
            int horizon = 1 + rnd.nextInt(12);
            int origins = spec.forecastOrigins();
            int span = shape.history() + origins - 1 + horizon;
            if (v.length < span) {
                return;
            }
            int start = rnd.nextInt(v.length - span + 1);
            int end = start + shape.history();
            double missing = Gaps.fractionMissing(v, start, end);
            if (missing > 0.2 || Gaps.fractionMissing(v, end, start + span) > 0) {
                continue;
            }
            double[] history = Gaps.fillLinear(Arrays.copyOfRange(v, start, end));
            if (seasonalScale(history, s.period()) == 0) {
                continue;
            }
            tasks.add(new ForecastTask("forecast:" + s.key() + "@" + start + "+" + horizon, s.key(), s.family(), history,
                    Arrays.copyOfRange(v, end, start + span), s.period(), horizon, origins, missing));
            made++;
        }
    }

    private void anomalyWindows(SeriesSource s, Random rnd, List<BenchTask> tasks) {
        Shape shape = Shape.of(s.period());
        double[] v = s.values();
        int span = shape.anomalyTrain() + shape.anomalyTest();
        int made = 0;
        for (int attempt = 0; attempt < 20 * spec.anomalyWindows() && made < spec.anomalyWindows(); attempt++) {
            if (v.length < span) {
                return;
            }
            int start = rnd.nextInt(v.length - span + 1);
            double missing = Gaps.fractionMissing(v, start, start + span);
            if (missing > 0.1) {
                continue;
            }
            double[] clean = Gaps.fillLinear(Arrays.copyOfRange(v, start, start + span));
            AnomalyInjector.Injected inj = AnomalyInjector.inject(clean, shape.anomalyTrain(), rnd);
            if (inj.anomalies().isEmpty()) {
                continue;
            }
            tasks.add(new AnomalyTask("anomaly:" + s.key() + "@" + start, s.key(), s.family(), inj.series(), s.period(),
                    shape.anomalyTrain(), inj.anomalies(), missing));
            made++;
        }
    }

    private void realGlitchTasks(SharedSeries.Geant geant, List<BenchTask> tasks) {
        Shape shape = Shape.of(96);
        double[] total = geant.total();
        Set<Integer> glitch = new HashSet<>(geant.glitchRows());
        int lastStart = -shape.anomalyTest();
        for (int g : geant.glitchRows()) {
            int start = g - shape.anomalyTrain() - shape.anomalyTest() / 2;
            if (start < 0 || start + shape.anomalyTrain() + shape.anomalyTest() > total.length
                    || start < lastStart + shape.anomalyTest()) {
                continue;
            }
            int span = shape.anomalyTrain() + shape.anomalyTest();
            boolean cleanPrefix = true;
            for (int t = start; t < start + shape.anomalyTrain(); t++) {
                cleanPrefix &= !glitch.contains(t);
            }
            if (!cleanPrefix) {
                continue;
            }
            List<InjectedAnomaly> labels = new ArrayList<>();
            for (int t = start + shape.anomalyTrain(); t < start + span; t++) {
                if (glitch.contains(t)) {
                    int e = t;
                    while (e < start + span && glitch.contains(e)) {
                        e++;
                    }
                    labels.add(new InjectedAnomaly("real-glitch", t - start, e - start,
                            total[t] > 1 ? Math.log10(total[t] / SharedSeries.medianIgnoringNaN(total)) : 0));
                    t = e;
                }
            }
            double missing = Gaps.fractionMissing(total, start, start + span);
            tasks.add(new AnomalyTask("anomaly:geant-totem/total@" + start, "geant-totem/total", "geant-totem-real",
                    Gaps.fillLinear(Arrays.copyOfRange(total, start, start + span)), 96, shape.anomalyTrain(), labels, missing));
            lastStart = start;
        }
    }

    /** Mean absolute seasonal difference of {@code y} (the MASE scale); period 1 means the naive difference. */
    public static double seasonalScale(double[] y, int period) {
        int m = period < y.length ? period : 1;
        double s = 0;
        for (int t = m; t < y.length; t++) {
            s += Math.abs(y[t] - y[t - m]);
        }
        return y.length > m ? s / (y.length - m) : 0;
    }
}
