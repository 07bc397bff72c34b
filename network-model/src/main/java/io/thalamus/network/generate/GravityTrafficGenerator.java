package io.thalamus.network.generate;

import io.thalamus.network.traffic.TrafficMatrix;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Gravity-model traffic matrices: {@code T[i][j] = total * out[i] * in[j] / S} for i != j, with S the sum of
 * {@code out[i] * in[j]} over all i != j, so the off-diagonal cells sum to {@code total} exactly and the
 * diagonal is 0. The random form draws {@code out} and {@code in} independently from Exp(1), the simple
 * traffic-matrix synthesis of Roughan (CCR 2005); the deterministic form takes given node masses for both.
 */
public final class GravityTrafficGenerator {

    private GravityTrafficGenerator() {
    }

    /** A random gravity matrix over {@code nodes} with off-diagonal total {@code totalBps}; reproducible by seed. */
    public static TrafficMatrix random(List<String> nodes, double totalBps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = nodes.size();
        double[] out = new double[n];
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = exponential(random);
        }
        for (int i = 0; i < n; i++) {
            in[i] = exponential(random);
        }
        return gravity(nodes, out, in, totalBps);
    }

    /** A gravity matrix from node masses (e.g. population or attached capacity), used for both ends. */
    public static TrafficMatrix fromMasses(List<String> nodes, double[] masses, double totalBps) {
        return gravity(nodes, masses, masses, totalBps);
    }

    private static TrafficMatrix gravity(List<String> nodes, double[] out, double[] in, double totalBps) {
        int n = nodes.size();
        if (n < 2) {
            throw new IllegalArgumentException("a traffic matrix needs at least 2 nodes, got " + n);
        }
        if (out.length != n || in.length != n) {
            throw new IllegalArgumentException("need one mass per node: " + n + " nodes, " + out.length + " masses");
        }
        if (!(totalBps >= 0) || Double.isInfinite(totalBps)) {
            throw new IllegalArgumentException("totalBps must be >= 0, got " + totalBps);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (!(out[i] >= 0) || !(in[i] >= 0)) {
                throw new IllegalArgumentException("node masses must be >= 0 (node " + nodes.get(i) + ")");
            }
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    s += out[i] * in[j];
                }
            }
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("node masses give no traffic between distinct nodes");
        }
        double[] cells = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cells[i * n + j] = i == j ? 0 : totalBps * out[i] * in[j] / s;
            }
        }
        return new TrafficMatrix(nodes, cells);
    }

    private static double exponential(SplittableRandom random) {
        return -Math.log(1.0 - random.nextDouble());
    }
}
