package io.thalamus.intent.execution;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Chooses which flows to admit and on which candidate path, under residual link capacities. */
@FunctionalInterface
public interface AdmissionStrategy {

    /**
     * The admitted flows and their paths.
     *
     * @param residual free capacity per directed link id, in bit/s
     */
    Map<String, Path> admit(Topology topology, List<Flow> flows, Map<String, List<Path>> candidates,
                            Map<String, Double> residual);

    /**
     * First fit by priority (highest first, then smallest bandwidth): each flow takes its first candidate
     * path with room and within its delay bound. The default when no solver serves.
     */
    static AdmissionStrategy greedy() {
        return (topology, flows, candidates, residual) -> {
            Map<String, Double> free = new HashMap<>(residual);
            Map<String, Path> out = new HashMap<>();
            List<Flow> order = flows.stream().sorted(Comparator.comparingInt(Flow::priority).reversed()
                    .thenComparingDouble(Flow::bandwidthBps)).toList();
            for (Flow f : order) {
                for (Path p : candidates.getOrDefault(f.id(), List.of())) {
                    if (f.maxDelayMs() != null && p.propagationDelayMs() > f.maxDelayMs()) {
                        continue;
                    }
                    boolean fits = p.links().stream().allMatch(l -> free.getOrDefault(l.id(), 0.0) >= f.bandwidthBps());
                    if (fits) {
                        for (Link l : p.links()) {
                            free.merge(l.id(), -f.bandwidthBps(), Double::sum);
                        }
                        out.put(f.id(), p);
                        break;
                    }
                }
            }
            return out;
        };
    }
}
