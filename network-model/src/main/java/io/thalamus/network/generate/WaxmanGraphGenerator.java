package io.thalamus.network.generate;

import io.thalamus.network.topology.AppliedDefault;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Waxman random graphs (Waxman 1988): {@code N} nodes uniform in a square of side {@code side}; each pair
 * u, v at distance d is linked with probability {@code beta * exp(-d / (alpha * L))}, L = the largest
 * possible distance (side x sqrt 2). Larger beta gives more links; larger alpha gives relatively more long ones.
 * Nodes {@code n0..} are planar; links {@code w<i>-<j>} have weight = length, delay = length as km / 200
 * per ms, capacity {@code capacityBps}.
 *
 * @param nodes       N, at least 2
 * @param alpha       in (0, 1]
 * @param beta        in (0, 1]
 * @param side        side of the square (length units read as km)
 * @param capacityBps capacity of every link in bit/s
 */
public record WaxmanGraphGenerator(int nodes, double alpha, double beta, double side, double capacityBps) {

    public WaxmanGraphGenerator {
        if (nodes < 2) {
            throw new IllegalArgumentException("nodes must be >= 2, got " + nodes);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        if (!(beta > 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in (0, 1], got " + beta);
        }
        if (!(side > 0) || Double.isInfinite(side)) {
            throw new IllegalArgumentException("side must be positive, got " + side);
        }
        if (!(capacityBps > 0) || Double.isInfinite(capacityBps)) {
            throw new IllegalArgumentException("capacityBps must be positive, got " + capacityBps);
        }
    }

    /** A Waxman generator over a 1000 x 1000 square with 10 Gbit/s links. */
    public static WaxmanGraphGenerator of(int nodes, double alpha, double beta) {
        return new WaxmanGraphGenerator(nodes, alpha, beta, 1000.0, UnitDiskGraphGenerator.DEFAULT_CAPACITY_BPS);
    }

    /** Probability that two nodes at distance {@code d} are linked. */
    public double linkProbability(double d) {
        return beta * Math.exp(-d / (alpha * side * Math.sqrt(2)));
    }

    /** One graph; the same seed always gives the same graph. It may be disconnected. */
    public Topology generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Node> ns = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            ns.add(Node.planar("n" + i, random.nextDouble() * side, random.nextDouble() * side));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            for (int j = i + 1; j < nodes; j++) {
                // one draw per pair, in a fixed order, so the graph depends on the seed alone
                double u = random.nextDouble();
                if (u < linkProbability(PlanarLinks.distance(ns.get(i), ns.get(j)))) {
                    PlanarLinks.addPair(links, "w" + i + "-" + j, ns.get(i), ns.get(j), capacityBps);
                }
            }
        }
        return new Topology("waxman N=" + nodes + " alpha=" + alpha + " beta=" + beta + " seed=" + seed, ns, links, List.of(),
                List.of(new AppliedDefault("capacityBps", "generator constant " + capacityBps + " bit/s", links.size()),
                        new AppliedDefault("propagationDelayMs", "Euclidean length as km / 200 km per ms", links.size())));
    }
}
