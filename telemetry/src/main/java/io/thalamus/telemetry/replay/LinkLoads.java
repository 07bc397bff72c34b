package io.thalamus.telemetry.replay;

import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficMatrix;
import io.thalamus.network.traffic.TrafficSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-link load of a traffic series routed over a topology: every measured origin-destination cell of
 * every step placed on the IGP shortest path (one Dijkstra tree per source) and summed per directed link.
 * Missing cells (NaN) add nothing; pairs whose nodes the topology lacks, or that it cannot connect, are
 * counted in {@link #unroutedPairs()}.
 */
public final class LinkLoads {

    private final Topology topology;
    private final List<java.time.Instant> times;
    private final double[][] loads;
    private final int unroutedPairs;

    private LinkLoads(Topology topology, List<java.time.Instant> times, double[][] loads, int unroutedPairs) {
        this.topology = topology;
        this.times = times;
        this.loads = loads;
        this.unroutedPairs = unroutedPairs;
    }

    /** Routes {@code series} over {@code topology}. */
    public static LinkLoads route(Topology topology, TrafficSeries series) {
        List<String> nodes = series.nodes();
        int n = nodes.size();
        ShortestPaths sp = new ShortestPaths(topology);
        // linksOf[i][j]: link indices of the path from node i to node j of the series, null if none
        int[][][] linksOf = new int[n][n][];
        int unrouted = 0;
        for (int i = 0; i < n; i++) {
            if (!topology.hasNode(nodes.get(i))) {
                unrouted += n - 1;
                continue;
            }
            ShortestPaths.Tree tree = sp.tree(topology.indexOfNode(nodes.get(i)), null, null);
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                if (!topology.hasNode(nodes.get(j))) {
                    unrouted++;
                    continue;
                }
                Optional<io.thalamus.network.path.Path> p = sp.pathTo(tree, topology.indexOfNode(nodes.get(j)));
                if (p.isEmpty()) {
                    unrouted++;
                    continue;
                }
                List<Link> ls = p.get().links();
                int[] idx = new int[ls.size()];
                for (int k = 0; k < idx.length; k++) {
                    idx[k] = topology.indexOfLink(ls.get(k).id());
                }
                linksOf[i][j] = idx;
            }
        }
        double[][] loads = new double[series.size()][topology.linkCount()];
        for (int t = 0; t < series.size(); t++) {
            TrafficMatrix m = series.matrix(t);
            double[] row = loads[t];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int[] path = linksOf[i][j];
                    if (path == null) {
                        continue;
                    }
                    double v = m.get(i, j);
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    for (int l : path) {
                        row[l] += v;
                    }
                }
            }
        }
        return new LinkLoads(topology, List.copyOf(new ArrayList<>(series.times())), loads, unrouted);
    }

    public Topology topology() {
        return topology;
    }

    /** Number of steps. */
    public int steps() {
        return loads.length;
    }

    /** Time of step {@code t} in the series. */
    public java.time.Instant time(int t) {
        return times.get(t);
    }

    /** Load in bit/s of link index {@code link} at step {@code t}. */
    public double load(int t, int link) {
        return loads[t][link];
    }

    /** The first {@code n} steps (all when {@code n} is larger). */
    public LinkLoads firstSteps(int n) {
        int k = Math.min(n, loads.length);
        return new LinkLoads(topology, times.subList(0, k), java.util.Arrays.copyOf(loads, k), unroutedPairs);
    }

    /** Origin-destination pairs that could not be placed on the topology. */
    public int unroutedPairs() {
        return unroutedPairs;
    }
}
