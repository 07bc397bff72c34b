package io.thalamus.sdnrouter.admission;

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
 * PFAR-style semi-random flow sets (after López et al.): each flow joins a uniformly drawn ordered pair of
 * distinct nodes with a route between them, has a priority drawn uniformly from 0..P-1, value 1, and a raw
 * size uniform in [1, 10]. Sizes are then scaled by one common factor so that, with every flow on its
 * shortest path by weight, the chosen {@link LoadMeasure} equals {@code loadFactor}: the peak link
 * utilisation (default: the busiest link carries loadFactor times its capacity) or the mean one (total
 * bandwidth x hops over total capacity of all directed links, a much heavier overload). Each bandwidth is
 * rounded to three significant decimals of that scale so it stays exactly representable for CP-SAT. Same
 * topology, count, seed and settings give the same flows.
 */
public final class PfarFlowGenerator {

    /** Default number of priority classes. */
    public static final int DEFAULT_PRIORITIES = 3;
    /** Default load factor. */
    public static final double DEFAULT_LOAD_FACTOR = 1.2;

    private PfarFlowGenerator() {
    }

    /** What the load factor measures, with every flow on its shortest path. */
    public enum LoadMeasure {
        /** Utilisation of the busiest link. */
        PEAK,
        /** Carried bandwidth-hops over the total capacity of all directed links. */
        MEAN;

        /** Parses {@code peak} or {@code mean}. */
        public static LoadMeasure parse(String text) {
            for (LoadMeasure m : values()) {
                if (m.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("load measure: expected peak or mean, got '" + text + "'");
        }
    }

    /** Flows with the {@link LoadMeasure#PEAK} load measure. */
    public static List<Flow> generate(Topology topology, int count, long seed, double loadFactor, int priorities) {
        return generate(topology, count, seed, loadFactor, priorities, LoadMeasure.PEAK);
    }

    /**
     * Generates {@code count} flows.
     *
     * @throws IllegalArgumentException when count, load factor or priorities are out of range, or no pair of nodes is connected
     */
    public static List<Flow> generate(Topology topology, int count, long seed, double loadFactor, int priorities,
                                      LoadMeasure measure) {
        if (count < 0) {
            throw new IllegalArgumentException("count: expected a number of flows >= 0, got " + count);
        }
        if (!(loadFactor > 0) || Double.isInfinite(loadFactor)) {
            throw new IllegalArgumentException("load factor: expected a positive number, got " + loadFactor);
        }
        if (priorities < 1 || priorities > 1000) {
            throw new IllegalArgumentException("priorities: expected a number of classes in 1..1000, got " + priorities);
        }
        if (topology.nodeCount() < 2) {
            throw new IllegalArgumentException("topology '" + topology.name() + "' needs at least two nodes to carry flows");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        ShortestPaths sp = new ShortestPaths(topology);
        Map<String, Path> shortest = new HashMap<>();
        double[] rawLinkLoad = new double[topology.linkCount()];
        List<String[]> pairs = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Integer> prio = new ArrayList<>();
        double offeredRaw = 0;
        int nodes = topology.nodeCount();
        int failures = 0;
        while (pairs.size() < count) {
            String s = topology.nodes().get(rnd.nextInt(nodes)).id();
            String d = topology.nodes().get(rnd.nextInt(nodes)).id();
            if (s.equals(d)) {
                continue;
            }
            Path path = shortest.computeIfAbsent(s + "\u0000" + d, k -> sp.shortest(s, d).orElse(null));
            if (path == null) {
                if (++failures > 100_000) {
                    throw new IllegalArgumentException("topology '" + topology.name() + "' has no connected pair of nodes");
                }
                continue;
            }
            double r = 1 + 9 * rnd.nextDouble();
            pairs.add(new String[] {s, d});
            raw.add(r);
            prio.add(rnd.nextInt(priorities));
            offeredRaw += r * path.hops();
            for (Link l : path.links()) {
                rawLinkLoad[topology.indexOfLink(l.id())] += r;
            }
        }
        double scale;
        if (measure == LoadMeasure.MEAN) {
            double capacity = topology.links().stream().mapToDouble(Link::capacityBps).sum();
            scale = count == 0 ? 1 : loadFactor * capacity / offeredRaw;
        } else {
            double peak = 0;
            for (int l = 0; l < rawLinkLoad.length; l++) {
                peak = Math.max(peak, rawLinkLoad[l] / topology.links().get(l).capacityBps());
            }
            scale = count == 0 ? 1 : loadFactor / peak;
        }
        double quantum = Math.pow(10, Math.floor(Math.log10(scale)) - 2);
        int width = Integer.toString(Math.max(1, count)).length();
        List<Flow> flows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double bw = Math.max(1, Math.round(raw.get(i) * scale / quantum)) * quantum;
            // Re-parse through a decimal string so the value has no binary noise.
            bw = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", bw));
            String id = "f" + String.format("%0" + width + "d", i + 1);
            flows.add(Flow.of(id, pairs.get(i)[0], pairs.get(i)[1], bw, prio.get(i)));
        }
        return List.copyOf(flows);
    }

    /**
     * One flow per demand of the topology (bandwidth = demand value, demands of value 0 skipped), with a
     * priority drawn uniformly from 0..P-1 by {@code seed}.
     */
    public static List<Flow> fromDemands(Topology topology, long seed, int priorities) {
        if (priorities < 1 || priorities > 1000) {
            throw new IllegalArgumentException("priorities: expected a number of classes in 1..1000, got " + priorities);
        }
        if (topology.demands().isEmpty()) {
            throw new IllegalArgumentException("topology '" + topology.name() + "' lists no demands");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Flow> flows = new ArrayList<>();
        for (var d : topology.demands()) {
            int p = rnd.nextInt(priorities);
            if (d.valueBps() > 0 && !d.source().equals(d.target())) {
                flows.add(Flow.of(d.id(), d.source(), d.target(), d.valueBps(), p));
            }
        }
        return List.copyOf(flows);
    }
}
