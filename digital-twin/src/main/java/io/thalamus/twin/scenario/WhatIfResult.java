package io.thalamus.twin.scenario;

import io.thalamus.twin.sim.Kpis;
import io.thalamus.twin.sim.TwinState;

import java.util.List;

/**
 * The outcome of a what-if: KPIs before and after, and every flow it changed, worst first.
 *
 * @param scenario   the scenario that ran
 * @param before     state of the twin before
 * @param after      state after the steps and re-convergence
 * @param impacts    flows that were disconnected, broke their delay bound, lost bandwidth or were rerouted,
 *                   ranked by severity, then by priority, then by bandwidth lost
 * @param elapsedNanos wall-clock time of the what-if
 */
public record WhatIfResult(Scenario scenario, TwinState before, TwinState after, List<FlowImpact> impacts,
                           long elapsedNanos) {

    public WhatIfResult {
        impacts = List.copyOf(impacts);
    }

    public Kpis kpisBefore() {
        return before.kpis();
    }

    public Kpis kpisAfter() {
        return after.kpis();
    }

    /** Impacts of at least the given severity (see {@link FlowImpact#severity()}). */
    public List<FlowImpact> impactsAtLeast(int severity) {
        return impacts.stream().filter(i -> i.severity() >= severity).toList();
    }
}
