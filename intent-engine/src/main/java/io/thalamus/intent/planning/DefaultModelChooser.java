package io.thalamus.intent.planning;

import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;

import java.util.List;

/**
 * The documented default per task type, used when no model router is configured (docs/intents.md):
 * forecast → {@code forecast.ewma}, admit → {@code admission.greedy} ({@code admission.ilp} when the
 * intent asks for the ILP), route → the policy the intent names, what-if → {@code flow-level-twin},
 * detect → {@code anomaly.robust-z}, assure → {@code qos.zone-of-tolerance}, install → {@code twin-controller}.
 */
public final class DefaultModelChooser implements ModelChooser {

    /** The name recorded as the decision's router. */
    public static final String ROUTER = "default-table";

    /** The admission model card an intent's {@code solver} names; {@code auto} (or none) is the greedy scan. */
    static String admissionModel(String solver) {
        if (solver == null) {
            return "admission.greedy";
        }
        return switch (solver) {
            case "ilp" -> "admission.ilp";
            case "genetic" -> "admission.ga";
            default -> "admission.greedy";
        };
    }

    @Override
    public ModelDecision choose(Intent intent, Task task) {
        String model = switch (task.type()) {
            case FORECAST -> "forecast.ewma";
            case ADMIT -> intent.spec() instanceof IntentSpec.AdmitFlows a ? admissionModel(a.solver()) : "admission.greedy";
            case ROUTE -> intent.spec() instanceof IntentSpec.RoutingPolicy r ? r.policy() + "-policy" : "shortest-policy";
            case WHAT_IF -> "flow-level-twin";
            case DETECT -> "anomaly.robust-z";
            case ASSURE -> "qos.zone-of-tolerance";
            case INSTALL -> "twin-controller";
        };
        return new ModelDecision(task.index(), task.type(), model, ROUTER,
                List.of("no model router configured: default model for task type " + task.type().wire()),
                Double.NaN, List.of());
    }
}
