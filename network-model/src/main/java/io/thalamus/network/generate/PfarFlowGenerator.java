package io.thalamus.network.generate;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Semi-random flow sets for priority flow admission and routing (PFAR, López et al., arXiv 2009.10822).
 *
 * <ul>
 *   <li>Endpoints: an ordered pair of distinct nodes drawn uniformly, redrawn until the destination is
 *       reachable from the source.</li>
 *   <li>Bandwidth shape: uniform in [1, {@code spread}] (so the largest flow is at most {@code spread} times
 *       the smallest), then every flow is scaled by one common factor to meet the load factor.</li>
 *   <li>Priority: uniform over the classes 0 .. {@code priorityClasses - 1} (higher = more important); value 1.</li>
 *   <li>Load factor: {@code rho = sum over flows of bandwidth x (links on its shortest path by IGP weight)
 *       / sum over directed links of capacity}, i.e. the share of the network's total capacity that
 *       shortest-path routing of every flow would consume. rho &gt; 1 means the flows cannot all be carried on
 *       shortest paths (and, on networks where shortest paths are also min-hop, on any paths).</li>
 * </ul>
 *
 * @param flows           number of flows
 * @param priorityClasses number of priority classes, at least 1
 * @param spread          largest over smallest bandwidth before scaling, at least 1
 * @param loadFactor      the target rho, positive
 */
public record PfarFlowGenerator(int flows, int priorityClasses, double spread, double loadFactor) {

    public PfarFlowGenerator {
        if (flows < 1) {
            throw new IllegalArgumentException("flows must be >= 1, got " + flows);
        }
        if (priorityClasses < 1) {
            throw new IllegalArgumentException("priorityClasses must be >= 1, got " + priorityClasses);
        }
        if (!(spread >= 1) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("spread must be >= 1, got " + spread);
        }
        if (!(loadFactor > 0) || Double.isInfinite(loadFactor)) {
            throw new IllegalArgumentException("loadFactor must be positive, got " + loadFactor);
        }
    }

    /** The load factor of {@code flowSet} on {@code topology} by the definition above. */
    public static double loadFactor(Topology topology, List<Flow> flowSet) {
        ShortestPaths sp = new ShortestPaths(topology);
        Map<String, ShortestPaths.Tree> trees = new HashMap<>();
        double used = 0;
        for (Flow f : flowSet) {
            Path p = path(sp, trees, f.source(), f.destination());
            used += f.bandwidthBps() * p.hops();
        }
        return used / totalCapacity(topology);
    }

    /** A flow set on {@code topology}; the same seed always gives the same flows. */
    public List<Flow> generate(Topology topology, long seed) {
        if (topology.nodeCount() < 2 || topology.linkCount() == 0) {
            throw new IllegalArgumentException("topology '" + topology.name() + "' needs at least 2 nodes and a link");
        }
        SplittableRandom random = new SplittableRandom(seed);
        ShortestPaths sp = new ShortestPaths(topology);
        Map<String, ShortestPaths.Tree> trees = new HashMap<>();
        int n = topology.nodeCount();
        String[] src = new String[flows];
        String[] dst = new String[flows];
        double[] raw = new double[flows];
        int[] prio = new int[flows];
        double used = 0;
        for (int f = 0; f < flows; f++) {
            Path p = null;
            for (int attempt = 0; attempt < 10_000 && p == null; attempt++) {
                int s = random.nextInt(n);
                int d = random.nextInt(n - 1);
                if (d >= s) {
                    d++;
                }
                String sId = topology.nodes().get(s).id();
                String dId = topology.nodes().get(d).id();
                ShortestPaths.Tree tree = trees.computeIfAbsent(sId, k -> sp.tree(s, null, null));
                if (tree.reaches(d)) {
                    src[f] = sId;
                    dst[f] = dId;
                    p = sp.pathTo(tree, d).orElseThrow();
                }
            }
            if (p == null) {
                throw new IllegalArgumentException("topology '" + topology.name() + "' has too few connected node pairs");
            }
            raw[f] = 1 + random.nextDouble() * (spread - 1);
            prio[f] = random.nextInt(priorityClasses);
            used += raw[f] * p.hops();
        }
        double scale = loadFactor * totalCapacity(topology) / used;
        List<Flow> out = new ArrayList<>(flows);
        for (int f = 0; f < flows; f++) {
            out.add(Flow.of("f" + f, src[f], dst[f], raw[f] * scale, prio[f]));
        }
        return List.copyOf(out);
    }

    private static Path path(ShortestPaths sp, Map<String, ShortestPaths.Tree> trees, String s, String d) {
        Topology t = sp.topology();
        ShortestPaths.Tree tree = trees.computeIfAbsent(s, k -> sp.tree(t.indexOfNode(s), null, null));
        return sp.pathTo(tree, t.indexOfNode(d)).orElseThrow(
                () -> new IllegalArgumentException("no path from " + s + " to " + d + " in topology '" + t.name() + "'"));
    }

    private static double totalCapacity(Topology topology) {
        double c = 0;
        for (Link l : topology.links()) {
            c += l.capacityBps();
        }
        return c;
    }
}
