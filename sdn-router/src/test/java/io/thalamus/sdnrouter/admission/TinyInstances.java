package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded random small topologies and flow sets for the admission tests. */
final class TinyInstances {

    private TinyInstances() {
    }

    /** A connected random topology: a random spanning tree plus extra links, both directions, integer capacities and weights. */
    static Topology topology(long seed, int nodes, int extraLinks, int minCap, int maxCap) {
        Random r = new Random(seed);
        List<Node> ns = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ns.add(new Node("n" + i, "n" + i, null, Double.NaN, Double.NaN));
        }
        List<Link> links = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (int i = 1; i < nodes; i++) {
            addBoth(links, pairs, i, r.nextInt(i), r, minCap, maxCap);
        }
        for (int tries = 0; tries < 100 && extraLinks > 0; tries++) {
            int a = r.nextInt(nodes);
            int b = r.nextInt(nodes);
            if (a != b && addBoth(links, pairs, a, b, r, minCap, maxCap)) {
                extraLinks--;
            }
        }
        return new Topology("tiny-" + seed, ns, links);
    }

    private static boolean addBoth(List<Link> links, Set<String> pairs, int a, int b, Random r, int minCap, int maxCap) {
        String key = Math.min(a, b) + "-" + Math.max(a, b);
        if (!pairs.add(key)) {
            return false;
        }
        double cap = minCap + r.nextInt(maxCap - minCap + 1);
        double w = 1 + r.nextInt(4);
        String id = "L" + key;
        links.add(new Link(id + ":n" + a + "-n" + b, id, "n" + a, "n" + b, cap, 1, w, null));
        links.add(new Link(id + ":n" + b + "-n" + a, id, "n" + b, "n" + a, cap, 1, w, null));
        return true;
    }

    /** Random flows with integer bandwidths in [1, maxBw], priorities 0..classes-1, values 1 or 2 when {@code values}. */
    static List<Flow> flows(long seed, Topology t, int count, int maxBw, int classes, boolean values) {
        Random r = new Random(seed * 31 + 7);
        List<Flow> flows = new ArrayList<>();
        int n = t.nodeCount();
        while (flows.size() < count) {
            int s = r.nextInt(n);
            int d = r.nextInt(n);
            if (s == d) {
                continue;
            }
            double v = values ? 1 + r.nextInt(2) : 1;
            flows.add(new Flow("f" + flows.size(), "n" + s, "n" + d, 1 + r.nextInt(maxBw), r.nextInt(classes), null, null, v));
        }
        return flows;
    }
}
