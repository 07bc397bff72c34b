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
        OutcomeJsonl.write(outDir.resolve("outcomes.jsonl"), outcomes);
        Map<String, TaskFeatures> features = new HashMap<>();
        ProbeFeatures probes = new ProbeFeatures(registry);
        long f0 = System.nanoTime();
        for (BenchTask t : corpus.tasks()) {
            features.put(t.id(), features(probes, t));
        }
        double featureMs = (System.nanoTime() - f0) / 1e6 / corpus.tasks().size();
        Map<String, List<Outcome>> byTask = group(outcomes);
        List<BenchTask> train = corpus.train();
        Map<TaskType, Config> configs = chooseConfig(train, features, byTask, spec.seed());
        log.printf(Locale.ROOT, "router: %s (5-fold cross-validation grouped by series on the train split)%n", configs);
        KnnPerformancePredictor predictor = train(examples(train, features, byTask), configs);
        ModelRouter router = new ModelRouter(predictor, routedCards(registry), LoadShifter.standard());
        RouterJson.write(predictor, outDir.resolve("router.json"));
        List<EvaluatedTask> test = evaluated(corpus.test(), features, byTask);
        List<RouterEvaluation.TaskTypeScore> scores = RouterEvaluation.evaluate(router, test);
        long t3 = System.nanoTime();
        ObjectNode json = MAPPER.createObjectNode();
        json.put("benchmark", "NetRouterBench");
        ObjectNode c = json.putObject("corpus");
        c.put("seed", spec.seed());
        c.put("seriesPerFamily", spec.seriesPerFamily());
        c.put("forecastWindowsPerSeries", spec.forecastWindows());
        c.put("anomalyWindowsPerSeries", spec.anomalyWindows());
        c.put("trainFraction", spec.trainFraction());
        c.put("tasks", corpus.tasks().size());
        c.put("trainTasks", train.size());
        c.put("testTasks", corpus.test().size());
        ObjectNode fam = c.putObject("tasksByFamilyAndType");
        for (BenchTask t : corpus.tasks()) {
            String key = t.family() + "/" + t.taskType().wire() + "/" + (corpus.isTrain(t) ? "train" : "test");
            fam.put(key, fam.path(key).asInt(0) + 1);
        }
        c.put("modelRuns", outcomes.size());
        ObjectNode cfg = json.putObject("configuration");
        configs.forEach((t, cf) -> cfg.putObject(t.wire()).put("k", cf.k()).put("featureSet", cf.featureSet()));
        json.put("featureExtractionMsPerTask", featureMs);
        json.put("runtimeSeconds", (t3 - t0) / 1e9);
        putScores(json, scores, test);
        String md = markdown(json, scores);
        write(outDir.resolve("results.json"), json.toPrettyString());
        write(outDir.resolve("results.md"), md);
        return new Result(corpus, router, scores, json, md);
    }

    /** Cards of the task types the benchmark routes. */
    static List<ModelCard> routedCards(ModelRegistry registry) {
        List<ModelCard> out = new ArrayList<>(registry.cardsFor(TaskType.FORECAST));
        out.addAll(registry.cardsFor(TaskType.DETECT_ANOMALY));
        return out;
    }

    /**
     * Evaluates a saved router on forecasting tasks cut from a wide CSV (TOTEM layout) it never saw: every
     * forecaster runs for ground truth; returns the summary fields of {@code thalamus router eval}.
     */
    public static ObjectNode evaluateForecastFile(Path routerFile, Path seriesFile, long seed) {
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
        Corpus corpus = new CorpusBuilder(new CorpusSpec(100, 3, 0, 0, seed)).forecastingOnly(series);
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
            Map<String, Double> loss = new LinkedHashMap<>();
            Map<String, Double> lat = new LinkedHashMap<>();
            Map<String, Double> cpu = new LinkedHashMap<>();
            for (Outcome o : byTask.getOrDefault(t.id(), List.of())) {
                loss.put(o.modelId(), o.loss());
                lat.put(o.modelId(), o.wallMs());
                cpu.put(o.modelId(), o.cpuMs());
            }
            if (!loss.isEmpty()) {
                out.add(new TrainingExample(features.get(t.id()), loss, lat, cpu));
            }
        }
        return out;
    }

    static List<EvaluatedTask> evaluated(List<BenchTask> tasks, Map<String, TaskFeatures> features,
                                         Map<String, List<Outcome>> byTask) {
        List<EvaluatedTask> out = new ArrayList<>();
        for (BenchTask t : tasks) {
            Map<String, Double> loss = new LinkedHashMap<>();
            Map<String, Double> quality = new LinkedHashMap<>();
            for (Outcome o : byTask.getOrDefault(t.id(), List.of())) {
                loss.put(o.modelId(), o.loss());
                quality.put(o.modelId(), o.quality());
            }
            if (!loss.isEmpty()) {
                out.add(new EvaluatedTask(t.id(), t.family(), features.get(t.id()), loss, quality));
            }
        }
        return out;
    }

    /** A trained configuration: neighbours and the feature subset. */
    record Config(int k, String featureSet) {
    }

    /** Feature subsets tried by cross-validation: all, series statistics only, probes only. */
    static final List<String> FEATURE_SETS = List.of("all", "statistics", "probes");

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
        return KnnPerformancePredictor.train(ex, t -> configs.getOrDefault(t, fallback).k(),
                t -> weights(configs.getOrDefault(t, fallback).featureSet(), dims.get(t)));
    }

    /**
     * Per task type the (k, feature subset) with the best optimal-pick rate over 5 folds of the train split, grouped
     * by series (the headline metric; the mean regret breaks near-ties).
     */
    static Map<TaskType, Config> chooseConfig(List<BenchTask> train, Map<String, TaskFeatures> features,
                                              Map<String, List<Outcome>> byTask, long seed) {
        Map<TaskType, Config> out = new java.util.EnumMap<>(TaskType.class);
        for (TaskType type : List.of(TaskType.FORECAST, TaskType.DETECT_ANOMALY)) {
            List<BenchTask> sub = train.stream().filter(t -> t.taskType() == type).toList();
            if (sub.isEmpty()) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (String set : FEATURE_SETS) {
                for (int k : K_GRID) {
                    double[] cv = cvScore(sub, features, byTask, seed, k, set);
                    double score = cv[0] - 1e-3 * cv[1];
                    if (score > best + 1e-12) {
                        best = score;
                        out.put(type, new Config(k, set));
                    }
                }
            }
        }
        return out;
    }

    /** Cross-validated [optimal-pick rate, mean regret] of one configuration. */
    static double[] cvScore(List<BenchTask> train, Map<String, TaskFeatures> features, Map<String, List<Outcome>> byTask,
                          long seed, int k, String set) {
        Set<String> keySet = new TreeSet<>();
        train.forEach(t -> keySet.add(t.splitKey()));
        List<String> keys = new ArrayList<>(keySet);
        Collections.shuffle(keys, new Random(seed));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            fold.put(keys.get(i), i % 5);
        }
        {
            double hits = 0;
            double regret = 0;
            int n = 0;
            for (int f = 0; f < 5; f++) {
                final int ff = f;
                List<BenchTask> fit = train.stream().filter(t -> fold.get(t.splitKey()) != ff).toList();
                List<BenchTask> held = train.stream().filter(t -> fold.get(t.splitKey()) == ff).toList();
                List<TrainingExample> ex = examples(fit, features, byTask);
                int dims = ex.get(0).features().size();
                KnnPerformancePredictor p = KnnPerformancePredictor.train(ex, t -> k, t -> weights(set, dims));
                for (EvaluatedTask t : evaluated(held, features, byTask)) {
                    List<ModelEstimate> est = p.predict(t.features());
                    String pick = est.stream().filter(e -> !Double.isNaN(e.predictedLoss()))
                            .min((a, b) -> a.predictedLoss() != b.predictedLoss()
                                    ? Double.compare(a.predictedLoss(), b.predictedLoss()) : a.modelId().compareTo(b.modelId()))
                            .map(ModelEstimate::modelId).orElse(null);
                    boolean ran = pick != null && t.loss().containsKey(pick);
                    hits += ran && t.optimal(pick) ? 1 : 0;
                    regret += ran ? t.loss().get(pick) - t.oracleLoss() : 1;
                    n++;
                }
            }
            return n == 0 ? new double[] {0, 0} : new double[] {hits / n, regret / n};
        }
    }

    private static void putScores(ObjectNode json, List<RouterEvaluation.TaskTypeScore> scores, List<EvaluatedTask> test) {
        ArrayNode arr = json.putArray("taskTypes");
        double pick = 0;
        double single = 0;
        double random = 0;
        double qRegret = 0;
        int n = 0;
        for (RouterEvaluation.TaskTypeScore s : scores) {
            ObjectNode o = MAPPER.valueToTree(s);
            arr.add(o);
            pick += s.optimalPickRate() * s.tasks();
            single += s.bestSingleOptimalPickRate() * s.tasks();
            random += s.randomOptimalPickRate() * s.tasks();
            qRegret += s.meanQualityRegret() * s.tasks();
            n += s.tasks();
        }
        ObjectNode all = json.putObject("overall");
        all.put("testTasks", n);
        all.put("optimalPickRate", pick / n);
        all.put("bestSingleOptimalPickRate", single / n);
        all.put("randomOptimalPickRate", random / n);
        all.put("meanQualityRegret", qRegret / n);
        ObjectNode goals = json.putObject("goals");
        goals.put("pickRateAtLeast60Percent", pick / n >= 0.6);
        boolean regretHalf = scores.stream().allMatch(s -> s.meanRegret() <= 0.5 * s.bestSingleMeanRegret());
        goals.put("regretAtMostHalfOfBestSingle", regretHalf);
        goals.put("aiqAboveZeroRouter", scores.stream().allMatch(s -> s.aiq() > s.zeroRouterAiq()));
    }

    private static String markdown(ObjectNode json, List<RouterEvaluation.TaskTypeScore> scores) {
        StringBuilder sb = new StringBuilder();
        sb.append("# NetRouterBench results\n\n");
        sb.append(String.format(Locale.ROOT, "Corpus: %d tasks (%d train, %d test, split by series), %d model runs; router %s; "
                        + "features %.3f ms per task; whole run %.1f s.%n%n",
                json.path("corpus").path("tasks").asInt(), json.path("corpus").path("trainTasks").asInt(),
                json.path("corpus").path("testTasks").asInt(), json.path("corpus").path("modelRuns").asInt(),
                json.path("configuration").toString(), json.path("featureExtractionMsPerTask").asDouble(),
                json.path("runtimeSeconds").asDouble()));
        sb.append("| task type | test tasks | router optimal pick | best single (model) | random | router mean regret "
                + "| best-single mean regret | random mean regret | router AIQ | zero-router AIQ | oracle quality |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RouterEvaluation.TaskTypeScore s : scores) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %.1f%% (%s) | %.1f%% | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
                    s.task(), s.tasks(), 100 * s.optimalPickRate(), 100 * s.bestSingleOptimalPickRate(),
                    s.bestSingleModel(), 100 * s.randomOptimalPickRate(), s.meanRegret(), s.bestSingleMeanRegret(),
                    s.randomMeanRegret(), s.aiq(), s.zeroRouterAiq(), s.oracleQuality()));
        }
        ObjectNode all = (ObjectNode) json.path("overall");
        sb.append(String.format(Locale.ROOT, "| all | %d | %.1f%% | %.1f%% | %.1f%% | | | | | | |%n%n",
                all.path("testTasks").asInt(), 100 * all.path("optimalPickRate").asDouble(),
                100 * all.path("bestSingleOptimalPickRate").asDouble(), 100 * all.path("randomOptimalPickRate").asDouble()));
        sb.append("Regret is in loss units: MASE for forecast, 1 - F1 for detect-anomaly. AIQ uses quality 1/(1+MASE) or F1 "
                + "against mean CPU ms per call.\n\n");
        sb.append("Picks of the router (no flags): \n\n");
        for (RouterEvaluation.TaskTypeScore s : scores) {
            sb.append("- ").append(s.task()).append(": ").append(s.picks()).append('\n');
        }
        return sb.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
