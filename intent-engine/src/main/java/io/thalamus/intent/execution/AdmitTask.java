package io.thalamus.intent.execution;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Planner;
import io.thalamus.intent.planning.Task;

/**
 * Admission task: places the requested flows on paths with room (capacity minus the twin's load, or the
 * forecast load when higher) and within their delay bounds, through an {@link AdmissionStrategy} chosen by
 * the model decision. When nothing can be admitted it names the installed intents holding the bottleneck.
 */
public final class AdmitTask implements TaskExecutor {

    /** The model id of greedy admission. */
    static final String GREEDY = "admission.greedy";

    private final Function<String, AdmissionStrategy> strategies;

    /** {@code strategies} maps a model id to a strategy (unknown ids: greedy). */
    public AdmitTask(Function<String, AdmissionStrategy> strategies) {
        this.strategies = strategies;
    }

    @Override
    public void run(Task task, ModelDecision decision, ExecutionContext ctx) throws TaskFailure {
        if (ctx.requested.isEmpty()) {
            throw new TaskFailure("nothing to admit");
        }
        TwinFork fork = ctx.fork();
        Topology t = fork.topology();
        TwinKpis now = fork.evaluate();
        Map<String, Double> residual = new HashMap<>();
        for (Link l : t.links()) {
            double u = Math.max(now.linkUtilization().getOrDefault(l.id(), 0.0),
                    ctx.forecastUtilization.getOrDefault(l.id(), 0.0));
            residual.put(l.id(), l.capacityBps() * (1.0 - u));
        }
        ShortestPaths sp = new ShortestPaths(t);
        Map<String, List<Path>> candidates = new LinkedHashMap<>();
        for (Flow f : ctx.requested) {
            List<Path> c = ctx.candidates.get(f.id());
            candidates.put(f.id(), c != null ? c : sp.kShortest(f.source(), f.destination(), Planner.CANDIDATE_PATHS));
        }
        AdmissionStrategy strategy = strategies.apply(decision.modelId());
        if (strategy == null || ctx.requested.size() == 1 && GREEDY.equals(decision.modelId())) {
            // unknown model, or greedy asked to place one flow: greedy for a single flow is "the first candidate
            // path within the delay bound with room on every link", which this scan of the candidates already
            // computed does without posing a whole solver problem
            strategy = AdmissionStrategy.greedy();
        }
        Map<String, Path> placed = strategy.admit(t, ctx.requested, candidates, residual);
        for (Flow f : ctx.requested) {
            Path p = placed.get(f.id());
            if (p == null) {
                ctx.rejected.add(f);
            } else {
                ctx.routed.add(new RoutedFlow(ctx.intentId(), f, p));
            }
        }
        boolean allOrNothing = !(ctx.intent().spec() instanceof IntentSpec.AdmitFlows);
        if (ctx.routed.isEmpty() || allOrNothing && !ctx.rejected.isEmpty()) {
            Flow f = ctx.rejected.get(0);
            List<Path> c = candidates.get(f.id());
            throw new TaskFailure("no candidate path " + f.source() + "→" + f.destination() + " has "
                    + String.format(java.util.Locale.ROOT, "%.3g", f.bandwidthBps()) + " bit/s free"
                    + (f.maxDelayMs() == null ? "" : " within " + f.maxDelayMs() + " ms"),
                    List.of(), blockers(fork, c, residual, f.bandwidthBps(), ctx.intentId()));
        }
    }

    /** The installed intents carrying the most traffic over the tightest link of each candidate path. */
    static List<Conflict> blockers(TwinFork fork, List<Path> candidates, Map<String, Double> residual, double need,
                                   String self) {
        Map<String, Conflict> out = new LinkedHashMap<>();
        if (candidates == null) {
            return List.of();
        }
        Map<String, RoutedFlow> routes = fork.routes();
        for (Path p : candidates) {
            Link tight = p.links().stream().min(Comparator.comparingDouble(l -> residual.getOrDefault(l.id(), 0.0))).orElse(null);
            if (tight == null || residual.getOrDefault(tight.id(), 0.0) >= need) {
                continue;
            }
            Map<String, Double> byIntent = new HashMap<>();
            for (RoutedFlow r : routes.values()) {
                if (!r.intentId().equals(self) && r.path().usesLink(tight.id())) {
                    byIntent.merge(r.intentId(), r.flow().bandwidthBps(), Double::sum);
                }
            }
            byIntent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(2)
                    .forEach(e -> out.putIfAbsent(e.getKey(), new Conflict(e.getKey(), null, "capacity",
                            "holds " + String.format(java.util.Locale.ROOT, "%.3g", e.getValue()) + " bit/s on "
                                    + tight.id() + ", which has " + String.format(java.util.Locale.ROOT, "%.3g",
                                    Math.max(0, residual.getOrDefault(tight.id(), 0.0))) + " bit/s free of "
                                    + String.format(java.util.Locale.ROOT, "%.3g", tight.capacityBps()))));
        }
        return new ArrayList<>(out.values());
    }
}
