package io.thalamus.sdnrouter.routing;

import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small hand-drawn graphs for routing tests. */
final class RoutingFixtures {

    private RoutingFixtures() {
    }

    /** A planar graph from "id x y" node lines and "a-b" links; weights are Euclidean lengths. */
    static Topology drawn(String name, List<String> nodeLines, List<String> edges) {
        List<Node> nodes = new ArrayList<>();
        java.util.Map<String, double[]> pos = new java.util.HashMap<>();
        for (String line : nodeLines) {
            String[] p = line.trim().split("\\s+");
            double x = Double.parseDouble(p[1]);
            double y = Double.parseDouble(p[2]);
            nodes.add(Node.planar(p[0], x, y));
            pos.put(p[0], new double[] {x, y});
        }
        List<Link> links = new ArrayList<>();
        for (String e : edges) {
            String[] ab = e.split("-");
            double[] a = pos.get(ab[0]);
            double[] b = pos.get(ab[1]);
            double w = Math.hypot(a[0] - b[0], a[1] - b[1]);
            links.add(new Link(TopologyJson.directedId(e, ab[0], ab[1]), e, ab[0], ab[1], 1e9, 1, w, Set.of()));
            links.add(new Link(TopologyJson.directedId(e, ab[1], ab[0]), e, ab[1], ab[0], 1e9, 1, w, Set.of()));
        }
        return new Topology(name, nodes, links);
    }

    /** A quickly trained policy (smaller than the default) for tests that need any learned policy. */
    static TrainingConfig quickConfig(long seed) {
        return new TrainingConfig(seed, 50, 5.0, 1000, 3, FeatureSet.STRETCH, 16, 0.01, 150, 32, 0.003, 1, 20, 40, 0,
                CandidateRule.PROGRESS_FIRST, 0, 0.1);
    }
}
