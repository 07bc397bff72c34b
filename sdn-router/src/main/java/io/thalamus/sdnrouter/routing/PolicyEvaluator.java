package io.thalamus.sdnrouter.routing;

import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures policies side by side on the same graphs: every ordered source-destination pair that
 * is connected, walked by each policy and compared with the shortest path by link weight
 * (accuracy within 5%, miss rate, stretch, hops). Unit-disk families are generated from a run
 * seed ({@link UnitDiskGraphs#graphSeed}); real topologies are taken as given.
 */
public final class PolicyEvaluator {

    private final List<RoutingPolicy> policies;

    /** @throws IllegalArgumentException when no policy is given or two share a name */
    public PolicyEvaluator(List<RoutingPolicy> policies) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy is needed");
        }
        if (policies.stream().map(RoutingPolicy::name).distinct().count() != policies.size()) {
            throw new IllegalArgumentException("policy names must differ: " + policies.stream().map(RoutingPolicy::name).toList());
        }
        this.policies = List.copyOf(policies);
    }

    /** One setting's metrics, by policy name in the evaluator's order. */
    public record SettingResult(String setting, Map<String, RoutingMetrics> byPolicy) {
    }

    /**
     * Results per setting and pooled over all pairs of all settings.
     *
     * @param skipped graphs left out, with the reason (e.g. a node without coordinates)
     */
    public record Report(List<SettingResult> settings, Map<String, RoutingMetrics> overall, Map<String, String> skipped) {
    }

    /** Adds every connected pair of {@code graph}, walked by each policy, to {@code into} (one per policy). */
    public void evaluate(RoutingGraph graph, MetricsAccumulator[] into) {
        RoutingGraph.AllPairs shortest = graph.shortestPaths();
        int n = graph.nodeCount();
        for (int p = 0; p < policies.size(); p++) {
            PacketWalker walker = new PacketWalker(graph, policies.get(p));
            into[p].addGraph();
            for (int t = 0; t < n; t++) {
                double[] toT = shortest.distance()[t];
                for (int s = 0; s < n; s++) {
                    if (s != t && toT[s] < Double.POSITIVE_INFINITY) {
                        into[p].add(walker.walk(s, t), toT[s]);
                    }
                }
            }
        }
    }

    /** Every setting's graphs, generated from {@code seed}, R = 1000. */
    public Report unitDisk(List<UnitDiskSetting> settings, long seed) {
        MetricsAccumulator[] total = accumulators();
        List<SettingResult> results = new ArrayList<>();
        for (UnitDiskSetting setting : settings) {
            MetricsAccumulator[] acc = accumulators();
            for (int i = 0; i < setting.graphs(); i++) {
                Topology t = UnitDiskGraphs.generate(setting.nodes(), setting.density(),
                        UnitDiskGraphs.graphSeed(seed, setting.nodes(), setting.density(), i));
                evaluate(RoutingGraph.of(t, UnitDiskGraphs.DEFAULT_RANGE), acc);
            }
            results.add(collect(setting.label(), acc, total));
        }
        return new Report(results, overall(total), Map.of());
    }

    /** Each topology as its own setting, R = its longest link (see {@link RoutingGraph#of(Topology)}). */
    public Report topologies(List<Topology> topologies, Map<String, String> skipped) {
        MetricsAccumulator[] total = accumulators();
        List<SettingResult> results = new ArrayList<>();
        for (Topology t : topologies) {
            MetricsAccumulator[] acc = accumulators();
            evaluate(RoutingGraph.of(t), acc);
            results.add(collect(t.name(), acc, total));
        }
        return new Report(results, overall(total), Map.copyOf(skipped));
    }

    private SettingResult collect(String label, MetricsAccumulator[] acc, MetricsAccumulator[] total) {
        Map<String, RoutingMetrics> by = new LinkedHashMap<>();
        for (int p = 0; p < policies.size(); p++) {
            by.put(policies.get(p).name(), acc[p].result(label));
            total[p].addAll(acc[p]);
        }
        return new SettingResult(label, by);
    }

    private Map<String, RoutingMetrics> overall(MetricsAccumulator[] total) {
        Map<String, RoutingMetrics> by = new LinkedHashMap<>();
        for (int p = 0; p < policies.size(); p++) {
            by.put(policies.get(p).name(), total[p].result("overall"));
        }
        return by;
    }

    private MetricsAccumulator[] accumulators() {
        MetricsAccumulator[] acc = new MetricsAccumulator[policies.size()];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = new MetricsAccumulator();
        }
        return acc;
    }
}
