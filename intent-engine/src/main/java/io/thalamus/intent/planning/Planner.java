package io.thalamus.intent.planning;

import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an intent into a {@link Blueprint}. Network-changing intents end with a what-if on the twin and
 * an install; analysis intents (what-if, forecast, detect-anomaly) end with their result.
 */
public final class Planner {

    /** Candidate paths a connectivity intent considers. */
    public static final int CANDIDATE_PATHS = 3;

    /** The blueprint of {@code intent}. */
    public Blueprint plan(String intentId, Intent intent) {
        List<Task> tasks = new ArrayList<>();
        IntentSpec spec = intent.spec();
        switch (intent.type()) {
            case CONNECTIVITY -> {
                IntentSpec.Connectivity c = (IntentSpec.Connectivity) spec;
                add(tasks, TaskType.FORECAST, "forecast the load on the " + CANDIDATE_PATHS + " shortest paths "
                        + c.source() + "→" + c.destination() + " so admission sees where room is left",
                        "source", c.source(), "destination", c.destination(), "k", CANDIDATE_PATHS);
                add(tasks, TaskType.ADMIT, "admit " + fmtBps(c.bandwidthBps()) + " on a candidate path with room"
                        + (c.maxDelayMs() == null ? "" : " and delay ≤ " + c.maxDelayMs() + " ms"),
                        "bandwidthBps", c.bandwidthBps(), "maxDelayMs", c.maxDelayMs());
                whatIfAndInstall(tasks, intent);
            }
            case ADMIT_FLOWS -> {
                IntentSpec.AdmitFlows a = (IntentSpec.AdmitFlows) spec;
                add(tasks, TaskType.ADMIT, "admit and route " + a.flows().size()
                        + " prioritised flows under link capacities", "flows", a.flows().size(), "solver", a.solver());
                whatIfAndInstall(tasks, intent);
            }
            case ROUTING_POLICY -> {
                IntentSpec.RoutingPolicy r = (IntentSpec.RoutingPolicy) spec;
                add(tasks, TaskType.ROUTE, "re-route every installed flow with the " + r.policy() + " policy",
                        "policy", r.policy());
                whatIfAndInstall(tasks, intent);
            }
            case WHAT_IF -> {
                IntentSpec.WhatIf w = (IntentSpec.WhatIf) spec;
                add(tasks, TaskType.WHAT_IF, "run scenario " + w.kind() + " on a copy of the twin and report "
                        + "the KPI differences", "scenario", w.kind());
            }
            case FORECAST -> {
                IntentSpec.Forecast f = (IntentSpec.Forecast) spec;
                add(tasks, TaskType.FORECAST, "forecast " + (f.link() != null ? "link " + f.link()
                        : f.origin() + "→" + f.destination()) + " " + f.horizonSteps() + " steps ahead",
                        "horizonSteps", f.horizonSteps());
            }
            case DETECT_ANOMALY -> {
                IntentSpec.DetectAnomaly d = (IntentSpec.DetectAnomaly) spec;
                add(tasks, TaskType.DETECT, "score " + (d.link() != null ? "link " + d.link() : "the given series")
                        + " for anomalies over windows of " + d.windowSteps(), "windowSteps", d.windowSteps());
            }
            case ASSURE_QOS -> {
                IntentSpec.AssureQos q = (IntentSpec.AssureQos) spec;
                add(tasks, TaskType.ASSURE, "give each of " + q.classes().size() + " classes the bandwidth that "
                        + "reaches satisfaction " + q.targetSatisfaction() + ", not more", "target", q.targetSatisfaction());
                add(tasks, TaskType.ADMIT, "admit the per-class flows at those rates", "classes", q.classes().size());
                whatIfAndInstall(tasks, intent);
            }
        }
        return new Blueprint(intentId, tasks);
    }

    private static void whatIfAndInstall(List<Task> tasks, Intent intent) {
        add(tasks, TaskType.WHAT_IF, "add the routes to a fork of the twin and check " + intent.expectations().size()
                + " expectation(s)" + (intent.expectations().isEmpty() ? "" : ": " + intent.expectations()),
                "expectations", intent.expectations().size());
        add(tasks, TaskType.INSTALL, "install through the controller if every expectation held and mode is apply",
                "mode", intent.mode().wire());
    }

    private static void add(List<Task> tasks, TaskType type, String purpose, Object... kv) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                inputs.put((String) kv[i], kv[i + 1]);
            }
        }
        tasks.add(new Task(tasks.size(), type, purpose, inputs));
    }

    static String fmtBps(double bps) {
        if (bps >= 1e9) {
            return trim(bps / 1e9) + " Gbit/s";
        }
        if (bps >= 1e6) {
            return trim(bps / 1e6) + " Mbit/s";
        }
        if (bps >= 1e3) {
            return trim(bps / 1e3) + " kbit/s";
        }
        return trim(bps) + " bit/s";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
