package io.thalamus.network.path;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Shortest paths on a {@link Topology}: Dijkstra (single pair and single source) and Yen's k shortest
 * simple paths. Link costs default to the IGP weight; ties are broken by link index so results are
 * deterministic.
 */
public final class ShortestPaths {

    private final Topology topology;
    private final double[] cost;

    /** Shortest paths by IGP weight. */
    public ShortestPaths(Topology topology) {
        this(topology, Link::weight);
    }

    /** Shortest paths by an arbitrary non-negative link cost. */
    public ShortestPaths(Topology topology, ToDoubleFunction<Link> linkCost) {
        this.topology = topology;
        this.cost = new double[topology.linkCount()];
        for (int i = 0; i < cost.length; i++) {
            double c = linkCost.applyAsDouble(topology.links().get(i));
            if (!(c >= 0)) {
                throw new IllegalArgumentException("link cost must be >= 0, got " + c + " for " + topology.links().get(i).id());
            }
            cost[i] = c;
        }
    }

    public Topology topology() {
        return topology;
    }

    /** Single-source tree: for every node, distance and the link used to reach it. */
    public record Tree(int source, double[] distance, int[] viaLink) {

        /** Whether node {@code target} is reachable. */
        public boolean reaches(int target) {
            return distance[target] < Double.POSITIVE_INFINITY;
        }
    }

    /** Dijkstra from {@code source}, skipping banned links and banned nodes (either may be null). */
    public Tree tree(int source, boolean[] bannedLinks, boolean[] bannedNodes) {
        int n = topology.nodeCount();
        double[] dist = new double[n];
        int[] via = new int[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
        dist[source] = 0;
        boolean[] done = new boolean[n];
        PriorityQueue<long[]> pq = new PriorityQueue<>((a, b) -> {
            int c = Double.compare(Double.longBitsToDouble(a[0]), Double.longBitsToDouble(b[0]));
            return c != 0 ? c : Long.compare(a[1], b[1]);
        });
        pq.add(new long[] {Double.doubleToLongBits(0.0), source});
        List<Link> links = topology.links();
        while (!pq.isEmpty()) {
            long[] top = pq.poll();
            int v = (int) top[1];
            if (done[v]) {
                continue;
            }
            done[v] = true;
            for (int li : topology.outLinkIndices(v)) {
                if (bannedLinks != null && bannedLinks[li]) {
                    continue;
                }
                int u = topology.indexOfNode(links.get(li).target());
                if (done[u] || (bannedNodes != null && bannedNodes[u])) {
                    continue;
                }
                double nd = dist[v] + cost[li];
                if (nd < dist[u] || (nd == dist[u] && via[u] >= 0 && li < via[u])) {
                    dist[u] = nd;
                    via[u] = li;
                    pq.add(new long[] {Double.doubleToLongBits(nd), u});
                }
            }
        }
        return new Tree(source, dist, via);
    }

    /** Dijkstra from every node reaching {@code target} (reverse search), for next-hop tables. */
    public Tree reverseTree(int target, boolean[] bannedLinks) {
        int n = topology.nodeCount();
        double[] dist = new double[n];
        int[] via = new int[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
        dist[target] = 0;
        boolean[] done = new boolean[n];
        PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]) != 0
                ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        pq.add(new double[] {0, target});
        List<Link> links = topology.links();
        while (!pq.isEmpty()) {
            double[] top = pq.poll();
            int v = (int) top[1];
            if (done[v]) {
                continue;
            }
            done[v] = true;
            for (int li : topology.inLinkIndices(v)) {
                if (bannedLinks != null && bannedLinks[li]) {
                    continue;
                }
                int u = topology.indexOfNode(links.get(li).source());
                if (done[u]) {
                    continue;
                }
                double nd = dist[v] + cost[li];
                if (nd < dist[u] || (nd == dist[u] && via[u] >= 0 && li < via[u])) {
                    dist[u] = nd;
                    via[u] = li;
                    pq.add(new double[] {nd, u});
                }
            }
        }
        // In a reverse tree, viaLink[u] is the first link of u's shortest path toward the target.
        return new Tree(target, dist, via);
    }

    /** The path from the tree's source to {@code target}, if reachable. */
    public Optional<Path> pathTo(Tree tree, int target) {
        if (!tree.reaches(target) || target == tree.source()) {
            return Optional.empty();
        }
        LinkedList<Link> hops = new LinkedList<>();
        int v = target;
        while (v != tree.source()) {
            Link l = topology.links().get(tree.viaLink()[v]);
            hops.addFirst(l);
            v = topology.indexOfNode(l.source());
        }
        return Optional.of(new Path(hops));
    }

    /** The cheapest path between two nodes, or empty when none exists. */
    public Optional<Path> shortest(String source, String target) {
        return shortest(source, target, null);
    }

    /** The cheapest path avoiding banned links (by index; may be null). */
    public Optional<Path> shortest(String source, String target, boolean[] bannedLinks) {
        int s = topology.indexOfNode(source);
        int t = topology.indexOfNode(target);
        return pathTo(tree(s, bannedLinks, null), t);
    }

    /** Cost of a path under this instance's link costs. */
    public double cost(Path p) {
        double c = 0;
        for (Link l : p.links()) {
            c += cost[topology.indexOfLink(l.id())];
        }
        return c;
    }

    /** Yen's algorithm: up to {@code k} loop-free paths in non-decreasing cost order. */
    public List<Path> kShortest(String source, String target, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        List<Path> result = new ArrayList<>();
        Optional<Path> first = shortest(source, target);
        if (first.isEmpty()) {
            return result;
        }
        result.add(first.get());
        PriorityQueue<Candidate> candidates = new PriorityQueue<>();
        Set<List<String>> seen = new HashSet<>();
        seen.add(first.get().linkIds());
        long order = 0;
        int m = topology.linkCount();
        while (result.size() < k) {
            Path last = result.get(result.size() - 1);
            List<Link> lastLinks = last.links();
            for (int i = 0; i < lastLinks.size(); i++) {
                String spur = lastLinks.get(i).source();
                List<Link> root = lastLinks.subList(0, i);
                boolean[] bannedLinks = new boolean[m];
                for (Path p : result) {
                    if (p.links().size() > i && p.links().subList(0, i).equals(root)) {
                        bannedLinks[topology.indexOfLink(p.links().get(i).id())] = true;
                    }
                }
                boolean[] bannedNodes = new boolean[topology.nodeCount()];
                for (Link l : root) {
                    bannedNodes[topology.indexOfNode(l.source())] = true;
                }
                Tree t = tree(topology.indexOfNode(spur), bannedLinks, bannedNodes);
                Optional<Path> spurPath = pathTo(t, topology.indexOfNode(target));
                if (spurPath.isEmpty()) {
                    continue;
                }
                List<Link> total = new ArrayList<>(root);
                total.addAll(spurPath.get().links());
                Path candidate = new Path(total);
                if (seen.add(candidate.linkIds())) {
                    candidates.add(new Candidate(candidate, cost(candidate), order++));
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            result.add(candidates.poll().path());
        }
        return result;
    }

    private record Candidate(Path path, double cost, long order) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            int c = Double.compare(cost, o.cost);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(path.hops(), o.path.hops());
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
