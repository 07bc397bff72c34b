package io.thalamus.intent.execution;

import io.thalamus.intent.model.Expectation;
import io.thalamus.intent.model.Intent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Evaluates an intent's expectations (and its flows' own delay bounds) against twin KPIs. */
public final class Expectations {

    private Expectations() {
    }

    /**
     * One check per expectation, then one per flow whose delay bound the twin breaks.
     *
     * @param flows     the intent's routed flows
     * @param requested how many flows the intent asked for (for admitted-ratio)
     * @param zones     flow id → {adequate, desired} throughput for satisfaction; flows without one use throughput / rate
     */
    public static List<ExpectationCheck> check(Intent intent, TwinKpis kpis, Collection<RoutedFlow> flows, int requested,
                                               Map<String, double[]> zones) {
        List<ExpectationCheck> out = new ArrayList<>();
        for (Expectation e : intent.expectations()) {
            double actual;
            String where = null;
            switch (e.metric()) {
                case MAX_LINK_UTILIZATION -> {
                    actual = kpis.maxLinkUtilization();
                    where = kpis.busiestLink();
                }
                case DELAY_MS -> {
                    actual = 0;
                    for (RoutedFlow r : flows) {
                        FlowKpi k = kpis.flows().get(r.flow().id());
                        if (k != null && k.delayMs() >= actual) {
                            actual = k.delayMs();
                            where = r.flow().id();
                        }
                    }
                }
                case THROUGHPUT_BPS -> {
                    actual = flows.isEmpty() ? 0 : Double.POSITIVE_INFINITY;
                    for (RoutedFlow r : flows) {
                        FlowKpi k = kpis.flows().get(r.flow().id());
                        if (k != null && k.throughputBps() < actual) {
                            actual = k.throughputBps();
                            where = r.flow().id();
                        }
                    }
                }
                case LOSS -> {
                    actual = 0;
                    for (RoutedFlow r : flows) {
                        FlowKpi k = kpis.flows().get(r.flow().id());
                        if (k != null && k.loss() > actual) {
                            actual = k.loss();
                            where = r.flow().id();
                        }
                    }
                }
                case ADMITTED_RATIO -> actual = requested == 0 ? 1.0 : (double) flows.size() / requested;
                case SATISFACTION -> {
                    actual = flows.isEmpty() ? 0 : 1.0;
                    for (RoutedFlow r : flows) {
                        FlowKpi k = kpis.flows().get(r.flow().id());
                        if (k == null) {
                            continue;
                        }
                        double[] z = zones.get(r.flow().id());
                        double s = z == null ? Math.min(1.0, k.throughputBps() / r.flow().bandwidthBps())
                                : Math.max(0, Math.min(1, (k.throughputBps() - z[0]) / (z[1] - z[0])));
                        if (s < actual) {
                            actual = s;
                            where = r.flow().id();
                        }
                    }
                }
                default -> throw new IllegalStateException("unhandled metric " + e.metric());
            }
            boolean holds = e.op().holds(actual, e.target());
            out.add(new ExpectationCheck(e.metric().wire(), e.op().symbol(), e.target(), actual, holds,
                    actual - e.target(), where));
        }
        for (RoutedFlow r : flows) {
            Double bound = r.flow().maxDelayMs();
            FlowKpi k = kpis.flows().get(r.flow().id());
            if (bound != null && k != null) {
                out.add(new ExpectationCheck("flow-delay-ms", "<=", bound, k.delayMs(), k.delayMs() <= bound,
                        k.delayMs() - bound, r.flow().id()));
            }
        }
        return out;
    }
}
