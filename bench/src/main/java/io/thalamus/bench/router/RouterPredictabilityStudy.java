package io.thalamus.bench.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.models.evaluation.Outcome;
import io.thalamus.models.evaluation.OutcomeJsonl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How predictable the best model of a NetRouterBench task is, from the outcomes {@code thalamus router bench} logs
 * ({@code outcomes.jsonl}): per task type and split, the pick rate of the best single model, of a "sibling" rule
 * that knows the TRUE outcomes of every other task of the same series (the model that won most of them; ties by
 * lower mean loss on them, then by id), and the share of tasks whose runner-up is within 1, 5, 10 and 20 % of the
 * winner's loss. The sibling rule is what perfect feedback from the rest of a series could tell a router; it is a
 * reference, not a router (it reads test outcomes). Usage: {@code RouterPredictabilityStudy [OUTCOMES] [OUTPUT_DIR]}
 * (defaults {@code bench/results/router/outcomes.jsonl} and {@code bench/results/router}); writes
 * {@code predictability.json} and {@code .md}.
 */
public final class RouterPredictabilityStudy {

    private static final double[] MARGINS = {0.01, 0.05, 0.10, 0.20};

    private RouterPredictabilityStudy() {
    }

    /** Pick rates and near-tie shares of one task type and split. */
    record Row(String taskType, String split, int tasks, int series, String bestSingle, double bestSingleRate,
               double siblingRate, double siblingRegret, double bestSingleRegret, double[] nearTie) {
    }

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args.length > 0 ? args[0] : "bench/results/router/outcomes.jsonl");
        Path out = Path.of(args.length > 1 ? args[1] : "bench/results/router");
        List<Outcome> outcomes = OutcomeJsonl.read(in);
        List<Row> rows = new ArrayList<>();
        for (String type : List.of("forecast", "detect-anomaly")) {
            for (String split : List.of("test", "train")) {
                Map<String, Map<String, Double>> losses = new TreeMap<>();
                for (Outcome o : outcomes) {
                    if (o.taskType().equals(type) && o.split().equals(split)) {
                        losses.computeIfAbsent(o.taskId(), k -> new TreeMap<>()).put(o.modelId(), o.loss());
                    }
                }
                if (!losses.isEmpty()) {
                    rows.add(study(type, split, losses));
                }
            }
        }
        write(rows, in, out);
    }

    /** The study of one task type and split; {@code losses} maps task id to model id to loss. */
    static Row study(String type, String split, Map<String, Map<String, Double>> losses) {
        Map<String, List<String>> bySeries = new TreeMap<>();
        for (String task : losses.keySet()) {
            bySeries.computeIfAbsent(seriesOf(task), k -> new ArrayList<>()).add(task);
        }
        TreeSet<String> models = new TreeSet<>();
        losses.values().forEach(m -> models.addAll(m.keySet()));
        int n = losses.size();
        String bestSingle = null;
        int bestWins = -1;
        double bestSingleRegret = 0;
        for (String model : models) {
            int wins = 0;
            double regret = 0;
            for (Map<String, Double> l : losses.values()) {
                wins += wins(l, model) ? 1 : 0;
                regret += l.getOrDefault(model, Double.POSITIVE_INFINITY) - least(l);
            }
            if (wins > bestWins) {
                bestWins = wins;
                bestSingle = model;
                bestSingleRegret = regret / n;
            }
        }
        int siblingHits = 0;
        double siblingRegret = 0;
        for (List<String> group : bySeries.values()) {
            for (String task : group) {
                String pick = null;
                int pickWins = -1;
                double pickMean = Double.POSITIVE_INFINITY;
                for (String model : models) {
                    int w = 0;
                    double sum = 0;
                    int count = 0;
                    for (String other : group) {
                        if (!other.equals(task)) {
                            w += wins(losses.get(other), model) ? 1 : 0;
                            sum += losses.get(other).getOrDefault(model, Double.POSITIVE_INFINITY);
                            count++;
                        }
                    }
                    double mean = count == 0 ? 0 : sum / count;
                    if (w > pickWins || (w == pickWins && mean < pickMean)) {
                        pick = model;
                        pickWins = w;
                        pickMean = mean;
                    }
                }
                Map<String, Double> l = losses.get(task);
                siblingHits += wins(l, pick) ? 1 : 0;
                siblingRegret += l.getOrDefault(pick, Double.POSITIVE_INFINITY) - least(l);
            }
        }
        double[] nearTie = new double[MARGINS.length];
        for (Map<String, Double> l : losses.values()) {
            double[] sorted = l.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length < 2) {
                continue;
            }
            for (int i = 0; i < MARGINS.length; i++) {
                nearTie[i] += sorted[1] <= sorted[0] + MARGINS[i] * Math.abs(sorted[0]) ? 1 : 0;
            }
        }
        for (int i = 0; i < nearTie.length; i++) {
            nearTie[i] /= n;
        }
        return new Row(type, split, n, bySeries.size(), bestSingle, (double) bestWins / n, (double) siblingHits / n,
                siblingRegret / n, bestSingleRegret, nearTie);
    }

    /** The series a task id names: between the type prefix's colon and the {@code @} of the window. */
    static String seriesOf(String taskId) {
        int colon = taskId.indexOf(':');
        int at = taskId.indexOf('@', colon + 1);
        return taskId.substring(colon + 1, at < 0 ? taskId.length() : at);
    }

    private static double least(Map<String, Double> l) {
        return l.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** Whether {@code model}'s loss equals the least loss of the task (exact ties all win). */
    private static boolean wins(Map<String, Double> l, String model) {
        Double loss = l.get(model);
        return loss != null && loss == least(l);
    }

    private static void write(List<Row> rows, Path in, Path out) throws Exception {
        Files.createDirectories(out);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("study", "router-predictability");
        root.put("outcomes", in.toString());
        root.set("runnerUpMargins", mapper.valueToTree(MARGINS));
        StringBuilder md = new StringBuilder();
        md.append("# How predictable is the best model? (NetRouterBench outcomes)\n\n"
                + "Produced by `io.thalamus.bench.router.RouterPredictabilityStudy` from `" + in + "` (written by "
                + "`thalamus router bench`). Optimal pick = the model's loss equals the task's least loss (exact ties "
                + "count). `sibling rule`: for each task, the model that won most of the OTHER tasks of the same series "
                + "(true outcomes; ties by lower mean loss there, then by id): what perfect feedback from the rest of "
                + "the series would suggest. It reads test outcomes, so it is a reference, not a router. "
                + "`runner-up within x %`: share of tasks whose second-best loss is within x % of the least.\n\n"
                + "| task type | split | tasks | series | best single | best-single pick | sibling-rule pick | "
                + "best-single regret | sibling-rule regret | runner-up within 1 % | 5 % | 10 % | 20 % |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            // the row's components as they are named in the record; nearTie[i] is for runnerUpMargins[i]
            root.set(r.taskType() + "/" + r.split(), mapper.valueToTree(r));
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %.1f%% | %.1f%% | %.4f | %.4f | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n",
                    r.taskType(), r.split(), r.tasks(), r.series(), r.bestSingle(), 100 * r.bestSingleRate(),
                    100 * r.siblingRate(), r.bestSingleRegret(), r.siblingRegret(), 100 * r.nearTie()[0],
                    100 * r.nearTie()[1], 100 * r.nearTie()[2], 100 * r.nearTie()[3]));
        }
        Files.writeString(out.resolve("predictability.json"), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.writeString(out.resolve("predictability.md"), md.toString());
        System.out.print(md);
    }
}
