package io.thalamus.twin.scenario;

import io.thalamus.twin.core.NetworkTwin;
import io.thalamus.twin.core.TwinModel;
import io.thalamus.twin.sim.FlowState;
import io.thalamus.twin.sim.TwinState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs scenarios on a fork of a twin and compares the result with the twin as it is. */
public final class WhatIf {

    private static final double LOSS_TOLERANCE = 1e-6;

    private WhatIf() {
    }

    /** Runs {@code scenario} on a fork of {@code twin}; the live twin is never changed. */
    public static WhatIfResult run(NetworkTwin twin, Scenario scenario) {
        long t0 = System.nanoTime();
        NetworkTwin fork = twin.fork();
        TwinState before = fork.state();
        TwinModel after = scenario.applyTo(fork.model(), fork.routing());
        TwinState afterState = fork.simulate(after.withVersion(before.version() + 1));
        List<FlowImpact> impacts = diff(before, afterState);
        return new WhatIfResult(scenario, before, afterState, impacts, System.nanoTime() - t0);
    }

    /** Applies {@code scenario} to the live twin (after a what-if approved it) and returns the result. */
    public static WhatIfResult apply(NetworkTwin twin, Scenario scenario) {
        long t0 = System.nanoTime();
        TwinState before = twin.state();
        TwinState afterState = twin.update(m -> scenario.applyTo(m, twin.routing()));
        return new WhatIfResult(scenario, before, afterState, diff(before, afterState), System.nanoTime() - t0);
    }

    /** Flows present in both states that got worse or moved, worst first. */
    public static List<FlowImpact> diff(TwinState before, TwinState after) {
        List<FlowImpact> out = new ArrayList<>();
        for (FlowState a : after.flows()) {
            FlowState b = before.flow(a.flowId()).orElse(null);
            if (b == null) {
                continue;
            }
            boolean disconnected = !b.disconnected() && a.disconnected();
            boolean broken = !b.delayBoundBroken() && a.delayBoundBroken();
            // Lost bandwidth is the growth of the shortfall against demand, so a flow scaled up that gets
            // more throughput but not all it asks for still counts as losing.
            double shortfallBefore = b.demandBps() - b.throughputBps();
            double shortfallAfter = a.demandBps() - a.throughputBps();
            double lostBps = Math.max(0, shortfallAfter - shortfallBefore);
            if (lostBps <= LOSS_TOLERANCE * Math.max(1, b.demandBps())) {
                lostBps = 0;
            }
            boolean rerouted = !b.pathLinkIds().equals(a.pathLinkIds());
            if (disconnected || broken || lostBps > 0 || rerouted) {
                out.add(new FlowImpact(a.flowId(), a.priority(), disconnected, broken, lostBps, rerouted,
                        b.throughputBps(), a.throughputBps(), b.delayMs(), a.delayMs(), b.pathLinkIds(), a.pathLinkIds()));
            }
        }
        out.sort(Comparator.comparingInt(FlowImpact::severity).reversed()
                .thenComparing(Comparator.comparingInt(FlowImpact::priority).reversed())
                .thenComparing(Comparator.comparingDouble(FlowImpact::bandwidthLostBps).reversed())
                .thenComparing(FlowImpact::flowId));
        return out;
    }
}
