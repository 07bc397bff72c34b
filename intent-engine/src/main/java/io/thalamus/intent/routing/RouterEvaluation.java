package io.thalamus.intent.routing;

import io.thalamus.models.card.TaskType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a router on tasks whose every model outcome is known: how often it picks an optimal model, its regret
 * against the oracle, the same for the best single model (chosen on the router's training memory, never on the
 * test tasks) and for a uniformly random pick (exact expectation), and AIQ on the cost-quality plane against the
 * zero router.
 */
public final class RouterEvaluation {

    /** λ values of the cost flag swept to trace the router's cost-quality curve. */
    static final double[] COST_SWEEP = {0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 100};

    /** Relative tolerance of the ε-tie pick rate: within 1% of the oracle's loss (plus 1e-9 absolute). */
    public static final double TIE_TOLERANCE = 0.01;

    private RouterEvaluation() {
    }

    /**
     * Scores of one task type.
     *
     * @param task                      task type
     * @param tasks                     number of tasks
     * @param models                    candidate models
     * @param optimalPickRate           share of tasks where the router's pick reached the least loss
     * @param bestSingleModel           the model with the least mean loss in the router's training memory
     * @param bestSingleOptimalPickRate share of tasks where that model was optimal
     * @param randomOptimalPickRate     expected share for a uniformly random pick
     * @param meanRegret                mean loss above the oracle of the router's picks (loss units)
     * @param bestSingleMeanRegret      the same for the best single model
     * @param randomMeanRegret          the same for a random pick (expectation)
     * @param meanQualityRegret         router regret in quality-score units
     * @param routerMeanLoss            mean loss of the router's picks
     * @param oracleMeanLoss            mean least loss
     * @param aiq                       router AIQ (quality score vs mean CPU ms of the chosen models)
     * @param zeroRouterAiq             AIQ of the zero router
     * @param oracleQuality             mean quality of the oracle
     * @param curve                     the router's cost-quality points over the cost sweep
     * @param singles                   each single model's cost-quality point
     * @param picks                     how often each model was picked (λ = 0)
     * @param nearOptimalPickRate       share of tasks where the router's pick was within {@link #TIE_TOLERANCE} of
     *                                  the least loss (relative, ε-tie; secondary to the exact rate)
     * @param bestSingleNearOptimalPickRate the same for the best single model
     */
    public record TaskTypeScore(String task, int tasks, List<String> models, double optimalPickRate,
                                String bestSingleModel, double bestSingleOptimalPickRate, double randomOptimalPickRate,
                                double meanRegret, double bestSingleMeanRegret, double randomMeanRegret,
                                double meanQualityRegret, double routerMeanLoss, double oracleMeanLoss, double aiq,
                                double zeroRouterAiq, double oracleQuality, List<Aiq.Point> curve,
                                Map<String, Aiq.Point> singles, Map<String, Integer> picks,
                                double nearOptimalPickRate, double bestSingleNearOptimalPickRate) {
    }

    /** Evaluates the router with no flags and no limits (and the cost sweep for AIQ). */
    public static List<TaskTypeScore> evaluate(ModelRouter router, List<EvaluatedTask> tasks) {
        Map<TaskType, List<EvaluatedTask>> byType = new LinkedHashMap<>();
        for (EvaluatedTask t : tasks) {
            byType.computeIfAbsent(t.features().task(), k -> new ArrayList<>()).add(t);
        }
        List<TaskTypeScore> out = new ArrayList<>();
        for (Map.Entry<TaskType, List<EvaluatedTask>> e : byType.entrySet()) {
            out.add(evaluate(router, e.getKey(), e.getValue()));
        }
        return out;
    }

    private static TaskTypeScore evaluate(ModelRouter router, TaskType type, List<EvaluatedTask> tasks) {
        List<String> models = tasks.get(0).loss().keySet().stream().sorted().toList();
        Map<String, Double> trainLoss = memoryMeans(router.predictor(), type, true);
        Map<String, Double> cost = memoryMeans(router.predictor(), type, false);
        String single = models.stream().min((a, b) -> Double.compare(trainLoss.getOrDefault(a, Double.MAX_VALUE),
                trainLoss.getOrDefault(b, Double.MAX_VALUE))).orElseThrow();
        int n = tasks.size();
        double pick = 0;
        double singlePick = 0;
        double randomPick = 0;
        double regret = 0;
        double singleRegret = 0;
        double randomRegret = 0;
        double qRegret = 0;
        double routerLoss = 0;
        double oracleLoss = 0;
        double oracleQ = 0;
        double near = 0;
        double singleNear = 0;
        Map<String, Integer> picks = new LinkedHashMap<>();
        models.forEach(m -> picks.put(m, 0));
        for (EvaluatedTask t : tasks) {
            RouteDecision d = router.route(t.features(), RoutingPreferences.none());
            String m = d.modelId();
            picks.merge(m, 1, Integer::sum);
            double best = t.oracleLoss();
            double bestQ = t.quality().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            pick += t.optimal(m) ? 1 : 0;
            near += t.loss().get(m) <= best * (1 + TIE_TOLERANCE) + 1e-9 ? 1 : 0;
            singleNear += t.loss().get(single) <= best * (1 + TIE_TOLERANCE) + 1e-9 ? 1 : 0;
            singlePick += t.optimal(single) ? 1 : 0;
            regret += t.loss().get(m) - best;
            singleRegret += t.loss().get(single) - best;
            qRegret += bestQ - t.quality().get(m);
            routerLoss += t.loss().get(m);
            oracleLoss += best;
            oracleQ += bestQ;
            double opt = 0;
            double reg = 0;
            for (String x : models) {
                opt += t.optimal(x) ? 1 : 0;
                reg += t.loss().get(x) - best;
            }
            randomPick += opt / models.size();
            randomRegret += reg / models.size();
        }
        Map<String, Aiq.Point> singles = new LinkedHashMap<>();
        for (String x : models) {
            double q = tasks.stream().mapToDouble(t -> t.quality().get(x)).average().orElseThrow();
            singles.put(x, new Aiq.Point(cost.getOrDefault(x, 0.0), q));
        }
        List<Aiq.Point> curve = new ArrayList<>();
        for (double lambda : COST_SWEEP) {
            RoutingPreferences p = RoutingPreferences.none().withWeight(RoutingFlag.COST, lambda);
            double c = 0;
            double q = 0;
            for (EvaluatedTask t : tasks) {
                String m = router.route(t.features(), p).modelId();
                c += cost.getOrDefault(m, 0.0);
                q += t.quality().get(m);
            }
            curve.add(new Aiq.Point(c / n, q / n));
        }
        double cMin = singles.values().stream().mapToDouble(Aiq.Point::cost).min().orElse(0);
        double cMax = singles.values().stream().mapToDouble(Aiq.Point::cost).max().orElse(0);
        return new TaskTypeScore(type.wire(), n, models, pick / n, single, singlePick / n, randomPick / n, regret / n,
                singleRegret / n, randomRegret / n, qRegret / n, routerLoss / n, oracleLoss / n,
                Aiq.aiq(curve, cMin, cMax), Aiq.aiq(new ArrayList<>(singles.values()), cMin, cMax), oracleQ / n, curve,
                singles, picks, near / n, singleNear / n);
    }

    /** Per model, the mean loss (or mean CPU ms) over the predictor's remembered tasks. */
    static Map<String, Double> memoryMeans(KnnPerformancePredictor p, TaskType type, boolean loss) {
        Map<String, Double> out = new LinkedHashMap<>();
        KnnPerformancePredictor.Memory mem = p.memories().get(type);
        if (mem == null) {
            return out;
        }
        KnnPerformancePredictor.Rows rows = mem.rows;
        for (int m = 0; m < mem.models.size(); m++) {
            double s = 0;
            int c = 0;
            for (int r = 0; r < rows.z().length; r++) {
                double v = loss ? rows.logLoss()[r][m] : rows.logCpu()[r][m];
                if (!Double.isNaN(v)) {
                    s += loss ? Math.exp(v) - KnnPerformancePredictor.EPSILON : Math.exp(v) - 1e-4;
                    c++;
                }
            }
            if (c > 0) {
                out.put(mem.models.get(m), s / c);
            }
        }
        return out;
    }
}
