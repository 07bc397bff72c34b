package io.thalamus.intent.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Planner;
import io.thalamus.intent.planning.Task;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.topology.Link;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Forecast task. For a connectivity intent: the candidate paths of each requested flow and the forecast
 * utilisation of their links (history from telemetry, else the twin's current load). For a forecast
 * intent: the link's (or the origin-destination pair's routed) load, {@code horizonSteps} ahead.
 */
public final class ForecastTask implements TaskExecutor {

    private final LinkHistory history;
    private final Function<String, SeriesForecaster> models;
    private final CandidatePaths candidatePaths = new CandidatePaths();

    /** {@code models} maps a model id to a forecaster (unknown ids fall back to EWMA). */
    public ForecastTask(LinkHistory history, Function<String, SeriesForecaster> models) {
        this.history = history;
        this.models = models;
    }

    @Override
    public void run(Task task, ModelDecision decision, ExecutionContext ctx) throws TaskFailure {
        SeriesForecaster chosen = models.apply(decision.modelId());
        SeriesForecaster model = chosen != null ? chosen : SeriesForecaster.ewma();
        TwinKpis now = ctx.fork().evaluate();
        if (ctx.intent().spec() instanceof IntentSpec.Forecast f) {
            forecastIntent(f, model, ctx, now);
            return;
        }
        Topology topology = ctx.fork().topology();
        for (Flow flow : ctx.requested) {
            List<Path> paths = candidatePaths.kShortest(topology, flow.source(), flow.destination(), Planner.CANDIDATE_PATHS);
            if (paths.isEmpty()) {
                throw new TaskFailure("no path from " + flow.source() + " to " + flow.destination()
                        + " in the current topology");
            }
            ctx.candidates.put(flow.id(), paths);
            for (Path p : paths) {
                for (Link l : p.links()) {
                    ctx.forecastUtilization.computeIfAbsent(l.id(), id -> predicted(id, model, now));
                }
            }
        }
    }

    private double predicted(String linkId, SeriesForecaster model, TwinKpis now) {
        double current = now.linkUtilization().getOrDefault(linkId, 0.0);
        double[] h = history.of(linkId);
        if (h.length == 0) {
            return current;
        }
        double f = model.forecast(h, 1)[0];
        return Double.isFinite(f) ? Math.max(current, f) : current;
    }

    private void forecastIntent(IntentSpec.Forecast f, SeriesForecaster model, ExecutionContext ctx, TwinKpis now)
            throws TaskFailure {
        ObjectNode r = ctx.result();
        double[] h;
        if (f.link() != null) {
            h = history.of(f.link());
            if (h.length == 0) {
                h = new double[] {now.linkUtilization().getOrDefault(f.link(), 0.0)};
                r.put("history", "no telemetry yet for this link: the twin's current utilisation stands in");
            }
            r.put("link", f.link()).put("unit", "utilization");
        } else {
            double bps = 0;
            for (Map.Entry<String, RoutedFlow> e : ctx.fork().routes().entrySet()) {
                Flow fl = e.getValue().flow();
                if (fl.source().equals(f.origin()) && fl.destination().equals(f.destination())) {
                    bps += fl.bandwidthBps();
                }
            }
            h = new double[] {bps};
            r.put("origin", f.origin()).put("destination", f.destination()).put("unit", "bps");
            r.put("history", "origin-destination demand is the bandwidth routed between the pair now");
        }
        double[] out = model.forecast(h, f.horizonSteps());
        if (out.length != f.horizonSteps()) {
            throw new TaskFailure("forecaster returned " + out.length + " values for a horizon of " + f.horizonSteps());
        }
        r.put("historySamples", h.length);
        ArrayNode arr = r.putArray("forecast");
        for (double v : out) {
            arr.add(v);
        }
    }
}
