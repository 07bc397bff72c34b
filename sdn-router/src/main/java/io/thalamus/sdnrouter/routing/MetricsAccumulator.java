package io.thalamus.sdnrouter.routing;

import java.util.Arrays;

/** Collects walks into {@link RoutingMetrics}; one accumulator per setting, not thread-safe. */
public final class MetricsAccumulator {

    private int graphs;
    private long pairs;
    private long accurate;
    private long missed;
    private long hops;
    private double[] stretches = new double[1024];
    private int delivered;

    /** Counts one more graph. */
    public void addGraph() {
        graphs++;
    }

    /** Records one pair's walk against its shortest-path length. */
    public void add(Walk walk, double shortest) {
        pairs++;
        if (!walk.delivered()) {
            missed++;
            return;
        }
        double stretch = shortest > 0 ? walk.length() / shortest : 1.0;
        if (walk.length() <= shortest * RoutingMetrics.ACCURACY_TOLERANCE * (1 + 1e-12)) {
            accurate++;
        }
        hops += walk.hops();
        if (delivered == stretches.length) {
            stretches = Arrays.copyOf(stretches, delivered * 2);
        }
        stretches[delivered++] = stretch;
    }

    /** Adds everything another accumulator collected. */
    public void addAll(MetricsAccumulator other) {
        graphs += other.graphs;
        pairs += other.pairs;
        accurate += other.accurate;
        missed += other.missed;
        hops += other.hops;
        if (delivered + other.delivered > stretches.length) {
            stretches = Arrays.copyOf(stretches, Math.max(stretches.length * 2, delivered + other.delivered));
        }
        System.arraycopy(other.stretches, 0, stretches, delivered, other.delivered);
        delivered += other.delivered;
    }

    /** The metrics so far. */
    public RoutingMetrics result(String setting) {
        double mean = Double.NaN;
        double p95 = Double.NaN;
        if (delivered > 0) {
            double[] sorted = Arrays.copyOf(stretches, delivered);
            Arrays.sort(sorted);
            double sum = 0;
            for (double s : sorted) {
                sum += s;
            }
            mean = sum / delivered;
            p95 = sorted[(int) Math.ceil(0.95 * delivered) - 1];
        }
        return new RoutingMetrics(setting, graphs, pairs,
                pairs == 0 ? Double.NaN : (double) accurate / pairs,
                pairs == 0 ? Double.NaN : (double) missed / pairs,
                mean, p95, delivered == 0 ? Double.NaN : (double) hops / delivered);
    }
}
