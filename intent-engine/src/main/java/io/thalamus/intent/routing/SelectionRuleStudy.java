package io.thalamus.intent.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.routing.NetRouterBench.Config;
import io.thalamus.intent.routing.NetRouterBench.CvTrace;
import io.thalamus.intent.routing.NetRouterBench.Labelled;
import io.thalamus.intent.routing.NetRouterBench.Scored;
import io.thalamus.intent.routing.NetRouterBench.SelectionRule;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.corpus.BenchTask;
import io.thalamus.models.corpus.Corpus;
import io.thalamus.models.corpus.CorpusBuilder;
import io.thalamus.models.corpus.CorpusSpec;
import io.thalamus.models.evaluation.BenchRunner;
import io.thalamus.models.evaluation.Outcome;
import io.thalamus.models.registry.ModelRegistry;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Nested cross-validation of the router's selection rules ({@link SelectionRule#PLAIN} against
 * {@link SelectionRule#ONE_SE}) on the train split of NetRouterBench alone: per task type, outer folds grouped by
 * series or topology; in each, both rules choose a setting by the usual inner CV on the outer training part, and the
 * chosen settings and the constant router are judged on the outer held-out part. The test split is never solved,
 * featurised or looked at. Writes {@code selection-rule.json} and {@code selection-rule.md}.
 */
public final class SelectionRuleStudy {

    /** Outer folds. */
    static final int OUTER_FOLDS = 5;

    /** The outer folds are drawn with the inner seed plus this (a different draw from the inner CV's). */
    static final long OUTER_SEED_OFFSET = 1;

    /** Rows of the study: the two rules, then the constant router (the best single model of the outer training part). */
    static final List<String> ROWS = List.of(SelectionRule.PLAIN.wire(), SelectionRule.ONE_SE.wire(), "constant");

    private static final Set<TaskType> SERIES = Set.of(TaskType.FORECAST, TaskType.DETECT_ANOMALY);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SelectionRuleStudy() {
    }

    /** One outer fold: the split keys it trained on and held out, and the setting of each row. */
    record OuterFold(int index, Set<String> trainKeys, Set<String> heldKeys, Map<String, Config> chosen) {
    }

    /** The nested CV of one task type: per row the per-task outer-held-out trace (tasks in the given order). */
    record TypeResult(TaskType type, List<String> taskIds, int keys, Map<String, CvTrace> traces, List<OuterFold> folds) {
        /** Number of tasks. */
        int tasks() {
            return taskIds.size();
        }
    }

    /**
     * Nested CV over {@code tasks} (one or more task types; nothing else is read): per type, {@link #OUTER_FOLDS}
     * outer folds grouped by split key drawn with {@code outerSeed}; the inner selection uses {@code innerSeed}.
     */
    static List<TypeResult> nestedCv(List<Labelled> tasks, long innerSeed, long outerSeed) {
        List<TypeResult> out = new ArrayList<>();
        NetRouterBench.byType(tasks).forEach((type, ofType) -> out.add(nestedCvOfType(type, ofType, innerSeed, outerSeed)));
        return out;
    }

    private static TypeResult nestedCvOfType(TaskType type, List<Labelled> ofType, long innerSeed, long outerSeed) {
        int n = ofType.size();
        Map<String, Integer> fold = NetRouterBench.folds(ofType, outerSeed, OUTER_FOLDS);
        Map<String, double[][]> trace = new LinkedHashMap<>();
        for (String row : ROWS) {
            double[][] hr = new double[2][n];
            Arrays.fill(hr[0], Double.NaN);
            Arrays.fill(hr[1], Double.NaN);
            trace.put(row, hr);
        }
        List<OuterFold> folds = new ArrayList<>();
        for (int f = 0; f < OUTER_FOLDS; f++) {
            final int ff = f;
            List<Labelled> inner = ofType.stream().filter(l -> fold.get(l.splitKey()) != ff).toList();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold.get(ofType.get(i).splitKey()) == ff) {
                    held.add(i);
                }
            }
            if (inner.isEmpty() || held.isEmpty()) {
                continue;
            }
            List<Scored> tried = NetRouterBench.tried(inner, innerSeed);
            Map<String, Config> chosen = new LinkedHashMap<>();
            chosen.put(ROWS.get(0), NetRouterBench.select(tried, SelectionRule.PLAIN));
            chosen.put(ROWS.get(1), NetRouterBench.select(tried, SelectionRule.ONE_SE));
            chosen.put(ROWS.get(2), NetRouterBench.constantOf(tried).config());
            List<TrainingExample> ex = inner.stream().map(Labelled::example).toList();
            Map<Config, KnnPerformancePredictor> trained = new HashMap<>();
            for (Map.Entry<String, Config> e : chosen.entrySet()) {
                KnnPerformancePredictor p = trained.computeIfAbsent(e.getValue(), c -> NetRouterBench.trainOne(ex, c));
                double[][] hr = trace.get(e.getKey());
                for (int i : held) {
                    double[] j = NetRouterBench.judge(p, ofType.get(i).evaluated());
                    hr[0][i] = j[0];
                    hr[1][i] = j[1];
                }
            }
            Set<String> trainKeys = new TreeSet<>();
            inner.forEach(l -> trainKeys.add(l.splitKey()));
            Set<String> heldKeys = new TreeSet<>();
            held.forEach(i -> heldKeys.add(ofType.get(i).splitKey()));
            folds.add(new OuterFold(f, trainKeys, heldKeys, chosen));
        }
        Map<String, CvTrace> traces = new LinkedHashMap<>();
        trace.forEach((row, hr) -> traces.put(row, new CvTrace(hr[0], hr[1])));
        return new TypeResult(type, ofType.stream().map(l -> l.evaluated().taskId()).toList(), fold.size(), traces, folds);
    }

    /**
     * The train-side tasks of a NetRouterBench run with {@code spec}: the corpus is cut as {@code router bench} cuts
     * it, but only its train side is run and featurised, and only the train-side admission and routing instances
     * are solved.
     */
    static List<Labelled> trainTasks(Path dataRoot, CorpusSpec spec, PrintStream log) {
        long t0 = System.nanoTime();
        Corpus all = new CorpusBuilder(spec).build(dataRoot);
        Corpus train = new Corpus(all.train(), all.trainKeys());
        ModelRegistry registry = ModelRegistry.fromClasspath();
        List<Outcome> outcomes = new BenchRunner(registry).run(train);
        ProbeFeatures probes = new ProbeFeatures(registry);
        Map<String, TaskFeatures> features = new HashMap<>();
        for (BenchTask t : train.tasks()) {
            features.put(t.id(), NetRouterBench.features(probes, t));
        }
        List<NetworkTasks.Task> network = NetRouterBench.networkTasks(dataRoot, registry, spec, true);
        List<Labelled> items = NetRouterBench.labelled(train, features, NetRouterBench.group(outcomes), network);
        if (items.stream().anyMatch(l -> !l.train())) {
            throw new IllegalStateException("a test-side task reached the selection-rule study");
        }
        log.printf(Locale.ROOT, "train side: %d tasks (%d series, %d network) in %.1f s%n", items.size(),
                train.tasks().size(), network.size(), (System.nanoTime() - t0) / 1e9);
        return items;
    }

    /** Runs the study on the train side of {@code spec}'s corpus and writes {@code selection-rule.{json,md}}. */
    public static ObjectNode run(Path dataRoot, Path outDir, CorpusSpec spec, PrintStream log) {
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = System.nanoTime();
        List<Labelled> items = trainTasks(dataRoot, spec, log);
        long t1 = System.nanoTime();
        List<TypeResult> results = nestedCv(items, spec.seed(), spec.seed() + OUTER_SEED_OFFSET);
        ObjectNode whole = wholeTrainSplit(items, spec.seed());
        long t2 = System.nanoTime();
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ObjectNode json = json(results, spec);
        json.set("wholeTrainSplit", whole);
        ObjectNode run = json.putObject("run");
        run.put("trainSideBuildSeconds", (t1 - t0) / 1e9);
        run.put("nestedCvSeconds", (t2 - t1) / 1e9);
        run.put("loadAverage1MinAtStart", load0);
        run.put("loadAverage1MinAtEnd", load1);
        run.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        String md = markdown(json);
        NetRouterBench.write(outDir.resolve("selection-rule.json"), json.toPrettyString());
        NetRouterBench.write(outDir.resolve("selection-rule.md"), md);
        log.print(md);
        return json;
    }

    /**
     * What each rule chooses from the inner CV on the whole train split (what {@code router bench} would train): per
     * task type the setting of each rule and, for the best PLAIN setting, its pick-rate gain over the constant router
     * with the standard error of the paired difference.
     */
    static ObjectNode wholeTrainSplit(List<Labelled> items, long seed) {
        ObjectNode out = MAPPER.createObjectNode();
        NetRouterBench.byType(items).forEach((type, ofType) -> {
            List<Scored> tried = NetRouterBench.tried(ofType, seed);
            Scored constant = NetRouterBench.constantOf(tried);
            Config plain = NetRouterBench.select(tried, SelectionRule.PLAIN);
            Scored plainScored = tried.stream().filter(x -> x.config().equals(plain)).findFirst().orElseThrow();
            ObjectNode o = out.putObject(type.wire());
            o.put(ROWS.get(0), plain.toString());
            o.put(ROWS.get(1), NetRouterBench.select(tried, SelectionRule.ONE_SE).toString());
            o.put(ROWS.get(2), constant.config().toString());
            o.set("plainGainOverConstant", paired(plainScored.trace().hits(), constant.trace().hits()));
        });
        return out;
    }

    /** Mean and standard error of the paired differences a − b. */
    private static ObjectNode paired(double[] a, double[] b) {
        double[] d = NetRouterBench.pairedDifferences(a, b);
        ObjectNode o = MAPPER.createObjectNode().put("mean", NetRouterBench.mean(d)).put("n", d.length);
        double se = NetRouterBench.standardError(d);
        return Double.isNaN(se) ? o.putNull("se") : o.put("se", se);
    }

    private static double[] concat(List<TypeResult> rs, String row, boolean hits) {
        return rs.stream().flatMapToDouble(r -> Arrays.stream(hits ? r.traces().get(row).hits()
                : r.traces().get(row).regrets())).toArray();
    }

    /** The study as JSON: per task type and pooled over the series types, each row and the paired differences. */
    static ObjectNode json(List<TypeResult> results, CorpusSpec spec) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("study", "NetRouterBench selection rule, nested cross-validation on the train split only");
        ObjectNode cfg = json.putObject("configuration");
        cfg.put("corpusSeed", spec.seed());
        cfg.put("seriesPerFamily", spec.seriesPerFamily());
        cfg.put("trainFraction", spec.trainFraction());
        cfg.put("innerSeed", spec.seed());
        cfg.put("outerSeed", spec.seed() + OUTER_SEED_OFFSET);
        cfg.put("outerFolds", OUTER_FOLDS);
        cfg.put("innerFolds", 5);
        cfg.put("defaultSelectionRuleOfThisCode", NetRouterBench.DEFAULT_SELECTION_RULE.wire());
        ArrayNode types = json.putArray("taskTypes");
        for (TypeResult r : results) {
            ObjectNode o = types.addObject();
            o.put("taskType", r.type().wire());
            o.put("trainTasks", r.tasks());
            o.put("splitKeys", r.keys());
            rows(o, List.of(r));
            ArrayNode folds = o.putArray("outerFolds");
            for (OuterFold f : r.folds()) {
                ObjectNode fo = folds.addObject().put("fold", f.index()).put("trainKeys", f.trainKeys().size())
                        .put("heldOutKeys", f.heldKeys().size());
                f.chosen().forEach((row, c) -> fo.put(row, c.toString()));
            }
        }
        List<TypeResult> series = results.stream().filter(r -> SERIES.contains(r.type())).toList();
        ObjectNode pooled = json.putObject("seriesTaskTypesPooled");
        pooled.put("taskTypes", String.join(",", series.stream().map(r -> r.type().wire()).toList()));
        pooled.put("trainTasks", series.stream().mapToInt(TypeResult::tasks).sum());
        rows(pooled, series);
        double plain = pooled.path("rows").path(ROWS.get(0)).path("meanRegret").asDouble();
        double oneSe = pooled.path("rows").path(ROWS.get(1)).path("meanRegret").asDouble();
        ObjectNode decision = json.putObject("decision");
        decision.put("rule", "ONE_SE becomes the default if, pooled over forecast and detect-anomaly (task-weighted), its "
                + "nested-CV mean regret is strictly lower than PLAIN's; a tie or worse keeps PLAIN");
        decision.put("plainPooledMeanRegret", plain);
        decision.put("oneSePooledMeanRegret", oneSe);
        decision.put("outcome", (series.isEmpty() ? SelectionRule.PLAIN : decide(plain, oneSe)).wire());
        return json;
    }

    /** The pre-registered decision: {@code ONE_SE} only when its pooled regret is strictly lower. */
    static SelectionRule decide(double plainRegret, double oneSeRegret) {
        return oneSeRegret < plainRegret - 1e-12 ? SelectionRule.ONE_SE : SelectionRule.PLAIN;
    }

    private static void rows(ObjectNode o, List<TypeResult> rs) {
        ObjectNode rows = o.putObject("rows");
        // the task with the largest regret under any row, left out (for every row alike) in meanRegretWithoutWorstTask
        int outlier = -1;
        double outlierRegret = Double.NEGATIVE_INFINITY;
        for (String row : ROWS) {
            double[] g = concat(rs, row, false);
            for (int i = 0; i < g.length; i++) {
                if (g[i] > outlierRegret) {
                    outlierRegret = g[i];
                    outlier = i;
                }
            }
        }
        o.put("worstTaskOfAnyRow", outlier < 0 ? "" : rs.stream().flatMap(r -> r.taskIds().stream()).toList().get(outlier));
        for (String row : ROWS) {
            double[] h = concat(rs, row, true);
            double[] g = concat(rs, row, false);
            double[] hd = Arrays.stream(h).filter(x -> !Double.isNaN(x)).toArray();
            double[] gd = Arrays.stream(g).filter(x -> !Double.isNaN(x)).toArray();
            int worst = 0;
            for (int i = 1; i < g.length; i++) {
                worst = Double.isNaN(g[worst]) || g[i] > g[worst] ? i : worst;
            }
            rows.putObject(row).put("heldOutTasks", hd.length).put("optimalPickRate", NetRouterBench.mean(hd))
                    .put("meanRegret", NetRouterBench.mean(gd)).put("maxRegret", g.length == 0 ? 0 : g[worst])
                    .put("maxRegretTask", g.length == 0 ? "" : rs.stream().flatMap(r -> r.taskIds().stream()).toList().get(worst))
                    .put("regretOnWorstTask", outlier < 0 ? 0 : g[outlier])
                    .put("meanRegretWithoutWorstTask", NetRouterBench.mean(without(g, outlier)));
        }
        ObjectNode diffs = o.putObject("pairedDifferences");
        String[][] pairs = {{ROWS.get(1), ROWS.get(0)}, {ROWS.get(0), ROWS.get(2)}, {ROWS.get(1), ROWS.get(2)}};
        for (String[] p : pairs) {
            ObjectNode d = diffs.putObject(p[0] + " minus " + p[1]);
            d.set("optimalPick", paired(concat(rs, p[0], true), concat(rs, p[1], true)));
            d.set("regret", paired(concat(rs, p[0], false), concat(rs, p[1], false)));
        }
    }

    /** The defined (not NaN) values other than the one at {@code skip}. */
    private static double[] without(double[] v, int skip) {
        return java.util.stream.IntStream.range(0, v.length).filter(i -> i != skip && !Double.isNaN(v[i]))
                .mapToDouble(i -> v[i]).toArray();
    }

    /** The markdown table of the study. */
    static String markdown(ObjectNode json) {
        StringBuilder sb = new StringBuilder("# Selection rule: nested cross-validation on the train split\n\n");
        JsonNode cfg = json.path("configuration");
        JsonNode run = json.path("run");
        sb.append(String.format(Locale.ROOT, "Train split of the corpus with seed %d (%d series per family); outer %d folds "
                        + "grouped by series or topology (seed %d), inner %d-fold grouped CV as in `router bench` (seed %d). "
                        + "The test split is never run, featurised or read. Train side built in %.1f s, nested CV %.1f s; "
                        + "machine load average (1 min) %.2f at the start, %.2f at the end, on %d processors (admission "
                        + "outcomes depend on wall-clock budgets).%n%n",
                cfg.path("corpusSeed").asLong(), cfg.path("seriesPerFamily").asInt(), cfg.path("outerFolds").asInt(),
                cfg.path("outerSeed").asLong(), cfg.path("innerFolds").asInt(), cfg.path("innerSeed").asLong(),
                run.path("trainSideBuildSeconds").asDouble(), run.path("nestedCvSeconds").asDouble(),
                run.path("loadAverage1MinAtStart").asDouble(), run.path("loadAverage1MinAtEnd").asDouble(),
                run.path("availableProcessors").asInt()));
        sb.append("| task type | train tasks (keys) | PLAIN pick / regret | ONE_SE pick / regret | constant pick / regret "
                + "| ONE_SE − PLAIN pick (SE) | ONE_SE − PLAIN regret (SE) | PLAIN − constant regret (SE) "
                + "| ONE_SE − constant regret (SE) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode t : json.path("taskTypes")) {
            sb.append(row(t.path("taskType").asText(), t.path("trainTasks").asInt() + " (" + t.path("splitKeys").asInt() + ")", t));
        }
        JsonNode pooled = json.path("seriesTaskTypesPooled");
        sb.append(row("pooled " + pooled.path("taskTypes").asText(), String.valueOf(pooled.path("trainTasks").asInt()), pooled));
        sb.append("\nPick = optimal-pick rate on the outer held-out tasks; regret in loss units (MASE, 1 − F1, 1 − objective "
                + "ratio, 1 − mean 1/stretch; the pooled row averages MASE and 1 − F1 regrets task-weighted). Paired "
                + "differences are per task, SE = sample sd / √n.\n\n");
        JsonNode d = json.path("decision");
        sb.append(String.format(Locale.ROOT, "Decision (rule fixed before the run: %s): pooled regret PLAIN %.4f, ONE_SE %.4f "
                        + "→ **%s**.%n%n", d.path("rule").asText(), d.path("plainPooledMeanRegret").asDouble(),
                d.path("oneSePooledMeanRegret").asDouble(), d.path("outcome").asText()));
        sb.append("Mean regret without the single task of largest regret under any row (the same task left out of "
                + "every row; MASE regrets are heavy-tailed on nearly constant 5G histories):\n\n| task type | left-out task "
                + "| its regret PLAIN / ONE_SE / constant | PLAIN | ONE_SE | constant |\n|---|---|---|---|---|---|\n");
        List<JsonNode> groups = new ArrayList<>();
        json.path("taskTypes").forEach(groups::add);
        groups.add(pooled);
        for (JsonNode t : groups) {
            JsonNode r = t.path("rows");
            String name = t.has("taskType") ? t.path("taskType").asText() : "pooled " + t.path("taskTypes").asText();
            String task = t.path("worstTaskOfAnyRow").asText();
            List<String> its = new ArrayList<>();
            for (String row : ROWS) {
                its.add(String.format(Locale.ROOT, "%.4f", r.path(row).path("regretOnWorstTask").asDouble()));
            }
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %.4f | %.4f |%n", name, task, String.join(" / ", its),
                    r.path(ROWS.get(0)).path("meanRegretWithoutWorstTask").asDouble(),
                    r.path(ROWS.get(1)).path("meanRegretWithoutWorstTask").asDouble(),
                    r.path(ROWS.get(2)).path("meanRegretWithoutWorstTask").asDouble()));
        }
        sb.append('\n');
        sb.append("Chosen by the inner CV on the whole train split (what `router bench` trains under each rule; train "
                + "figures only):\n\n| task type | PLAIN | its pick gain over the constant router (SE) | ONE_SE | constant |\n"
                + "|---|---|---|---|---|\n");
        json.path("wholeTrainSplit").fields().forEachRemaining(e -> {
            JsonNode w = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", e.getKey(), w.path(ROWS.get(0)).asText(),
                    diff(w.path("plainGainOverConstant"), true), w.path(ROWS.get(1)).asText(), w.path(ROWS.get(2)).asText()));
        });
        sb.append("\nSettings chosen per outer fold:\n\n| task type | fold | PLAIN | ONE_SE | constant |\n|---|---|---|---|---|\n");
        for (JsonNode t : json.path("taskTypes")) {
            for (JsonNode f : t.path("outerFolds")) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", t.path("taskType").asText(),
                        f.path("fold").asInt(), f.path(ROWS.get(0)).asText(), f.path(ROWS.get(1)).asText(),
                        f.path(ROWS.get(2)).asText()));
            }
        }
        return sb.toString();
    }

    private static String row(String name, String tasks, JsonNode o) {
        JsonNode rows = o.path("rows");
        JsonNode d = o.path("pairedDifferences");
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", name, tasks,
                cell(rows.path(ROWS.get(0))), cell(rows.path(ROWS.get(1))), cell(rows.path(ROWS.get(2))),
                diff(d.path("one-se minus plain").path("optimalPick"), true),
                diff(d.path("one-se minus plain").path("regret"), false),
                diff(d.path("plain minus constant").path("regret"), false),
                diff(d.path("one-se minus constant").path("regret"), false));
    }

    private static String cell(JsonNode r) {
        return String.format(Locale.ROOT, "%.1f%% / %.4f", 100 * r.path("optimalPickRate").asDouble(),
                r.path("meanRegret").asDouble());
    }

    private static String diff(JsonNode d, boolean percent) {
        double m = d.path("mean").asDouble();
        double se = d.path("se").asDouble();
        return percent ? String.format(Locale.ROOT, "%+.1f pts (%.1f)", 100 * m, 100 * se)
                : String.format(Locale.ROOT, "%+.4f (%.4f)", m, se);
    }
}
