package io.thalamus.twin.replay;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficSeries;
import io.thalamus.twin.sim.FlowSimulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Steps a measured {@link TrafficSeries} through the twin: every origin-destination pair is routed once by
 * the {@link RoutingFunction} (as a static IGP would), then each interval's matrix is spread over those
 * routes to give per-link utilisation; intervals where a link exceeds the threshold are flagged.
 * Series nodes are matched to topology nodes by id, then by name, then case-insensitively.
 */
public final class Replay {

    private final Topology topology;
    private final RoutingFunction routing;

    /** A replay over {@code topology} with routes from {@code routing}. */
    public Replay(Topology topology, RoutingFunction routing) {
        this.topology = topology;
        this.routing = routing;
    }

    /** Replays every interval of {@code series}, flagging intervals with a link above {@code threshold}. */
    public ReplayResult run(TrafficSeries series, double threshold) {
        long t0 = System.nanoTime();
        List<String> seriesNodes = series.nodes();
        int n = seriesNodes.size();
        String[] match = new String[n];
        for (int i = 0; i < n; i++) {
            match[i] = match(seriesNodes.get(i));
        }
        List<Flow> pairs = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                if (match[i] == null || match[j] == null || match[i].equals(match[j])) {
                    skipped++;
                    continue;
                }
                pairs.add(Flow.of(i + ">" + j, match[i], match[j], 1, 0));
                cells.add(i * n + j);
            }
        }
        Map<String, Path> routes = routing.route(topology, pairs);
        int routed = 0;
        int[] cellOf = new int[pairs.size()];
        int[][] linksOf = new int[pairs.size()][];
        for (int k = 0; k < pairs.size(); k++) {
            Path p = routes.get(pairs.get(k).id());
            if (p == null) {
                skipped++;
                continue;
            }
            cellOf[routed] = cells.get(k);
            linksOf[routed] = FlowSimulator.linkIndices(topology, p);
            routed++;
        }
        int nl = topology.linkCount();
        double[] inverseCapacity = new double[nl];
        for (int l = 0; l < nl; l++) {
            inverseCapacity[l] = 1 / topology.links().get(l).capacityBps();
        }
        int steps = series.size();
        double[][] util = new double[steps][];
        List<ReplayResult.Flag> flags = new ArrayList<>();
        long missing = 0;
        for (int t = 0; t < steps; t++) {
            double[] cellsT = series.matrix(t).toArray();
            double[] load = new double[nl];
            for (int k = 0; k < routed; k++) {
                double v = cellsT[cellOf[k]];
                if (Double.isNaN(v)) {
                    missing++;
                    continue;
                }
                for (int l : linksOf[k]) {
                    load[l] += v;
                }
            }
            double max = -1;
            int worst = -1;
            int above = 0;
            for (int l = 0; l < nl; l++) {
                double u = load[l] * inverseCapacity[l];
                load[l] = u;
                if (u > max) {
                    max = u;
                    worst = l;
                }
                if (u > threshold) {
                    above++;
                }
            }
            util[t] = load;
            if (above > 0) {
                flags.add(new ReplayResult.Flag(t, series.time(t), topology.links().get(worst).id(), max, above));
            }
        }
        List<String> ids = topology.links().stream().map(l -> l.id()).toList();
        return new ReplayResult(ids, series.times(), util, threshold, flags, routed, skipped, missing, System.nanoTime() - t0);
    }

    private String match(String seriesNode) {
        if (topology.hasNode(seriesNode)) {
            return seriesNode;
        }
        Map<String, String> byName = new HashMap<>();
        for (Node node : topology.nodes()) {
            byName.putIfAbsent(node.name(), node.id());
            byName.putIfAbsent(node.id().toLowerCase(Locale.ROOT), node.id());
            byName.putIfAbsent(node.name().toLowerCase(Locale.ROOT), node.id());
        }
        String m = byName.get(seriesNode);
        return m != null ? m : byName.get(seriesNode.toLowerCase(Locale.ROOT));
    }
}
