package io.thalamus.network.generate;

import io.thalamus.network.topology.AppliedDefault;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Unit-disk random geometric graphs as in Chen, Lin and Arora (arXiv 2308.09829): {@code N} nodes uniform
 * in a square of side {@code sqrt(N R^2 / density)}, an undirected link between every two nodes at most
 * {@code R} apart, weight = Euclidean length. {@code density} is thus the number of nodes per {@code R^2} of
 * area; the expected degree of a node far from the border is {@code pi * density * (N-1)/N}, and over the
 * whole square {@code (N-1) * F(R/L)} with {@code F(r) = pi r^2 - 8/3 r^3 + r^4/2} (two uniform points of the
 * unit square within distance r, r &lt;= 1).
 *
 * <p>Nodes {@code n0..n<N-1>} have planar x/y (no geographic location). Links {@code u<i>-<j>} (i &lt; j) get
 * {@link #capacityBps()} and a delay of length / 200 ms (length read as km over fibre, so R = 1000 is 5 ms).
 *
 * @param nodes       N, at least 2
 * @param density     nodes per R^2 of area, positive
 * @param radius      R, the connection radius (the paper: 1000)
 * @param capacityBps capacity of every link in bit/s
 */
public record UnitDiskGraphGenerator(int nodes, double density, double radius, double capacityBps) {

    /** The paper's connection radius. */
    public static final double R = 1000.0;
    /** Default link capacity: 10 Gbit/s. */
    public static final double DEFAULT_CAPACITY_BPS = 10e9;

    public UnitDiskGraphGenerator {
        if (nodes < 2) {
            throw new IllegalArgumentException("nodes must be >= 2, got " + nodes);
        }
        if (!(density > 0) || Double.isInfinite(density)) {
            throw new IllegalArgumentException("density must be positive, got " + density);
        }
        if (!(radius > 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be positive, got " + radius);
        }
        if (!(capacityBps > 0) || Double.isInfinite(capacityBps)) {
            throw new IllegalArgumentException("capacityBps must be positive, got " + capacityBps);
        }
    }

    /** The paper's setting: R = 1000, 10 Gbit/s links. */
    public static UnitDiskGraphGenerator of(int nodes, double density) {
        return new UnitDiskGraphGenerator(nodes, density, R, DEFAULT_CAPACITY_BPS);
    }

    /** Side of the square the nodes are placed in. */
    public double side() {
        return Math.sqrt(nodes * radius * radius / density);
    }

    /** Expected mean degree over the square, from the distance distribution of two uniform points. */
    public double expectedMeanDegree() {
        double r = radius / side();
        if (r > 1) {
            throw new IllegalStateException("expected degree formula holds for R <= side only (density <= N)");
        }
        return (nodes - 1) * (Math.PI * r * r - 8.0 / 3.0 * r * r * r + 0.5 * r * r * r * r);
    }

    /** One graph; the same seed always gives the same graph. It may be disconnected. */
    public Topology generate(long seed) {
        return build(new SplittableRandom(seed), "unit-disk N=" + nodes + " density=" + density + " seed=" + seed);
    }

    /**
     * A connected graph: draws graphs from one random stream seeded by {@code seed} until one is connected
     * (deterministic for the seed). @throws IllegalStateException after {@code maxAttempts} disconnected draws
     */
    public Topology generateConnected(long seed, int maxAttempts) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < maxAttempts; i++) {
            Topology t = build(random, "unit-disk N=" + nodes + " density=" + density + " seed=" + seed + " draw=" + i);
            if (t.components().size() == 1) {
                return t;
            }
        }
        throw new IllegalStateException("no connected unit-disk graph with N=" + nodes + ", density=" + density
                + " in " + maxAttempts + " draws (raise the density)");
    }

    private Topology build(SplittableRandom random, String name) {
        double side = side();
        List<Node> ns = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            ns.add(Node.planar("n" + i, random.nextDouble() * side, random.nextDouble() * side));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            for (int j = i + 1; j < nodes; j++) {
                if (PlanarLinks.distance(ns.get(i), ns.get(j)) <= radius) {
                    PlanarLinks.addPair(links, "u" + i + "-" + j, ns.get(i), ns.get(j), capacityBps);
                }
            }
        }
        return new Topology(name, ns, links, List.of(), List.of(
                new AppliedDefault("capacityBps", "generator constant " + capacityBps + " bit/s", links.size()),
                new AppliedDefault("propagationDelayMs", "Euclidean length as km / 200 km per ms", links.size())));
    }
}
