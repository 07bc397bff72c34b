package io.thalamus.bench.admission;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded synthetic backbones for the admission benchmark: nodes uniform in the unit square, a Euclidean
 * minimum spanning tree (so the graph is connected) plus links from every node to its nearest neighbours
 * until the average degree reaches about 3.5, as in typical backbone topologies. Every link is
 * bidirectional with a capacity drawn from {1, 2.5, 10} Gbit/s and an integer weight proportional to its
 * length (1..142).
 */
final class PfarTopologies {

    private PfarTopologies() {
    }

    static Topology generate(int nodes, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + nodes);
        double[] x = new double[nodes];
        double[] y = new double[nodes];
        List<Node> ns = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            x[i] = r.nextDouble();
            y[i] = r.nextDouble();
            ns.add(new Node("v" + i, "v" + i, null, x[i], y[i]));
        }
        Set<String> pairs = new HashSet<>();
        List<Link> links = new ArrayList<>();
        boolean[] in = new boolean[nodes];
        double[] best = new double[nodes];
        int[] from = new int[nodes];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        for (int step = 0; step < nodes; step++) {
            int u = -1;
            for (int v = 0; v < nodes; v++) {
                if (!in[v] && (u < 0 || best[v] < best[u])) {
                    u = v;
                }
            }
            in[u] = true;
            if (step > 0) {
                add(links, pairs, u, from[u], x, y, r);
            }
            for (int v = 0; v < nodes; v++) {
                double d = Math.hypot(x[u] - x[v], y[u] - y[v]);
                if (!in[v] && d < best[v]) {
                    best[v] = d;
                    from[v] = u;
                }
            }
        }
        int target = (int) Math.round(nodes * 3.5 / 2);
        for (int round = 1; pairs.size() < target && round < nodes; round++) {
            for (int u = 0; u < nodes && pairs.size() < target; u++) {
                int finalU = u;
                Integer[] order = new Integer[nodes];
                for (int v = 0; v < nodes; v++) {
                    order[v] = v;
                }
                java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.hypot(x[finalU] - x[a], y[finalU] - y[a]),
                        Math.hypot(x[finalU] - x[b], y[finalU] - y[b])));
                if (round < nodes) {
                    add(links, pairs, u, order[round], x, y, r);
                }
            }
        }
        return new Topology("pfar-" + nodes + "-s" + seed, ns, links);
    }

    private static void add(List<Link> links, Set<String> pairs, int a, int b, double[] x, double[] y, SplittableRandom r) {
        if (a == b || !pairs.add(Math.min(a, b) + "-" + Math.max(a, b))) {
            return;
        }
        double[] caps = {1e9, 2.5e9, 10e9};
        double cap = caps[r.nextInt(caps.length)];
        double w = 1 + Math.round(100 * Math.hypot(x[a] - x[b], y[a] - y[b]));
        String id = "e" + Math.min(a, b) + "_" + Math.max(a, b);
        links.add(new Link(id + ":v" + a + "-v" + b, id, "v" + a, "v" + b, cap, 1, w, null));
        links.add(new Link(id + ":v" + b + "-v" + a, id, "v" + b, "v" + a, cap, 1, w, null));
    }
}
