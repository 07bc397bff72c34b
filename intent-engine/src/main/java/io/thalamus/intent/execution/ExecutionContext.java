package io.thalamus.intent.execution;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.model.Intent;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The working state of one blueprint run: the twin fork and what each task hands to the next. */
public final class ExecutionContext {

    private final String intentId;
    private final Intent intent;
    private final TwinFork fork;
    private final boolean recompiling;
    /** Flows the admission task must place (built from the spec, or by the assure task). */
    final List<Flow> requested = new ArrayList<>();
    /** Candidate paths per flow id, from the forecast task. */
    final Map<String, List<Path>> candidates = new HashMap<>();
    /** Forecast utilisation per directed link id, from the forecast task. */
    final Map<String, Double> forecastUtilization = new HashMap<>();
    /** What admission or routing placed. */
    final List<RoutedFlow> routed = new ArrayList<>();
    /** Requested flows admission rejected. */
    final List<Flow> rejected = new ArrayList<>();
    /** Per-flow zone-of-tolerance satisfaction function inputs: flow id → {adequate, desired}. */
    final Map<String, double[]> zones = new HashMap<>();
    final List<ExpectationCheck> evidence = new ArrayList<>();
    final List<RoutedFlow> installed = new ArrayList<>();
    private final ObjectNode result = JsonNodeFactory.instance.objectNode();

    public ExecutionContext(String intentId, Intent intent, TwinFork fork, boolean recompiling) {
        this.intentId = intentId;
        this.intent = intent;
        this.fork = fork;
        this.recompiling = recompiling;
    }

    public String intentId() {
        return intentId;
    }

    public Intent intent() {
        return intent;
    }

    public TwinFork fork() {
        return fork;
    }

    /** Whether this run re-plans an intent that was installed. */
    public boolean recompiling() {
        return recompiling;
    }

    /** Adds a flow the admission task must place. */
    public void request(Flow f) {
        requested.add(f);
    }

    /** The routes the plan placed. */
    public List<RoutedFlow> routed() {
        return List.copyOf(routed);
    }

    /** The routes pushed to the controller. */
    public List<RoutedFlow> installed() {
        return List.copyOf(installed);
    }

    /** The twin's checks of the expectations. */
    public List<ExpectationCheck> evidence() {
        return List.copyOf(evidence);
    }

    /** The result of an analysis intent (forecast, anomalies, scenario KPIs); tasks write into it. */
    public ObjectNode result() {
        return result;
    }
}
