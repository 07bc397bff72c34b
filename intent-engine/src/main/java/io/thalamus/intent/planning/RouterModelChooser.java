package io.thalamus.intent.planning;

import io.thalamus.intent.execution.LinkHistory;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.routing.ModelRouter;
import io.thalamus.intent.routing.NoFeasibleModelException;
import io.thalamus.intent.routing.ProbeFeatures;
import io.thalamus.intent.routing.RouteDecision;
import io.thalamus.intent.routing.RoutingFlag;
import io.thalamus.intent.routing.RoutingPreferences;
import io.thalamus.intent.routing.SeriesFeatures;
import io.thalamus.intent.routing.TaskFeatures;
import io.thalamus.models.card.SecurityClearance;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Routes blueprint tasks to models with the model library's {@link ModelRouter} (Tryage-style: predicted
 * loss plus the intent's flags as weighted penalties, hard limits, Pareto front). Forecast and detect tasks are
 * described by the features of the series they will see (the link's telemetry history, or the series in the
 * intent). A task type no card serves, or one whose limits exclude every card, falls back to
 * {@link DefaultModelChooser} and the decision says so.
 */
public final class RouterModelChooser implements ModelChooser {

    /** The name recorded as the decision's router. */
    public static final String ROUTER = "model-router";
    /** The {@code solver} of an admit-flows intent that leaves the choice to the router (the schema's default). */
    static final String AUTO_SOLVER = "auto";
    /** Fewest samples a series needs before its features describe the task. */
    static final int MIN_SERIES = 8;

    private final ModelRouter router;
    private final LinkHistory history;
    private final Supplier<Topology> topology;
    private final DefaultModelChooser fallback = new DefaultModelChooser();

    private final ProbeFeatures probes;

    /** A chooser describing series tasks by their statistics only (a router trained on those). */
    public RouterModelChooser(ModelRouter router, LinkHistory history, Supplier<Topology> topology) {
        this(router, history, topology, null);
    }

    /**
     * A chooser describing series tasks as {@code thalamus router bench} does: statistics plus each model's probe on
     * the series' own past ({@link ProbeFeatures}), so that a router trained by the bench compares like with like.
     */
    public RouterModelChooser(ModelRouter router, LinkHistory history, Supplier<Topology> topology, ProbeFeatures probes) {
        this.router = router;
        this.history = history;
        this.topology = topology;
        this.probes = probes;
    }

    /** The router's task type for a blueprint task, or null when no model card kind serves it. */
    static io.thalamus.models.card.TaskType taskType(TaskType t) {
        return switch (t) {
            case FORECAST -> io.thalamus.models.card.TaskType.FORECAST;
            case DETECT -> io.thalamus.models.card.TaskType.DETECT_ANOMALY;
            case ADMIT -> io.thalamus.models.card.TaskType.ADMIT_FLOWS;
            case ROUTE -> io.thalamus.models.card.TaskType.ROUTE;
            case WHAT_IF -> io.thalamus.models.card.TaskType.WHAT_IF;
            case ASSURE -> io.thalamus.models.card.TaskType.ASSESS_SATISFACTION;
            case INSTALL -> null;
        };
    }

    @Override
    public ModelDecision choose(Intent intent, Task task) {
        // An intent that names its routing policy or admission solver gets exactly that one: the router only
        // chooses where the operator left the choice open.
        if (task.type() == TaskType.ROUTE && intent.spec() instanceof IntentSpec.RoutingPolicy) {
            return fallback(intent, task, "the intent names its routing policy");
        }
        if (task.type() == TaskType.ADMIT && intent.spec() instanceof IntentSpec.AdmitFlows a && a.solver() != null
                && !AUTO_SOLVER.equals(a.solver())) {
            return fallback(intent, task, "the intent names its admission solver");
        }
        if (task.type() == TaskType.ADMIT && intent.spec() instanceof IntentSpec.Connectivity) {
            // one flow over a few candidate paths: the greedy scan admits it exactly when any candidate has room,
            // so no solver can admit more, and a search (genetic, ILP) would only add latency to every intent
            return fallback(intent, task, "a connectivity intent admits one flow, which the greedy scan of its "
                    + Planner.CANDIDATE_PATHS + " candidate paths places optimally");
        }
        io.thalamus.models.card.TaskType tt = taskType(task.type());
        if (tt == null || router.cards().stream().noneMatch(c -> c.serves(tt))) {
            return fallback(intent, task, "no model card serves task type " + (tt == null ? task.type().wire() : tt.wire()));
        }
        RoutingPreferences prefs;
        try {
            prefs = preferences(intent.flags().weights(), intent.flags().limits());
        } catch (IllegalArgumentException e) {
            return fallback(intent, task, "flags not usable by the router: " + e.getMessage());
        }
        double[] series = series(intent);
        int horizon = intent.spec() instanceof IntentSpec.Forecast f ? f.horizonSteps() : 1;
        try {
            RouteDecision d = route(tt, series, horizon, prefs);
            return new ModelDecision(task.index(), task.type(), d.modelId(), ROUTER, d.reasons(),
                    d.chosen().objective(), d.paretoFront());
        } catch (NoFeasibleModelException e) {
            return fallback(intent, task, "every card was excluded by a hard limit (" + e.getMessage() + ")");
        }
    }

    /**
     * A decision for a task type, described by a series when one is given (API: POST /api/router/decide). Without a
     * series (or for task types the chooser has no extractor for), or when the trained memory compares features of
     * another length, only the task type is known: each model is predicted from all past tasks of the type, and the
     * decision's reasons say so.
     */
    public RouteDecision route(io.thalamus.models.card.TaskType tt, double[] series, int horizon, RoutingPreferences prefs) {
        TaskFeatures features = null;
        boolean usable = series != null && series.length >= MIN_SERIES;
        if (usable && tt == io.thalamus.models.card.TaskType.FORECAST) {
            features = probes != null ? probes.forecast(series, 1, Math.max(1, horizon), 0)
                    : SeriesFeatures.forecast(series, 1, Math.max(1, horizon), 0);
        } else if (usable && tt == io.thalamus.models.card.TaskType.DETECT_ANOMALY) {
            int train = Math.max(2, series.length / 2);
            features = probes != null ? probes.anomaly(series, 1, train, 0) : SeriesFeatures.anomaly(series, 1, train, 0);
        }
        int dims = router.predictor().dimensions(tt);
        String note = null;
        if (features != null && dims >= 0 && dims != features.size()) {
            note = "the trained router compares " + dims + " features per task, this one has " + features.size()
                    + ": predicted from every past task of the type instead";
            features = null;
        }
        if (features == null && note == null) {
            note = seriesTask(tt)
                    ? "no series of " + MIN_SERIES + "+ samples yet: features describe the task type only"
                    : dims >= 0 ? "no task features for " + tt.wire() + " here: predicted from every past task of the type" : null;
        }
        RouteDecision d = router.route(features == null ? new TaskFeatures(tt, new double[0]) : features, prefs);
        if (note == null) {
            return d;
        }
        List<String> reasons = new ArrayList<>(d.reasons());
        reasons.add(note);
        return new RouteDecision(d.decisionId(), d.task(), d.modelId(), d.candidates(), d.paretoFront(), d.loadShifted(),
                reasons);
    }

    /** Whether tasks of this type are described by a series (forecast, detect-anomaly). */
    private static boolean seriesTask(io.thalamus.models.card.TaskType tt) {
        return tt == io.thalamus.models.card.TaskType.FORECAST || tt == io.thalamus.models.card.TaskType.DETECT_ANOMALY;
    }

    private ModelDecision fallback(Intent intent, Task task, String why) {
        ModelDecision d = fallback.choose(intent, task);
        return new ModelDecision(d.taskIndex(), d.taskType(), d.modelId(), DefaultModelChooser.ROUTER,
                List.of(why + ": default model for task type " + task.type().wire()), Double.NaN, List.of());
    }

    private double[] series(Intent intent) {
        IntentSpec spec = intent.spec();
        if (spec instanceof IntentSpec.DetectAnomaly d) {
            return d.series() != null ? d.series().stream().mapToDouble(Double::doubleValue).toArray() : history.of(d.link());
        }
        if (spec instanceof IntentSpec.Forecast f && f.link() != null) {
            return history.of(f.link());
        }
        if (spec instanceof IntentSpec.Connectivity c) {
            List<Link> out = topology.get().outLinks(c.source());
            return out.isEmpty() ? null : history.of(out.get(0).id());
        }
        return null;
    }

    /**
     * The router's preferences from intent flags: weights size, recency, latency, cost, security (quality is the
     * router's loss term itself and needs no weight); limits maxLatencyMs, minSecurity (0 public .. 3 restricted),
     * maxSizeMb (as parameters at 4 bytes each).
     * @throws IllegalArgumentException naming the bad flag
     */
    public static RoutingPreferences preferences(Map<String, Double> weights, Map<String, Double> limits) {
        Map<RoutingFlag, Double> w = new EnumMap<>(RoutingFlag.class);
        weights.forEach((k, v) -> {
            if (!"quality".equals(k)) {
                try {
                    w.put(RoutingFlag.valueOf(k.toUpperCase(Locale.ROOT)), v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("weights/" + k + ": unknown flag");
                }
            }
        });
        double maxLatency = limits.getOrDefault("maxLatencyMs", Double.POSITIVE_INFINITY);
        int sec = (int) Math.round(limits.getOrDefault("minSecurity", 0.0));
        SecurityClearance clearance = SecurityClearance.values()[Math.max(0, Math.min(3, sec))];
        long maxParams = limits.containsKey("maxSizeMb") ? (long) (limits.get("maxSizeMb") * 1e6 / 4) : Long.MAX_VALUE;
        return new RoutingPreferences(w, maxLatency, clearance, maxParams);
    }
}
