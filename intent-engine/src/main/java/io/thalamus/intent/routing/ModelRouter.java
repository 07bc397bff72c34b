package io.thalamus.intent.routing;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.SecurityClearance;
import io.thalamus.models.card.TaskType;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The perceptive model router (after Tryage): a {@link KnnPerformancePredictor} estimates each candidate's loss,
 * latency and cost on this task; the choice minimises predicted loss + Σ λ_j·C_j(model) over the user's flags,
 * among the candidates that meet every hard limit; ties break by predicted CPU time, then model id. It returns the Pareto front over
 * (predicted loss, cost, latency) and the reasons, under a decision id that is a hash of everything the decision
 * depends on, so identical inputs get identical decisions, which are cached. A {@link LoadShifter} moves the
 * objective toward cheap models while the executor's queue is long. Measured outcomes fed to {@link #observe}
 * update the predictor (and so invalidate cached decisions).
 */
public final class ModelRouter {

    private static final int CACHE_SIZE = 4096;

    private final KnnPerformancePredictor predictor;
    private final Map<String, ModelCard> cards;
    private final LoadShifter load;
    private final String cardsFingerprint;
    private final Map<String, RouteDecision> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RouteDecision> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private long cacheHits;

    /** A router over these cards (the candidates) with this predictor and load policy. */
    public ModelRouter(KnnPerformancePredictor predictor, List<ModelCard> cards, LoadShifter load) {
        this.predictor = predictor;
        Map<String, ModelCard> m = new LinkedHashMap<>();
        cards.stream().sorted(Comparator.comparing(ModelCard::id)).forEach(c -> m.put(c.id(), c));
        this.cards = java.util.Collections.unmodifiableMap(m);
        this.load = load;
        this.cardsFingerprint = String.join(",", m.values().stream().map(c -> c.id() + "@" + c.version()).toList());
    }

    /** The predictor behind the router. */
    public KnnPerformancePredictor predictor() {
        return predictor;
    }

    /** The load policy. */
    public LoadShifter load() {
        return load;
    }

    /** Reports the executor's queue depth (load-aware mode). @return whether the mode is on */
    public boolean reportQueueDepth(int depth) {
        return load.report(depth);
    }

    /** Decisions answered from the cache so far. */
    public synchronized long cacheHits() {
        return cacheHits;
    }

    /** Feedback: the measured outcome of an executed task updates the predictor. */
    public void observe(TaskFeatures features, String modelId, double loss, double latencyMs, double cpuMs) {
        predictor.observe(features, modelId, loss, latencyMs, cpuMs);
        synchronized (this) {
            cache.clear();
        }
    }

    /**
     * Routes one task. @throws NoFeasibleModelException when no candidate serves the task within the hard limits
     */
    public RouteDecision route(TaskFeatures features, RoutingPreferences prefs) {
        boolean shifted = load.shifted();
        String key = key(features, prefs, shifted);
        synchronized (this) {
            RouteDecision hit = cache.get(key);
            if (hit != null) {
                cacheHits++;
                return hit;
            }
        }
        RouteDecision d = decide(features, prefs, shifted, key);
        synchronized (this) {
            cache.put(key, d);
        }
        return d;
    }

    /** The same decision as {@link #route} but computed afresh, bypassing the cache (benchmarks, what-if sweeps). */
    public RouteDecision routeUncached(TaskFeatures features, RoutingPreferences prefs) {
        boolean shifted = load.shifted();
        return decide(features, prefs, shifted, key(features, prefs, shifted));
    }

    /** Everything a decision depends on; hashed into the decision id. */
    private String key(TaskFeatures features, RoutingPreferences prefs, boolean shifted) {
        return predictor.version() + "|" + cardsFingerprint + "|" + features + "|" + prefs + "|" + shifted;
    }

    private RouteDecision decide(TaskFeatures features, RoutingPreferences prefs, boolean shifted, String key) {
        TaskType task = features.task();
        List<ModelCard> candidates = cards.values().stream().filter(c -> c.serves(task)).toList();
        List<ModelEstimate> estimates = estimates(features, candidates);
        EnumMap<RoutingFlag, Double> lambda = new EnumMap<>(prefs.weights());
        if (shifted) {
            lambda.merge(RoutingFlag.LATENCY, load.extraWeight(), Double::sum);
            lambda.merge(RoutingFlag.COST, load.extraWeight(), Double::sum);
        }
        Map<RoutingFlag, double[]> penalties = penalties(candidates, estimates);
        List<CandidateScore> scores = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            ModelCard c = candidates.get(i);
            ModelEstimate e = estimates.get(i);
            EnumMap<RoutingFlag, Double> p = new EnumMap<>(RoutingFlag.class);
            double objective = e.predictedLoss();
            for (RoutingFlag f : RoutingFlag.values()) {
                double v = penalties.get(f)[i];
                p.put(f, v);
                objective += lambda.get(f) * v;
            }
            String excluded = excludedBy(c, e, prefs);
            if (excluded != null) {
                exclusions.add(c.id() + ": " + excluded);
            }
            scores.add(new CandidateScore(c.id(), e.predictedLoss(), e.predictedLatencyMs(), e.predictedCpuMs(),
                    e.support(), p, excluded == null ? objective : Double.NaN, excluded));
        }
        List<CandidateScore> feasible = scores.stream().filter(CandidateScore::feasible)
                .sorted(Comparator.comparingDouble(CandidateScore::objective)
                        .thenComparingDouble(CandidateScore::predictedCostMs).thenComparing(CandidateScore::modelId)).toList();
        if (feasible.isEmpty()) {
            throw new NoFeasibleModelException(task.wire(), exclusions);
        }
        List<CandidateScore> ordered = new ArrayList<>(feasible);
        scores.stream().filter(s -> !s.feasible()).forEach(ordered::add);
        CandidateScore best = feasible.get(0);
        List<String> front = pareto(feasible);
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "chose %s: objective %.4f = predicted loss %.4f (from %d similar past tasks)%s",
                best.modelId(), best.objective(), best.predictedLoss(), best.support(), penaltyText(best, lambda)));
        if (feasible.size() > 1) {
            CandidateScore second = feasible.get(1);
            reasons.add(String.format(Locale.ROOT, "runner-up %s: objective %.4f (predicted loss %.4f)",
                    second.modelId(), second.objective(), second.predictedLoss()));
        }
        if (shifted) {
            reasons.add(String.format(Locale.ROOT, "load-aware mode on (queue %d >= %d): latency and cost weights +%.2f",
                    load.lastDepth(), load.high(), load.extraWeight()));
        }
        for (String x : exclusions) {
            reasons.add("excluded " + x);
        }
        reasons.add("Pareto front over (predicted loss, cost, latency): " + front);
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        return new RouteDecision(id, task, best.modelId(), ordered, front, shifted, reasons);
    }

    private static String penaltyText(CandidateScore s, Map<RoutingFlag, Double> lambda) {
        StringBuilder sb = new StringBuilder();
        for (RoutingFlag f : RoutingFlag.values()) {
            double l = lambda.get(f);
            if (l > 0) {
                sb.append(String.format(Locale.ROOT, " + %s %.2f x %.3f", f.name().toLowerCase(Locale.ROOT), l,
                        s.penalties().get(f)));
            }
        }
        return sb.toString();
    }

    /** Predictor estimates in candidate order; models without evidence get the worst known loss and card timings. */
    private List<ModelEstimate> estimates(TaskFeatures features, List<ModelCard> candidates) {
        Map<String, ModelEstimate> known = new LinkedHashMap<>();
        for (ModelEstimate e : predictor.predict(features)) {
            if (!Double.isNaN(e.predictedLoss())) {
                known.put(e.modelId(), e);
            }
        }
        double worst = known.values().stream().mapToDouble(ModelEstimate::predictedLoss).max().orElse(1.0);
        List<ModelEstimate> out = new ArrayList<>();
        for (ModelCard c : candidates) {
            ModelEstimate e = known.get(c.id());
            out.add(e != null ? e : new ModelEstimate(c.id(), worst, c.latencyP50Ms(), c.cpuMsPerCall(), 0));
        }
        return out;
    }

    private static Map<RoutingFlag, double[]> penalties(List<ModelCard> cs, List<ModelEstimate> es) {
        int n = cs.size();
        Map<RoutingFlag, double[]> out = new EnumMap<>(RoutingFlag.class);
        double maxSize = cs.stream().mapToDouble(c -> Math.log1p(c.parameterCount())).max().orElse(0);
        var newest = cs.stream().map(ModelCard::releaseDate).max(Comparator.naturalOrder()).orElse(null);
        var oldest = cs.stream().map(ModelCard::releaseDate).min(Comparator.naturalOrder()).orElse(null);
        double span = newest == null ? 1 : Math.max(1, ChronoUnit.DAYS.between(oldest, newest));
        double maxLat = es.stream().mapToDouble(ModelEstimate::predictedLatencyMs).max().orElse(0);
        double maxCpu = es.stream().mapToDouble(ModelEstimate::predictedCpuMs).max().orElse(0);
        double maxMoney = cs.stream().mapToDouble(ModelCard::currencyPer1kCalls).max().orElse(0);
        for (RoutingFlag f : RoutingFlag.values()) {
            out.put(f, new double[n]);
        }
        for (int i = 0; i < n; i++) {
            ModelCard c = cs.get(i);
            ModelEstimate e = es.get(i);
            out.get(RoutingFlag.SIZE)[i] = maxSize > 0 ? Math.log1p(c.parameterCount()) / maxSize : 0;
            out.get(RoutingFlag.RECENCY)[i] = newest == null ? 0 : ChronoUnit.DAYS.between(c.releaseDate(), newest) / span;
            out.get(RoutingFlag.LATENCY)[i] = maxLat > 0 ? e.predictedLatencyMs() / maxLat : 0;
            double cost = maxCpu > 0 ? e.predictedCpuMs() / maxCpu : 0;
            if (maxMoney > 0) {
                cost = 0.5 * cost + 0.5 * c.currencyPer1kCalls() / maxMoney;
            }
            out.get(RoutingFlag.COST)[i] = cost;
            out.get(RoutingFlag.SECURITY)[i] = (SecurityClearance.RESTRICTED.ordinal() - c.clearance().ordinal()) / 3.0;
        }
        return out;
    }

    private static String excludedBy(ModelCard c, ModelEstimate e, RoutingPreferences p) {
        if (!c.clearance().covers(p.minClearance())) {
            return "clearance " + c.clearance().wire() + " below required " + p.minClearance().wire();
        }
        if (c.parameterCount() > p.maxParameters()) {
            return c.parameterCount() + " parameters > max " + p.maxParameters();
        }
        if (e.predictedLatencyMs() > p.maxLatencyMs()) {
            return String.format(Locale.ROOT, "predicted latency %.4f ms > max %.4f ms", e.predictedLatencyMs(), p.maxLatencyMs());
        }
        return null;
    }

    /** Feasible models that no other feasible model beats or equals on all of (loss, cost, latency) while beating on one. */
    static List<String> pareto(List<CandidateScore> feasible) {
        List<CandidateScore> front = new ArrayList<>();
        for (CandidateScore a : feasible) {
            boolean dominated = false;
            for (CandidateScore b : feasible) {
                if (b != a && dominates(b, a)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(a);
            }
        }
        front.sort(Comparator.comparingDouble(CandidateScore::predictedLoss).thenComparing(CandidateScore::modelId));
        return front.stream().map(CandidateScore::modelId).toList();
    }

    static boolean dominates(CandidateScore b, CandidateScore a) {
        double[] x = {b.predictedLoss(), b.predictedCostMs(), b.predictedLatencyMs()};
        double[] y = {a.predictedLoss(), a.predictedCostMs(), a.predictedLatencyMs()};
        boolean strictly = false;
        for (int i = 0; i < 3; i++) {
            if (x[i] > y[i]) {
                return false;
            }
            strictly |= x[i] < y[i];
        }
        return strictly;
    }

    /** Cards the router chooses among. */
    public List<ModelCard> cards() {
        return List.copyOf(cards.values());
    }

    @Override
    public String toString() {
        return "ModelRouter" + Arrays.asList(cards.keySet().toArray());
    }
}
