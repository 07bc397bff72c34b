package io.thalamus.intent.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.corpus.AnomalyTask;
import io.thalamus.models.corpus.BenchTask;
import io.thalamus.models.corpus.Corpus;
import io.thalamus.models.corpus.CorpusBuilder;
import io.thalamus.models.corpus.CorpusSpec;
import io.thalamus.models.corpus.ForecastTask;
import io.thalamus.models.corpus.SeriesSource;
import io.thalamus.models.corpus.WideCsvTable;
import io.thalamus.models.evaluation.BenchRunner;
import io.thalamus.models.evaluation.Outcome;
import io.thalamus.models.evaluation.OutcomeJsonl;
import io.thalamus.models.registry.ModelRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * NetRouterBench end to end: cut the corpus from the shared data, run every eligible model on every task (outcomes
 * as JSONL), train the router on the train split (k chosen by 5-fold cross-validation grouped by series), evaluate
 * it on the test split, and write {@code outcomes.jsonl}, {@code router.json}, {@code results.json} and
 * {@code results.md}. Also evaluates a saved router on forecasting tasks cut from any wide CSV file.
 */
public final class NetRouterBench {

    /** Neighbour counts tried by cross-validation. */
    static final int[] K_GRID = {3, 5, 8, 12, 20, 30, 50};

    /** Admission tasks of the standard run (each solver gets the task's budget of 0.1-0.5 s; several per topology). */
    static final int ADMISSION_TASKS = 180;

    /** Outcome metric holding a rolling-origin forecast's first-origin MASE. */
    static final String FIRST_ORIGIN_METRIC = "MASEFirstOrigin";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetRouterBench() {
    }

    /** Everything a bench run produced. */
    public record Result(Corpus corpus, ModelRouter router, List<RouterEvaluation.TaskTypeScore> scores, ObjectNode json, String markdown) {
    }

    /** Runs the whole benchmark and writes its files into {@code outDir}. */
    public static Result run(Path dataRoot, Path outDir, CorpusSpec spec, PrintStream log) {
        long t0 = System.nanoTime();
        Corpus corpus = new CorpusBuilder(spec).build(dataRoot);
        long t1 = System.nanoTime();
        log.printf(Locale.ROOT, "corpus: %d tasks (%d train, %d test) in %.1f s%n", corpus.tasks().size(),
                corpus.train().size(), corpus.test().size(), (t1 - t0) / 1e9);
        ModelRegistry registry = ModelRegistry.fromClasspath();
        List<Outcome> outcomes = new BenchRunner(registry).run(corpus);
        long t2 = System.nanoTime();
        log.printf(Locale.ROOT, "models: %d runs in %.1f s%n", outcomes.size(), (t2 - t1) / 1e9);
        Map<String, TaskFeatures> features = new HashMap<>();
        ProbeFeatures probes = new ProbeFeatures(registry);
        long f0 = System.nanoTime();
        for (BenchTask t : corpus.tasks()) {
            features.put(t.id(), features(probes, t));
        }
        double featureMs = (System.nanoTime() - f0) / 1e6 / corpus.tasks().size();
        Map<String, List<Outcome>> byTask = group(outcomes);
        long n0 = System.nanoTime();
        List<NetworkTasks.Task> network = networkTasks(dataRoot, registry, spec, false);
        List<Outcome> networkOutcomes = network.stream().flatMap(t -> t.outcomes().stream()).toList();
        log.printf(Locale.ROOT, "network tasks: %d (admission and routing on Topology Zoo), %d runs in %.1f s%n",
                network.size(), networkOutcomes.size(), (System.nanoTime() - n0) / 1e9);
        List<Outcome> allOutcomes = new ArrayList<>(outcomes);
        allOutcomes.addAll(networkOutcomes);
        OutcomeJsonl.write(outDir.resolve("outcomes.jsonl"), allOutcomes);
        List<Labelled> items = labelled(corpus, features, byTask, network);
        writeFeatures(outDir.resolve("features.jsonl"), corpus, features, probes, network);
        List<Labelled> trainItems = items.stream().filter(Labelled::train).toList();
        Map<TaskType, Config> configs = chooseConfig(trainItems, spec.seed(), DEFAULT_SELECTION_RULE);
        log.printf(Locale.ROOT, "router: %s (5-fold cross-validation grouped by series on the train split, rule %s)%n",
                configs, DEFAULT_SELECTION_RULE.wire());
        KnnPerformancePredictor predictor = train(trainItems.stream().map(Labelled::example).toList(), configs);
        ModelRouter router = new ModelRouter(predictor, routedCards(registry), LoadShifter.standard());
        RouterJson.write(predictor, outDir.resolve("router.json"), t -> t == TaskType.FORECAST
                || t == TaskType.DETECT_ANOMALY ? probes.names(t) : null);
        List<EvaluatedTask> test = items.stream().filter(i -> !i.train()).map(Labelled::evaluated).toList();
        List<RouterEvaluation.TaskTypeScore> scores = RouterEvaluation.evaluate(router, test);
        List<EvaluatedTask> firstOrigin = evaluated(corpus.test().stream().filter(t -> t.taskType() == TaskType.FORECAST)
                .toList(), features, byTask, FIRST_ORIGIN_METRIC);
        List<RouterEvaluation.TaskTypeScore> firstScores = RouterEvaluation.evaluate(router, firstOrigin);
        long t3 = System.nanoTime();
        ObjectNode json = MAPPER.createObjectNode();
        json.put("benchmark", "NetRouterBench");
        ObjectNode c = json.putObject("corpus");
        c.put("seed", spec.seed());
        c.put("seriesPerFamily", spec.seriesPerFamily());
        c.put("forecastWindowsPerSeries", spec.forecastWindows());
        c.put("anomalyWindowsPerSeries", spec.anomalyWindows());
        c.put("trainFraction", spec.trainFraction());
        c.put("forecastOrigins", spec.forecastOrigins());
        ObjectNode fam = c.putObject("tasksByFamilyAndType");
        for (BenchTask t : corpus.tasks()) {
            String key = t.family() + "/" + t.taskType().wire() + "/" + (corpus.isTrain(t) ? "train" : "test");
            fam.put(key, fam.path(key).asInt(0) + 1);
        }
        for (NetworkTasks.Task t : network) {
            String key = t.family() + "/" + t.type().wire() + "/" + (t.train() ? "train" : "test");
            fam.put(key, fam.path(key).asInt(0) + 1);
        }
        c.put("tasks", corpus.tasks().size() + network.size());
        c.put("trainTasks", trainItems.size());
        c.put("testTasks", test.size());
        c.put("modelRuns", allOutcomes.size());
        ObjectNode cfg = json.putObject("configuration");
        configs.forEach((t, cf) -> cfg.putObject(t.wire()).put("k", cf.k()).put("featureSet", cf.featureSet())
                .put("priorWeight", cf.priorWeight()).put("constant", cf.constant())
                .put("aggregation", cf.aggregation().wire()).put("cvOptimalPickRate", cf.cvPickRate())
                .put("cvMeanRegret", cf.cvRegret()).put("selectionRule", DEFAULT_SELECTION_RULE.wire()));
        json.put("featureExtractionMsPerTask", featureMs);
        json.put("runtimeSeconds", (t3 - t0) / 1e9);
        putScores(json, scores, test, router);
        if (!firstScores.isEmpty()) {
            ObjectNode fo = json.putObject("forecastFirstOriginOnly");
            fo.put("note", "the same router and test tasks, judged on the first origin's MASE alone (one forecast per task)");
            summary(fo, firstScores.get(0));
        }
        String md = markdown(json, scores);
        write(outDir.resolve("results.json"), json.toPrettyString());
        write(outDir.resolve("results.md"), md);
        return new Result(corpus, router, scores, json, md);
    }

    /**
     * The admission and routing tasks of a run with this spec (180 admission instances, 2 routing tasks per topology
     * for the standard size; 6 and 1 for small test corpora); with {@code trainOnly} only the train side is solved.
     */
    static List<NetworkTasks.Task> networkTasks(Path dataRoot, ModelRegistry registry, CorpusSpec spec, boolean trainOnly) {
        boolean full = spec.seriesPerFamily() >= 40;
        return NetworkTasks.build(NetworkTasks.zoo(dataRoot), registry, spec.seed(), spec.trainFraction(),
                full ? ADMISSION_TASKS : 6, full ? 2 : 1, trainOnly);
    }

    /** Every task of the corpus and of {@code network} that has outcomes, with its side of the split. */
    static List<Labelled> labelled(Corpus corpus, Map<String, TaskFeatures> features, Map<String, List<Outcome>> byTask,
                                   List<NetworkTasks.Task> network) {
        List<Labelled> items = new ArrayList<>();
        for (BenchTask t : corpus.tasks()) {
            List<TrainingExample> ex = examples(List.of(t), features, byTask);
            List<EvaluatedTask> ev = evaluated(List.of(t), features, byTask);
            if (!ex.isEmpty()) {
                items.add(new Labelled(t.splitKey(), corpus.isTrain(t), ex.get(0), ev.get(0)));
            }
        }
        for (NetworkTasks.Task t : network) {
            items.add(new Labelled(t.splitKey(), t.train(), example(t.features(), t.outcomes()),
                    evaluatedTask(t.id(), t.family(), t.features(), t.outcomes(), null)));
        }
        return items;
    }

    /** Cards of the task types the benchmark routes. */
    static List<ModelCard> routedCards(ModelRegistry registry) {
        List<ModelCard> out = new ArrayList<>(registry.cardsFor(TaskType.FORECAST));
        out.addAll(registry.cardsFor(TaskType.DETECT_ANOMALY));
        out.addAll(registry.cardsFor(TaskType.ADMIT_FLOWS));
        out.addAll(registry.cardsFor(TaskType.ROUTE));
        return out;
    }

    /**
     * Evaluates a saved router on forecasting tasks cut from a wide CSV (TOTEM layout) it never saw: every
     * forecaster runs for ground truth; returns the summary fields of {@code thalamus router eval}.
     */
    public static ObjectNode evaluateForecastFile(Path routerFile, Path seriesFile, long seed) {
        return evaluateForecastFile(routerFile, seriesFile, seed, CorpusSpec.STANDARD_ORIGINS);
    }

    /** As {@link #evaluateForecastFile(Path, Path, long)} with {@code origins} rolling forecast origins per task. */
    public static ObjectNode evaluateForecastFile(Path routerFile, Path seriesFile, long seed, int origins) {
        KnnPerformancePredictor predictor = RouterJson.read(routerFile);
        if (!predictor.tasks().contains(TaskType.FORECAST)) {
            throw new IllegalArgumentException(routerFile + ": /tasks/forecast: the router was not trained on forecasting");
        }
        WideCsvTable table = WideCsvTable.read(seriesFile);
        int period = table.dailyPeriod();
        double[][] regular = table.regular();
        List<SeriesSource> series = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            series.add(new SeriesSource("file/" + table.columns().get(i), "file", regular[i], period));
        }
        Corpus corpus = new CorpusBuilder(new CorpusSpec(100, 3, 0, 0, seed, origins)).forecastingOnly(series);
        if (corpus.tasks().isEmpty()) {
            throw new IllegalArgumentException(seriesFile + ": no forecasting window found (need series with at least "
                    + "30% measured values, 70% of them non-zero, and a history of " + Math.max(4 * period, 96) + " steps plus 12)");
        }
        ModelRegistry registry = ModelRegistry.fromClasspath();
        List<String> known = predictor.models(TaskType.FORECAST);
        for (ModelCard card : registry.cardsFor(TaskType.FORECAST)) {
            if (!known.contains(card.id())) {
                throw new IllegalArgumentException(routerFile + ": /tasks/forecast/models: lacks " + card.id()
                        + " of the model library; retrain with 'thalamus router bench'");
            }
        }
        List<Outcome> outcomes = new BenchRunner(registry).run(corpus);
        Map<String, TaskFeatures> features = new HashMap<>();
        ProbeFeatures probes = new ProbeFeatures(registry);
        for (BenchTask t : corpus.tasks()) {
            features.put(t.id(), features(probes, t));
        }
        ModelRouter router = new ModelRouter(predictor, registry.cardsFor(TaskType.FORECAST), LoadShifter.standard());
        List<EvaluatedTask> tasks = evaluated(corpus.tasks(), features, group(outcomes));
        RouterEvaluation.TaskTypeScore s = RouterEvaluation.evaluate(router, tasks).get(0);
        ObjectNode out = MAPPER.createObjectNode();
        out.put("tasks", s.tasks());
        out.put("optimalPickRate", s.optimalPickRate());
        out.put("bestSingleOptimalPickRate", s.bestSingleOptimalPickRate());
        out.put("randomOptimalPickRate", s.randomOptimalPickRate());
        out.put("meanRegret", s.meanRegret());
        out.put("bestSingleMeanRegret", s.bestSingleMeanRegret());
        out.put("aiq", s.aiq());
        out.put("zeroRouterAiq", s.zeroRouterAiq());
        out.put("bestSingleModel", s.bestSingleModel());
        out.put("period", period);
        out.put("forecastOrigins", origins);
        return out;
    }

    /** The router's features of a benchmark task. */
    public static TaskFeatures features(ProbeFeatures probes, BenchTask t) {
        if (t instanceof ForecastTask f) {
            return probes.forecast(f.history(), f.period(), f.horizon(), f.fractionMissing());
        }
        AnomalyTask a = (AnomalyTask) t;
        return probes.anomaly(a.series(), a.period(), a.trainLength(), a.fractionMissing());
    }

    static Map<String, List<Outcome>> group(List<Outcome> outcomes) {
        Map<String, List<Outcome>> m = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            m.computeIfAbsent(o.taskId(), x -> new ArrayList<>()).add(o);
        }
        return m;
    }

    static List<TrainingExample> examples(List<BenchTask> tasks, Map<String, TaskFeatures> features,
                                          Map<String, List<Outcome>> byTask) {
        List<TrainingExample> out = new ArrayList<>();
        for (BenchTask t : tasks) {
            List<Outcome> os = byTask.getOrDefault(t.id(), List.of());
            if (!os.isEmpty()) {
                out.add(example(features.get(t.id()), os));
            }
        }
        return out;
    }

    /** A training example from one task's outcomes. */
    static TrainingExample example(TaskFeatures features, List<Outcome> outcomes) {
        Map<String, Double> loss = new LinkedHashMap<>();
        Map<String, Double> lat = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            loss.put(o.modelId(), o.loss());
            lat.put(o.modelId(), o.wallMs());
            cpu.put(o.modelId(), o.cpuMs());
        }
        return new TrainingExample(features, loss, lat, cpu);
    }

    /** A task of the benchmark with its side of the split, as training example and as evaluation ground truth. */
    record Labelled(String splitKey, boolean train, TrainingExample example, EvaluatedTask evaluated) {
    }

    static List<EvaluatedTask> evaluated(List<BenchTask> tasks, Map<String, TaskFeatures> features,
                                         Map<String, List<Outcome>> byTask) {
        return evaluated(tasks, features, byTask, null);
    }

    /**
     * Test tasks with every model's outcome; with {@code firstOrigin} the forecasting loss is the first origin's
     * MASE alone (the single-forecast view of a rolling-origin task), quality 1/(1+that).
     */
    static List<EvaluatedTask> evaluated(List<BenchTask> tasks, Map<String, TaskFeatures> features,
                                         Map<String, List<Outcome>> byTask, String metric) {
        List<EvaluatedTask> out = new ArrayList<>();
        for (BenchTask t : tasks) {
            List<Outcome> os = byTask.getOrDefault(t.id(), List.of());
            if (!os.isEmpty()) {
                out.add(evaluatedTask(t.id(), t.family(), features.get(t.id()), os, metric));
            }
        }
        return out;
    }

    /** Ground truth of one task; {@code metric} (when not null and logged) replaces the loss. */
    static EvaluatedTask evaluatedTask(String id, String family, TaskFeatures features, List<Outcome> outcomes, String metric) {
        Map<String, Double> loss = new LinkedHashMap<>();
        Map<String, Double> quality = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            Double m = metric == null ? null : o.metrics().get(metric);
            loss.put(o.modelId(), m == null ? o.loss() : m);
            quality.put(o.modelId(), m == null ? o.quality() : 1 / (1 + m));
        }
        return new EvaluatedTask(id, family, features, loss, quality);
    }

    /**
     * A trained configuration of one task type: neighbours, feature subset, prior weight and loss aggregation, with
     * its cross-validated optimal-pick rate and mean regret on the train split (NaN when not cross-validated).
     */
    record Config(int k, String featureSet, double priorWeight, KnnPerformancePredictor.Aggregation aggregation,
                  double cvPickRate, double cvRegret) {
        Config(int k, String featureSet) {
            this(k, featureSet, KnnPerformancePredictor.BENCH_PRIOR_WEIGHT, KnnPerformancePredictor.Aggregation.GEOMETRIC,
                    Double.NaN, Double.NaN);
        }

        /** Whether this is the constant router (always the model best on average over the memory). */
        boolean constant() {
            return priorWeight >= CONSTANT_PRIOR_WEIGHT;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "{k=%d, features=%s, priorWeight=%s, aggregation=%s, cv pick %.3f, cv regret %.4f}",
                    k, featureSet, constant() ? "constant" : String.format(Locale.ROOT, "%.0f", priorWeight),
                    aggregation.wire(), cvPickRate, cvRegret);
        }
    }

    /** Feature subsets tried by cross-validation: all, series statistics only, probes only. */
    static final List<String> FEATURE_SETS = List.of("all", "statistics", "probes");

    /** Prior weights tried by cross-validation (in neighbours). */
    static final double[] PRIOR_GRID = {0, 1, 10};

    /**
     * A prior weight so large that the neighbours do not matter: the prediction is each model's mean over the whole
     * memory, so the router always picks the model best on average (the best single model, chosen on train data).
     */
    static final double CONSTANT_PRIOR_WEIGHT = 1e9;

    static double[] weights(String set, int dims) {
        double[] w = new double[dims];
        int stats = SeriesFeatures.NAMES.size();
        for (int i = 0; i < dims; i++) {
            boolean isStat = i < stats;
            w[i] = switch (set) {
                case "statistics" -> isStat ? 1 : 0;
                case "probes" -> isStat ? 0 : 1;
                default -> 1;
            };
        }
        return w;
    }

    static KnnPerformancePredictor train(List<TrainingExample> ex, Map<TaskType, Config> configs) {
        Map<TaskType, Integer> dims = new HashMap<>();
        ex.forEach(e -> dims.put(e.features().task(), e.features().size()));
        Config fallback = new Config(20, "all");
        return KnnPerformancePredictor.train(ex, t -> setting(configs.getOrDefault(t, fallback), dims.get(t)));
    }

    private static KnnPerformancePredictor.Setting setting(Config c, int dims) {
        return new KnnPerformancePredictor.Setting(c.k(), weights(c.featureSet(), dims), c.priorWeight(), c.aggregation());
    }

    /** How the cross-validation picks a setting among those it tried (see {@link #select}). */
    public enum SelectionRule {
        /** The highest CV optimal-pick rate among the settings whose CV mean regret is no worse than the constant router's. */
        PLAIN,
        /**
         * As {@link #PLAIN}, but a non-constant setting qualifies only when its CV pick-rate gain over the constant
         * router exceeds one standard error of the paired per-task difference of their hits.
         */
        ONE_SE;

        /** The rule's name in JSON ({@code plain}, {@code one-se}). */
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The selection rule of {@code router bench}: {@link SelectionRule#ONE_SE}, by the rule fixed before the nested-CV
     * study on the train split (lower pooled series regret than PLAIN; see docs/router.md and
     * bench/results/router/selection-rule.md).
     */
    public static final SelectionRule DEFAULT_SELECTION_RULE = SelectionRule.ONE_SE;

    /**
     * Per-task cross-validated outcome of one setting, in the order of the tasks it was given: 1 when the pick reached
     * the least loss else 0, and the pick's regret; NaN for a task that was never held out.
     */
    record CvTrace(double[] hits, double[] regrets) {
        /** Mean hit over the held-out tasks (0 when none). */
        double pickRate() {
            return mean(hits);
        }

        /** Mean regret over the held-out tasks (0 when none). */
        double meanRegret() {
            return mean(regrets);
        }

        private static double mean(double[] v) {
            double sum = 0;
            int n = 0;
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    sum += x;
                    n++;
                }
            }
            return n == 0 ? 0 : sum / n;
        }
    }

    /** A setting tried by the cross-validation with its per-task trace. */
    record Scored(Config config, CvTrace trace) {
    }

    /**
     * Per task type the configuration (k, feature subset, prior weight, loss aggregation) chosen by {@code rule} from
     * 5 folds of the train split grouped by series or topology (see {@link #select}). Only train tasks are ever
     * looked at.
     */
    static Map<TaskType, Config> chooseConfig(List<Labelled> train, long seed, SelectionRule rule) {
        Map<TaskType, Config> out = new java.util.EnumMap<>(TaskType.class);
        byType(train).forEach((type, tasks) -> out.put(type, select(tried(tasks, seed), rule)));
        return out;
    }

    /** {@link #chooseConfig(List, long, SelectionRule)} with the default rule. */
    static Map<TaskType, Config> chooseConfig(List<Labelled> train, long seed) {
        return chooseConfig(train, seed, DEFAULT_SELECTION_RULE);
    }

    /** The tasks grouped by task type (types in enum order, tasks in the given order). */
    static Map<TaskType, List<Labelled>> byType(List<Labelled> tasks) {
        Map<TaskType, List<Labelled>> byType = new java.util.EnumMap<>(TaskType.class);
        tasks.forEach(l -> byType.computeIfAbsent(l.example().features().task(), t -> new ArrayList<>()).add(l));
        return byType;
    }

    /**
     * Every setting of the grid, cross-validated on tasks of one type: the constant router under either aggregation,
     * then k × feature subset (series types) × prior weight × aggregation.
     */
    static List<Scored> tried(List<Labelled> ofType, long seed) {
        TaskType type = ofType.get(0).example().features().task();
        boolean series = type == TaskType.FORECAST || type == TaskType.DETECT_ANOMALY;
        List<Scored> tried = new ArrayList<>();
        for (KnnPerformancePredictor.Aggregation agg : KnnPerformancePredictor.Aggregation.values()) {
            tried.add(scored(ofType, seed, new Config(20, "all", CONSTANT_PRIOR_WEIGHT, agg, 0, 0)));
            for (String set : series ? FEATURE_SETS : List.of("all")) {
                for (double pw : PRIOR_GRID) {
                    for (int k : K_GRID) {
                        tried.add(scored(ofType, seed, new Config(k, set, pw, agg, 0, 0)));
                    }
                }
            }
        }
        return tried;
    }

    /** The constant router among the tried settings: the one with the least CV mean regret (first on ties). */
    static Scored constantOf(List<Scored> tried) {
        return tried.stream().filter(s -> s.config().constant())
                .min(java.util.Comparator.comparingDouble(s -> s.config().cvRegret())).orElseThrow();
    }

    /**
     * The setting {@code rule} takes among the tried ones. A candidate must have a CV mean regret no worse than the
     * constant router's (the best single model of each training fold; the regret guard); under {@link SelectionRule#ONE_SE}
     * a non-constant candidate must also beat the constant router's CV pick rate by more than one standard error of
     * the paired per-task difference. Among candidates the highest CV pick rate wins, the regret breaking near-ties;
     * when none qualifies, the constant router.
     */
    static Config select(List<Scored> tried, SelectionRule rule) {
        Scored constant = constantOf(tried);
        double guard = constant.config().cvRegret();
        Config best = constant.config();
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Scored s : tried) {
            Config c = s.config();
            double score = c.cvPickRate() - 1e-3 * c.cvRegret();
            boolean qualifies = c.cvRegret() <= guard + 1e-12
                    && (rule == SelectionRule.PLAIN || c.constant() || clearsOneSe(s.trace(), constant.trace()));
            if (qualifies && score > bestScore + 1e-12) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** Whether the mean of the paired differences of hits (candidate − constant) exceeds one standard error of it. */
    static boolean clearsOneSe(CvTrace candidate, CvTrace constant) {
        double[] d = pairedDifferences(candidate.hits(), constant.hits());
        return d.length >= 2 && mean(d) > standardError(d);
    }

    /** a_i − b_i over the tasks where both are defined (not NaN). */
    static double[] pairedDifferences(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired traces differ in length: " + a.length + " vs " + b.length);
        }
        return java.util.stream.IntStream.range(0, a.length).filter(i -> !Double.isNaN(a[i]) && !Double.isNaN(b[i]))
                .mapToDouble(i -> a[i] - b[i]).toArray();
    }

    /** Arithmetic mean (0 for none). */
    static double mean(double[] v) {
        return v.length == 0 ? 0 : java.util.Arrays.stream(v).sum() / v.length;
    }

    /** Standard error of the mean: sample standard deviation (n − 1) over √n; NaN for fewer than 2 values. */
    static double standardError(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1)) / Math.sqrt(v.length);
    }

    /** The configuration with its cross-validated scores filled in. */
    static Config cv(List<Labelled> train, long seed, Config c) {
        return scored(train, seed, c).config();
    }

    private static Scored scored(List<Labelled> train, long seed, Config c) {
        CvTrace t = cvScore(train, seed, c);
        return new Scored(new Config(c.k(), c.featureSet(), c.priorWeight(), c.aggregation(), t.pickRate(), t.meanRegret()), t);
    }

    /**
     * Fold (0..folds−1) of every split key of the tasks: the distinct keys in sorted order, shuffled with
     * {@code seed}, dealt round robin.
     */
    static Map<String, Integer> folds(List<Labelled> tasks, long seed, int folds) {
        Set<String> keySet = new TreeSet<>();
        tasks.forEach(t -> keySet.add(t.splitKey()));
        List<String> keys = new ArrayList<>(keySet);
        Collections.shuffle(keys, new Random(seed));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            fold.put(keys.get(i), i % folds);
        }
        return fold;
    }

    /** Cross-validated per-task hits and regrets of one configuration on tasks of one type (5 folds grouped by key). */
    static CvTrace cvScore(List<Labelled> train, long seed, Config c) {
        Map<String, Integer> fold = folds(train, seed, 5);
        double[] hits = new double[train.size()];
        double[] regrets = new double[train.size()];
        java.util.Arrays.fill(hits, Double.NaN);
        java.util.Arrays.fill(regrets, Double.NaN);
        for (int f = 0; f < 5; f++) {
            final int ff = f;
            List<TrainingExample> ex = train.stream().filter(t -> fold.get(t.splitKey()) != ff).map(Labelled::example).toList();
            if (ex.isEmpty()) {
                continue;
            }
            KnnPerformancePredictor p = trainOne(ex, c);
            for (int i = 0; i < train.size(); i++) {
                if (fold.get(train.get(i).splitKey()) == ff) {
                    double[] hr = judge(p, train.get(i).evaluated());
                    hits[i] = hr[0];
                    regrets[i] = hr[1];
                }
            }
        }
        return new CvTrace(hits, regrets);
    }

    /** A predictor with one configuration, trained on examples of one task type. */
    static KnnPerformancePredictor trainOne(List<TrainingExample> ex, Config c) {
        int dims = ex.get(0).features().size();
        return KnnPerformancePredictor.train(ex, t -> setting(c, dims));
    }

    /**
     * [hit, regret] of the model the predictor picks for a task, as the router decides with no flags (least predicted
     * loss, then least predicted CPU, then id); a pick that did not run counts as a miss with regret 1.
     */
    static double[] judge(KnnPerformancePredictor p, EvaluatedTask t) {
        List<ModelEstimate> est = p.predict(t.features());
        String pick = est.stream().filter(e -> !Double.isNaN(e.predictedLoss()))
                .min(java.util.Comparator.comparingDouble(ModelEstimate::predictedLoss)
                        .thenComparingDouble(ModelEstimate::predictedCpuMs).thenComparing(ModelEstimate::modelId))
                .map(ModelEstimate::modelId).orElse(null);
        boolean ran = pick != null && t.loss().containsKey(pick);
        return new double[] {ran && t.optimal(pick) ? 1 : 0, ran ? t.loss().get(pick) - t.oracleLoss() : 1};
    }

    /** Task types whose tasks are cut from time series (comparable with the series-only benchmark of earlier runs). */
    private static final Set<String> SERIES_TYPES = Set.of("forecast", "detect-anomaly");

    private static void putScores(ObjectNode json, List<RouterEvaluation.TaskTypeScore> scores, List<EvaluatedTask> test,
                                  ModelRouter router) {
        ArrayNode arr = json.putArray("taskTypes");
        for (RouterEvaluation.TaskTypeScore s : scores) {
            arr.add((ObjectNode) MAPPER.valueToTree(s));
        }
        ObjectNode all = json.putObject("overall");
        overall(all.putObject("allTaskTypes"), scores);
        overall(all.putObject("seriesTaskTypes"), scores.stream().filter(s -> SERIES_TYPES.contains(s.task())).toList());
        ArrayNode fam = json.putArray("byDataFamily");
        Map<String, List<EvaluatedTask>> byFamily = new java.util.TreeMap<>();
        for (EvaluatedTask t : test) {
            byFamily.computeIfAbsent(t.features().task().wire() + " / " + t.family(), x -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<String, List<EvaluatedTask>> e : byFamily.entrySet()) {
            RouterEvaluation.TaskTypeScore s = RouterEvaluation.evaluate(router, e.getValue()).get(0);
            summary(fam.addObject().put("family", e.getKey()), s);
        }
        ObjectNode goals = json.putObject("goals");
        goals.put("pickRateAtLeast60PercentAllTaskTypes", all.path("allTaskTypes").path("optimalPickRate").asDouble() >= 0.6);
        goals.put("pickRateAtLeast60PercentSeriesTaskTypes",
                all.path("seriesTaskTypes").path("optimalPickRate").asDouble() >= 0.6);
        ObjectNode regret = goals.putObject("regretAtMostHalfOfBestSingle");
        scores.forEach(s -> regret.put(s.task(), s.meanRegret() <= 0.5 * s.bestSingleMeanRegret()));
        ObjectNode aiq = goals.putObject("aiqAboveZeroRouter");
        scores.forEach(s -> aiq.put(s.task(), s.aiq() > s.zeroRouterAiq()));
    }

    /** Pick rates and regrets of one score, with its best single model. */
    private static void summary(ObjectNode o, RouterEvaluation.TaskTypeScore s) {
        o.put("tasks", s.tasks());
        o.put("optimalPickRate", s.optimalPickRate());
        o.put("bestSingleModel", s.bestSingleModel());
        o.put("bestSingleOptimalPickRate", s.bestSingleOptimalPickRate());
        o.put("randomOptimalPickRate", s.randomOptimalPickRate());
        o.put("meanRegret", s.meanRegret());
        o.put("bestSingleMeanRegret", s.bestSingleMeanRegret());
    }

    private static void overall(ObjectNode o, List<RouterEvaluation.TaskTypeScore> scores) {
        double pick = 0;
        double single = 0;
        double random = 0;
        double near = 0;
        double qRegret = 0;
        int n = 0;
        for (RouterEvaluation.TaskTypeScore s : scores) {
            pick += s.optimalPickRate() * s.tasks();
            single += s.bestSingleOptimalPickRate() * s.tasks();
            random += s.randomOptimalPickRate() * s.tasks();
            near += s.nearOptimalPickRate() * s.tasks();
            qRegret += s.meanQualityRegret() * s.tasks();
            n += s.tasks();
        }
        o.put("testTasks", n);
        o.put("taskTypes", String.join(",", scores.stream().map(RouterEvaluation.TaskTypeScore::task).toList()));
        o.put("optimalPickRate", n == 0 ? 0 : pick / n);
        o.put("bestSingleOptimalPickRate", n == 0 ? 0 : single / n);
        o.put("randomOptimalPickRate", n == 0 ? 0 : random / n);
        o.put("nearOptimalPickRate", n == 0 ? 0 : near / n);
        o.put("meanQualityRegret", n == 0 ? 0 : qRegret / n);
    }

    private static String markdown(ObjectNode json, List<RouterEvaluation.TaskTypeScore> scores) {
        StringBuilder sb = new StringBuilder();
        sb.append("# NetRouterBench results\n\n");
        sb.append(String.format(Locale.ROOT, "Corpus: %d tasks (%d train, %d test, split by series or topology), %d model runs; "
                        + "router %s; series features %.3f ms per task; whole run %.1f s.%n%n",
                json.path("corpus").path("tasks").asInt(), json.path("corpus").path("trainTasks").asInt(),
                json.path("corpus").path("testTasks").asInt(), json.path("corpus").path("modelRuns").asInt(),
                json.path("configuration").toString(), json.path("featureExtractionMsPerTask").asDouble(),
                json.path("runtimeSeconds").asDouble()));
        sb.append("| task type | test tasks | router optimal pick | best single (model) | random | router ε-tie pick "
                + "| best-single ε-tie pick | router mean regret | best-single mean regret | random mean regret "
                + "| router AIQ | zero-router AIQ | oracle quality |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RouterEvaluation.TaskTypeScore s : scores) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %.1f%% (%s) | %.1f%% | %.1f%% | %.1f%% | %.4f | %.4f "
                            + "| %.4f | %.4f | %.4f | %.4f |%n",
                    s.task(), s.tasks(), 100 * s.optimalPickRate(), 100 * s.bestSingleOptimalPickRate(),
                    s.bestSingleModel(), 100 * s.randomOptimalPickRate(), 100 * s.nearOptimalPickRate(),
                    100 * s.bestSingleNearOptimalPickRate(), s.meanRegret(), s.bestSingleMeanRegret(),
                    s.randomMeanRegret(), s.aiq(), s.zeroRouterAiq(), s.oracleQuality()));
        }
        for (String key : List.of("seriesTaskTypes", "allTaskTypes")) {
            com.fasterxml.jackson.databind.JsonNode all = json.path("overall").path(key);
            sb.append(String.format(Locale.ROOT, "| all of %s | %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% | | | | | | | |%n",
                    all.path("taskTypes").asText(), all.path("testTasks").asInt(), 100 * all.path("optimalPickRate").asDouble(),
                    100 * all.path("bestSingleOptimalPickRate").asDouble(), 100 * all.path("randomOptimalPickRate").asDouble(),
                    100 * all.path("nearOptimalPickRate").asDouble()));
        }
        sb.append("\nOptimal pick = the pick's loss equals the least loss of all models (exact ties count). ε-tie pick = within "
                + "1% (relative) of the least loss; secondary. Regret is in loss units: MASE for forecast, 1 - F1 for "
                + "detect-anomaly, 1 - objective ratio to the best answer for admit-flows, 1 - mean 1/stretch for route. "
                + "AIQ uses quality 1/(1+MASE), F1, objective ratio or 1/stretch against mean CPU ms per call.\n\n");
        sb.append("By data family (test split):\n\n| task type / family | test tasks | router optimal pick | best single "
                + "| random | router mean regret | best-single mean regret |\n|---|---|---|---|---|---|---|\n");
        for (com.fasterxml.jackson.databind.JsonNode f : json.path("byDataFamily")) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %.1f%% | %.1f%% | %.4f | %.4f |%n",
                    f.path("family").asText(), f.path("tasks").asInt(), 100 * f.path("optimalPickRate").asDouble(),
                    100 * f.path("bestSingleOptimalPickRate").asDouble(), 100 * f.path("randomOptimalPickRate").asDouble(),
                    f.path("meanRegret").asDouble(), f.path("bestSingleMeanRegret").asDouble()));
        }
        if (json.has("forecastFirstOriginOnly") && json.path("corpus").path("forecastOrigins").asInt() > 1) {
            com.fasterxml.jackson.databind.JsonNode fo = json.path("forecastFirstOriginOnly");
            sb.append(String.format(Locale.ROOT, "%nForecast, first origin only: router %.1f%%, best single %.1f%%, random %.1f%%; "
                            + "regret %.4f vs %.4f.%n", 100 * fo.path("optimalPickRate").asDouble(),
                    100 * fo.path("bestSingleOptimalPickRate").asDouble(), 100 * fo.path("randomOptimalPickRate").asDouble(),
                    fo.path("meanRegret").asDouble(), fo.path("bestSingleMeanRegret").asDouble()));
        }
        sb.append("\nPicks of the router (no flags): \n\n");
        for (RouterEvaluation.TaskTypeScore s : scores) {
            sb.append("- ").append(s.task()).append(": ").append(s.picks()).append('\n');
        }
        return sb.toString();
    }

    /** One line per task: id, type, family, split, series key, feature names and values (for offline analysis). */
    static void writeFeatures(Path file, Corpus corpus, Map<String, TaskFeatures> features, ProbeFeatures probes,
                              List<NetworkTasks.Task> network) {
        StringBuilder sb = new StringBuilder();
        for (BenchTask t : corpus.tasks()) {
            TaskFeatures f = features.get(t.id());
            ObjectNode o = MAPPER.createObjectNode();
            o.put("taskId", t.id());
            o.put("taskType", t.taskType().wire());
            o.put("family", t.family());
            o.put("split", corpus.isTrain(t) ? "train" : "test");
            o.put("seriesKey", t.splitKey());
            ArrayNode names = o.putArray("names");
            probes.names(t.taskType()).forEach(names::add);
            ArrayNode values = o.putArray("values");
            for (double v : f.values()) {
                values.add(v);
            }
            sb.append(o.toString()).append('\n');
        }
        for (NetworkTasks.Task t : network) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("taskId", t.id());
            o.put("taskType", t.type().wire());
            o.put("family", t.family());
            o.put("split", t.train() ? "train" : "test");
            o.put("seriesKey", t.splitKey());
            ArrayNode names = o.putArray("names");
            (t.type() == TaskType.ADMIT_FLOWS ? NetworkTasks.ADMISSION_FEATURES : NetworkTasks.ROUTING_FEATURES).forEach(names::add);
            ArrayNode values = o.putArray("values");
            for (double v : t.features().values()) {
                values.add(v);
            }
            sb.append(o.toString()).append('\n');
        }
        write(file, sb.toString());
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
