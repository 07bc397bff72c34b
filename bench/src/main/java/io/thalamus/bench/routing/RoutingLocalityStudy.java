package io.thalamus.bench.routing;

import io.thalamus.sdnrouter.routing.LocalView;
import io.thalamus.sdnrouter.routing.PacketWalker;
import io.thalamus.sdnrouter.routing.PolicyEvaluator;
import io.thalamus.sdnrouter.routing.PolicyFile;
import io.thalamus.sdnrouter.routing.RoutingGraph;
import io.thalamus.sdnrouter.routing.RoutingMetrics;
import io.thalamus.sdnrouter.routing.RoutingPolicy;
import io.thalamus.sdnrouter.routing.UnitDiskGraphs;
import io.thalamus.sdnrouter.routing.UnitDiskSetting;
import io.thalamus.sdnrouter.routing.Walk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How much of the learned policy's loss on sparse graphs a local rule could avoid at all. Two
 * measurements on the validation grid's sparse settings (run seed {@link UnitDiskSetting#VALIDATION_SEED}):
 * (1) the accuracy of a k-hop "optimistic completion" oracle for k = 1..6: it knows the exact graph
 * within k hops (the neighbour tables of every node within k − 1 hops) and assumes a straight line
 * from the edge of that view to the destination; k = 2 is exactly what the learned policy's inputs
 * come from (own and neighbours' tables). (2) At the learned policy's first fatal decision of each
 * pair it fails (the first hop after which no completion stays within 1.05 × the shortest path),
 * whether the k-hop oracle in the same state would have picked a hop that keeps the pair within
 * 1.05. Usage: {@code RoutingLocalityStudy [OUTPUT_DIR] [GRAPHS_PER_SETTING]}; writes
 * {@code routing-locality.md}. With {@code RoutingLocalityStudy OUTPUT_DIR --evaluation-grid MAX_K}
 * it measures only (1), for k = 1..MAX_K, on the whole evaluation grid (the 16 settings,
 * 10 graphs each, run seed {@link UnitDiskSetting#EVALUATION_SEED}), and writes
 * {@code routing-locality-evaluation.md}: the accuracy a k-hop view reaches where the goal is measured.
 */
public final class RoutingLocalityStudy {

    private static final int MAX_K = 6;

    private RoutingLocalityStudy() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/routing");
        if (args.length > 2 && args[1].equals("--evaluation-grid")) {
            evaluationGrid(out, Integer.parseInt(args[2]));
            return;
        }
        int graphs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<UnitDiskSetting> settings = List.of(new UnitDiskSetting(25, 2, graphs), new UnitDiskSetting(50, 2, graphs),
                new UnitDiskSetting(50, 3, graphs), new UnitDiskSetting(100, 2, graphs), new UnitDiskSetting(100, 3, graphs));
        RoutingPolicy learned = PolicyFile.defaultPolicy();
        List<RoutingPolicy> policies = new ArrayList<>();
        policies.add(learned);
        for (int k = 1; k <= MAX_K; k++) {
            policies.add(new KHopOracle(k));
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        PolicyEvaluator.Report report = new PolicyEvaluator(policies).unitDisk(settings, UnitDiskSetting.VALIDATION_SEED);

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# How far a local rule can see: k-hop optimistic oracles on sparse unit-disk graphs%n%n"
                + "Produced by `io.thalamus.bench.routing.RoutingLocalityStudy` on the validation grid (run seed %d, %d graphs per setting). "
                + "`k-hop` knows the exact graph within k hops of the deciding node and assumes a straight line from the edge of that view "
                + "to the destination (A* with the Euclidean bound); the learned policy's inputs come from the 2-hop view.%n%n"
                + "## Accuracy (miss rate) by view radius%n%n", UnitDiskSetting.VALIDATION_SEED, graphs));
        accuracyTable(md, report, MAX_K, "**pooled**");

        md.append("\n## The learned policy's first fatal decision\n\n"
                + "For each pair the learned policy does not deliver within 1.05 × the shortest length: the first hop after which "
                + "no completion can stay within 1.05. Counted: how often the k-hop oracle, in the same state (same visited set), "
                + "would have chosen a hop that still allows 1.05.\n\n");
        md.append("| setting | failed pairs | fatal decisions found |");
        for (int k = 1; k <= MAX_K; k++) {
            md.append(" ").append(k).append("-hop would save |");
        }
        md.append("\n|---|---|---|").append("---|".repeat(MAX_K)).append("\n");
        long[] totals = new long[MAX_K + 2];
        for (UnitDiskSetting setting : settings) {
            long[] counts = new long[MAX_K + 2];
            for (int i = 0; i < setting.graphs(); i++) {
                RoutingGraph g = RoutingGraph.of(UnitDiskGraphs.generate(setting.nodes(), setting.density(),
                        UnitDiskGraphs.graphSeed(UnitDiskSetting.VALIDATION_SEED, setting.nodes(), setting.density(), i)), 1000);
                fatalDecisions(g, learned, counts);
            }
            md.append("| ").append(setting.label()).append(" | ").append(counts[0]).append(" | ").append(counts[1]).append(" |");
            for (int k = 1; k <= MAX_K; k++) {
                md.append(String.format(Locale.ROOT, " %.3f |", counts[1] == 0 ? 0.0 : counts[k + 1] / (double) counts[1]));
            }
            md.append("\n");
            for (int j = 0; j < counts.length; j++) {
                totals[j] += counts[j];
            }
        }
        md.append("| **pooled** | ").append(totals[0]).append(" | ").append(totals[1]).append(" |");
        for (int k = 1; k <= MAX_K; k++) {
            md.append(String.format(Locale.ROOT, " %.3f |", totals[k + 1] / (double) totals[1]));
        }
        md.append(String.format(Locale.ROOT, "%n1-minute load average at start: %.1f.%n", load));
        Files.createDirectories(out);
        Files.writeString(out.resolve("routing-locality.md"), md.toString());
        System.out.println(md);
    }

    private static void evaluationGrid(Path out, int maxK) throws Exception {
        List<RoutingPolicy> policies = new ArrayList<>();
        policies.add(PolicyFile.defaultPolicy());
        for (int k = 1; k <= maxK; k++) {
            policies.add(new KHopOracle(k));
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        PolicyEvaluator.Report report = new PolicyEvaluator(policies).unitDisk(UnitDiskSetting.standardGrid(),
                UnitDiskSetting.EVALUATION_SEED);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# k-hop optimistic oracles on the evaluation grid%n%n"
                + "Produced by `io.thalamus.bench.routing.RoutingLocalityStudy OUT --evaluation-grid %d` on the grid where the "
                + "routing goal is measured (run seed %d, 10 graphs per setting, all pairs). `k-hop` knows the exact graph within "
                + "k hops and assumes a straight line from the edge of that view to the destination; the learned policy's inputs "
                + "come from the 2-hop view. An oracle is a strong local rule, not a proven bound.%n%n"
                + "## Accuracy (miss rate) by view radius%n%n", maxK, UnitDiskSetting.EVALUATION_SEED));
        accuracyTable(md, report, maxK, "**overall**");
        md.append(String.format(Locale.ROOT, "%n1-minute load average at start: %.1f; run time %.0f s.%n", load,
                (System.nanoTime() - start) / 1e9));
        Files.createDirectories(out);
        Files.writeString(out.resolve("routing-locality-evaluation.md"), md.toString());
        System.out.println(md);
    }

    /** The accuracy (miss rate) table: one row per setting and one for all pairs, a column per policy. */
    private static void accuracyTable(StringBuilder md, PolicyEvaluator.Report report, int maxK, String totalLabel) {
        md.append("| setting | learned |");
        for (int k = 1; k <= maxK; k++) {
            md.append(" ").append(k).append("-hop |");
        }
        md.append("\n|---|---|").append("---|".repeat(maxK)).append("\n");
        for (PolicyEvaluator.SettingResult s : report.settings()) {
            row(md, s.setting(), s.byPolicy().values());
        }
        row(md, totalLabel, report.overall().values());
    }

    private static void row(StringBuilder md, String label, java.util.Collection<RoutingMetrics> metrics) {
        md.append("| ").append(label).append(" |");
        for (RoutingMetrics m : metrics) {
            md.append(String.format(Locale.ROOT, " %.3f (%.3f) |", m.accuracy(), m.missRate()));
        }
        md.append("\n");
    }

    /**
     * counts[0] += failed pairs, counts[1] += fatal decisions located, counts[k + 1] += those where
     * the k-hop oracle's choice in the same state is not fatal.
     */
    private static void fatalDecisions(RoutingGraph g, RoutingPolicy learned, long[] counts) {
        RoutingGraph.AllPairs sp = g.shortestPaths();
        PacketWalker walker = new PacketWalker(g, learned);
        List<RoutingPolicy> oracles = new ArrayList<>();
        for (int k = 1; k <= MAX_K; k++) {
            oracles.add(new KHopOracle(k).on(g));
        }
        RoutingPolicy bound = learned.on(g);
        int n = g.nodeCount();
        boolean[] visited = new boolean[n];
        for (int t = 0; t < n; t++) {
            for (int s = 0; s < n; s++) {
                double best = sp.distance()[t][s];
                if (s == t || best == Double.POSITIVE_INFINITY) {
                    continue;
                }
                Walk w = walker.walk(s, t);
                if (w.delivered() && w.length() <= 1.05 * best) {
                    continue;
                }
                counts[0]++;
                double limit = 1.05 * best;
                int[] nodes = w.nodes();
                Arrays.fill(visited, false);
                double length = 0;
                for (int i = 0; i < nodes.length; i++) {
                    int v = nodes[i];
                    visited[v] = true;
                    LocalView view = new LocalView(g, s, v, t, i == 0 ? -1 : nodes[i - 1], visited);
                    int slot = bound.choose(view);
                    if (!fatal(g, sp, v, slot, t, length, limit)) {
                        if (i + 1 < nodes.length) {
                            length += g.weight(v, g.slotOf(v, nodes[i + 1]));
                        }
                        continue;
                    }
                    counts[1]++;
                    for (int k = 1; k <= MAX_K; k++) {
                        int alt = oracles.get(k - 1).choose(view);
                        if (!fatal(g, sp, v, alt, t, length, limit)) {
                            counts[k + 1]++;
                        }
                    }
                    break;
                }
            }
        }
    }

    /** Whether going from v over {@code slot} (or stopping: slot -1) rules out arriving within {@code limit}. */
    private static boolean fatal(RoutingGraph g, RoutingGraph.AllPairs sp, int v, int slot, int t, double length, double limit) {
        if (slot < 0) {
            return true;
        }
        int u = g.neighbour(v, slot);
        return length + g.weight(v, slot) + sp.distance()[t][u] > limit * (1 + 1e-12);
    }

    /**
     * Knows the exact graph within k hops of the deciding node (the neighbour tables of every node
     * within k − 1 hops) and the visited set; scores each unvisited neighbour u by the cheapest
     * known path through u to a node at the edge of the view plus that node's straight-line
     * distance to the destination (exact when the destination is in view); lowest wins.
     */
    static final class KHopOracle implements RoutingPolicy {
        private final int k;
        private final RoutingGraph graph;
        private final int[] hop;
        private final double[] dist;
        private final int[] first;
        private final int[] queue;

        KHopOracle(int k) {
            this(k, null);
        }

        private KHopOracle(int k, RoutingGraph graph) {
            this.k = k;
            this.graph = graph;
            int n = graph == null ? 0 : graph.nodeCount();
            this.hop = new int[n];
            this.dist = new double[n];
            this.first = new int[n];
            this.queue = new int[n];
        }

        @Override
        public String name() {
            return k + "-hop";
        }

        @Override
        public boolean geographic() {
            return true;
        }

        @Override
        public RoutingPolicy on(RoutingGraph g) {
            g.requirePositions(name());
            return new KHopOracle(k, g);
        }

        @Override
        public int choose(LocalView view) {
            RoutingGraph g = graph;
            int v = view.current();
            int t = view.destination();
            for (int slot = 0; slot < view.neighbourCount(); slot++) {
                if (view.neighbour(slot) == t) {
                    return slot;
                }
            }
            // hop distances from v, up to k
            Arrays.fill(hop, Integer.MAX_VALUE);
            int head = 0;
            int tail = 0;
            hop[v] = 0;
            queue[tail++] = v;
            while (head < tail) {
                int a = queue[head++];
                if (hop[a] >= k) {
                    continue;
                }
                for (int j = 0; j < g.degree(a); j++) {
                    int b = g.neighbour(a, j);
                    if (hop[b] == Integer.MAX_VALUE) {
                        hop[b] = hop[a] + 1;
                        queue[tail++] = b;
                    }
                }
            }
            // Dijkstra from v over known links (one end within k - 1 hops), through unvisited nodes only
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(first, -1);
            boolean[] done = new boolean[g.nodeCount()];
            dist[v] = 0;
            double[] score = new double[view.neighbourCount()];
            Arrays.fill(score, Double.POSITIVE_INFINITY);
            while (true) {
                int a = -1;
                for (int i = 0; i < tail; i++) {
                    int c = queue[i];
                    if (!done[c] && dist[c] < Double.POSITIVE_INFINITY && (a < 0 || dist[c] < dist[a])) {
                        a = c;
                    }
                }
                if (a < 0) {
                    break;
                }
                done[a] = true;
                if (a != v) {
                    if (a == t) {
                        score[first[a]] = Math.min(score[first[a]], dist[a]);
                    } else if (hop[a] == k) {
                        score[first[a]] = Math.min(score[first[a]], dist[a] + g.distance(a, t));
                    }
                }
                if (hop[a] >= k || a == t) {
                    continue; // a's table is not in view (or the packet has arrived)
                }
                for (int j = 0; j < g.degree(a); j++) {
                    int b = g.neighbour(a, j);
                    if (view.visitedNode(b) || done[b]) {
                        continue;
                    }
                    double d = dist[a] + g.weight(a, j);
                    if (d < dist[b]) {
                        dist[b] = d;
                        first[b] = a == v ? j : first[a];
                    }
                }
            }
            int best = -1;
            for (int slot = 0; slot < score.length; slot++) {
                if (score[slot] < Double.POSITIVE_INFINITY && (best < 0 || score[slot] < score[best])) {
                    best = slot;
                }
            }
            if (best >= 0) {
                return best;
            }
            // nothing in view leads anywhere: closest unvisited neighbour, as greedy forwarding would
            for (int slot = 0; slot < view.neighbourCount(); slot++) {
                if (!view.visited(slot) && (best < 0 || view.neighbourToDestination(slot) < view.neighbourToDestination(best))) {
                    best = slot;
                }
            }
            return best;
        }
    }
}
