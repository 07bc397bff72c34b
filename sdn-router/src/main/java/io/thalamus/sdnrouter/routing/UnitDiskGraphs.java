package io.thalamus.sdnrouter.routing;

import io.thalamus.network.generate.UnitDiskGraphGenerator;
import io.thalamus.network.topology.Topology;

import java.util.SplittableRandom;

/**
 * The unit-disk graphs routing is trained and evaluated on, from network-model's
 * {@link UnitDiskGraphGenerator} (N nodes uniform in a square of side sqrt(N·R²/density), a link
 * between nodes within R, weight = Euclidean length), plus the seed derivation that makes a whole
 * evaluation grid reproducible from one run seed.
 */
public final class UnitDiskGraphs {

    /** The radio range the paper uses. */
    public static final double DEFAULT_RANGE = UnitDiskGraphGenerator.R;

    private UnitDiskGraphs() {
    }

    /** Side of the square that holds {@code nodes} nodes at the given density. */
    public static double side(int nodes, double density, double range) {
        return new UnitDiskGraphGenerator(nodes, density, range, UnitDiskGraphGenerator.DEFAULT_CAPACITY_BPS).side();
    }

    /** A unit-disk graph with range {@link #DEFAULT_RANGE}. */
    public static Topology generate(int nodes, double density, long seed) {
        return generate(nodes, density, DEFAULT_RANGE, seed);
    }

    /** A unit-disk graph (possibly disconnected); the same arguments give the same graph. */
    public static Topology generate(int nodes, double density, double range, long seed) {
        return new UnitDiskGraphGenerator(nodes, density, range, UnitDiskGraphGenerator.DEFAULT_CAPACITY_BPS).generate(seed);
    }

    /**
     * The seed of the {@code index}-th graph of a setting, derived from a run seed so that every
     * (N, density, index) gets its own stream and the whole grid is reproducible.
     */
    public static long graphSeed(long runSeed, int nodes, double density, int index) {
        long h = runSeed;
        h = h * 0x9E3779B97F4A7C15L + nodes;
        h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(density);
        h = h * 0x9E3779B97F4A7C15L + index;
        return new SplittableRandom(h).nextLong();
    }

    static String formatDensity(double density) {
        return density == Math.rint(density) ? Long.toString((long) density) : Double.toString(density);
    }
}
