package io.thalamus.network.generate;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Semi-random flow sets for priority flow admission and routing (PFAR, López et al., arXiv 2009.10822).
 *
 * <ul>
 *   <li>Endpoints: an ordered pair of distinct nodes drawn uniformly, redrawn until the destination is
 *       reachable from the source.</li>
 *   <li>Bandwidth shape: uniform in [1, {@code spread}], then every flow is scaled by one common factor so
 *       the load factor is met; each bandwidth is then rounded to three significant digits of that scale so
 *       it is exactly representable (integer-scaled solvers such as CP-SAT need this).</li>
 *   <li>Priority: uniform over the classes 0 .. {@code priorityClasses - 1} (higher = more important); value 1.</li>
 *   <li>Load factor, with every flow on its shortest path by IGP weight ({@link LoadMeasure}):
 *       {@code PEAK} = utilisation of the busiest link (the admission benchmark's default: 1.2 means the
 *       busiest link would carry 1.2 times its capacity); {@code MEAN} = sum over flows of
 *       bandwidth x hops divided by the total capacity of all directed links (a much heavier overload at
 *       the same number).</li>
 * </ul>
 *
 * @param flows           number of flows, at least 1
 * @param priorityClasses number of priority classes, 1..1000
 * @param spread          largest over smallest bandwidth before scaling, at least 1
 * @param loadFactor      the target load factor, positive
 * @param measure         what the load factor measures
 */
public record PfarFlowGenerator(int flows, int priorityClasses, double spread, double loadFactor, LoadMeasure measure) {

    /** Default number of priority classes. */
    public static final int DEFAULT_PRIORITIES = 3;
    /** Default load factor. */
    public static final double DEFAULT_LOAD_FACTOR = 1.2;
    /** Default bandwidth spread (largest over smallest before scaling). */
    public static final double DEFAULT_SPREAD = 10;

    /** What the load factor measures, with every flow on its shortest path. */
    public enum LoadMeasure {
        /** Utilisation of the busiest link. */
        PEAK,
        /** Carried bandwidth x hops over the total capacity of all directed links. */
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

    public PfarFlowGenerator {
        if (flows < 1) {
            throw new IllegalArgumentException("count: expected a number of flows >= 1, got " + flows);
        }
        if (priorityClasses < 1 || priorityClasses > 1000) {
            throw new IllegalArgumentException("priorities: expected a number of classes in 1..1000, got " + priorityClasses);
        }
        if (!(spread >= 1) || Double.isInfinite(spread)) {
            throw new IllegalArgumentException("spread must be >= 1, got " + spread);
        }
        if (!(loadFactor > 0) || Double.isInfinite(loadFactor)) {
            throw new IllegalArgumentException("load factor: expected a positive number, got " + loadFactor);
        }
        if (measure == null) {
            throw new IllegalArgumentException("load measure: expected peak or mean");
        }
    }

    /** A generator whose load factor is the {@link LoadMeasure#MEAN} one. */
    public PfarFlowGenerator(int flows, int priorityClasses, double spread, double loadFactor) {
        this(flows, priorityClasses, spread, loadFactor, LoadMeasure.MEAN);
    }

    /** {@code count} flows with spread 10 and the {@link LoadMeasure#PEAK} load factor. */
    public static List<Flow> generate(Topology topology, int count, long seed, double loadFactor, int priorities) {
        return generate(topology, count, seed, loadFactor, priorities, LoadMeasure.PEAK);
    }

    /** {@code count} flows with spread 10 and the given load measure. */
    public static List<Flow> generate(Topology topology, int count, long seed, double loadFactor, int priorities,
                                      LoadMeasure measure) {
        return new PfarFlowGenerator(count, priorities, DEFAULT_SPREAD, loadFactor, measure).generate(topology, seed);
    }

    /** The {@link LoadMeasure#MEAN} load factor of {@code flowSet} on {@code topology}. */
    public static double loadFactor(Topology topology, List<Flow> flowSet) {
        return loadFactor(topology, flowSet, LoadMeasure.MEAN);
    }

    /** The load factor of {@code flowSet} on {@code topology}, every flow on its shortest path. */
    public static double loadFactor(Topology topology, List<Flow> flowSet, LoadMeasure measure) {
        ShortestPaths sp = new ShortestPaths(topology);
        Map<String, ShortestPaths.Tree> trees = new HashMap<>();
        double[] load = new double[topology.linkCount()];
        for (Flow f : flowSet) {
            for (Link l : path(sp, trees, f.source(), f.destination()).links()) {
                load[topology.indexOfLink(l.id())] += f.bandwidthBps();
            }
        }
        return measured(topology, load, measure);
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
        double[] rawLoad = new double[topology.linkCount()];
        for (int f = 0; f < flows; f++) {
            Path p = null;
            for (int attempt = 0; attempt < 10_000 && p == null; attempt++) {
                int s = random.nextInt(n);
                int d = random.nextInt(n - 1);
                if (d >= s) {
                    d++;
                }
                String sId = topology.nodes().get(s).id();
                ShortestPaths.Tree tree = trees.computeIfAbsent(sId, k -> sp.tree(s, null, null));
                if (tree.reaches(d)) {
                    src[f] = sId;
                    dst[f] = topology.nodes().get(d).id();
                    p = sp.pathTo(tree, d).orElseThrow();
                }
            }
            if (p == null) {
                throw new IllegalArgumentException("topology '" + topology.name() + "' has too few connected node pairs");
            }
            raw[f] = 1 + random.nextDouble() * (spread - 1);
            prio[f] = random.nextInt(priorityClasses);
            for (Link l : p.links()) {
                rawLoad[topology.indexOfLink(l.id())] += raw[f];
            }
        }
        double scale = loadFactor / measured(topology, rawLoad, measure);
        double quantum = Math.pow(10, Math.floor(Math.log10(scale)) - 2);
        int width = Integer.toString(flows).length();
        List<Flow> out = new ArrayList<>(flows);
        for (int f = 0; f < flows; f++) {
            double bw = Math.max(1, Math.round(raw[f] * scale / quantum)) * quantum;
            // Re-parse through a decimal string so the value carries no binary noise.
            bw = Double.parseDouble(String.format(Locale.ROOT, "%.12g", bw));
            out.add(Flow.of("f" + String.format(Locale.ROOT, "%0" + width + "d", f + 1), src[f], dst[f], bw, prio[f]));
        }
        return List.copyOf(out);
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
        List<Flow> out = new ArrayList<>();
        for (var d : topology.demands()) {
            int p = rnd.nextInt(priorities);
            if (d.valueBps() > 0 && !d.source().equals(d.target())) {
                out.add(Flow.of(d.id(), d.source(), d.target(), d.valueBps(), p));
            }
        }
        return List.copyOf(out);
    }

    private static double measured(Topology topology, double[] linkLoad, LoadMeasure measure) {
        double value = 0;
        double capacity = 0;
        for (int l = 0; l < linkLoad.length; l++) {
            double c = topology.links().get(l).capacityBps();
            switch (measure) {
                case PEAK -> value = Math.max(value, linkLoad[l] / c);
                case MEAN -> {
                    value += linkLoad[l];
                    capacity += c;
                }
            }
        }
        return measure == LoadMeasure.PEAK ? value : value / capacity;
    }

    private static Path path(ShortestPaths sp, Map<String, ShortestPaths.Tree> trees, String s, String d) {
        Topology t = sp.topology();
        ShortestPaths.Tree tree = trees.computeIfAbsent(s, k -> sp.tree(t.indexOfNode(s), null, null));
        return sp.pathTo(tree, t.indexOfNode(d)).orElseThrow(
                () -> new IllegalArgumentException("no path from " + s + " to " + d + " in topology '" + t.name() + "'"));
    }
}
