package io.thalamus.sdnrouter.controller;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.topology.Topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The set-up of a throughput-fidelity run on the lab: one 1 Mbit/s flow per host pair, each on its shortest
 * path, keyed by flow id {@code SRC-DST}, with the paths (for the twin's prediction) and the endpoints (for iperf3).
 */
public record ThroughputScenario(Map<Flow, Path> admitted, Map<String, Path> paths, Map<String, String[]> endpoints) {

    /** Flows between the given {@code {source, destination}} node pairs on their shortest paths by weight. */
    public static ThroughputScenario shortestPaths(Topology topology, String[][] pairs) {
        ShortestPaths sp = new ShortestPaths(topology);
        Map<Flow, Path> admitted = new LinkedHashMap<>();
        Map<String, Path> paths = new LinkedHashMap<>();
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        for (String[] p : pairs) {
            Flow f = Flow.of(p[0] + "-" + p[1], p[0], p[1], 1e6, 1);
            Path path = sp.shortest(p[0], p[1]).orElseThrow(
                    () -> new IllegalArgumentException("no path from " + p[0] + " to " + p[1]));
            admitted.put(f, path);
            paths.put(f.id(), path);
            endpoints.put(f.id(), p);
        }
        return new ThroughputScenario(Collections.unmodifiableMap(admitted), Collections.unmodifiableMap(paths),
                Collections.unmodifiableMap(endpoints));
    }
}
