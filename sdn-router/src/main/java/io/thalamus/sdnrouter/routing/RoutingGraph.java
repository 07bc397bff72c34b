package io.thalamus.sdnrouter.routing;

import io.thalamus.network.path.ShortestPaths;
import io.thalamus.network.topology.GeoPoint;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A topology prepared for hop-by-hop routing: dense node indices (the topology's), every node's
 * neighbours with the cheapest link to each, planar node positions and the range R that
 * normalises distances. Positions come from the nodes' planar coordinates when all have them,
 * else from an {@link EquirectangularProjection} of their geographic locations (km) when all have
 * those; otherwise the graph has no positions and geographic policies refuse it. R defaults to the
 * longest link's planar length.
 */
public final class RoutingGraph {

    private final Topology topology;
    private final double[] x;
    private final double[] y;
    private final String unpositionedNode;
    private final double range;
    private final int[] offset;
    private final int[] neighbour;
    private final double[] weight;
    private final int[] link;
    private final double[] planarLength;
    private volatile AllPairs allPairs;
    private volatile boolean[] gabriel;
    /** Per node, its two-hop ball as a bit set (lazy; read by three-hop views only). */
    private final java.util.concurrent.atomic.AtomicReferenceArray<long[]> twoHopBalls;

    private RoutingGraph(Topology topology, Double givenRange) {
        this.topology = topology;
        int n = topology.nodeCount();
        this.twoHopBalls = new java.util.concurrent.atomic.AtomicReferenceArray<>(n);
        this.x = new double[n];
        this.y = new double[n];
        this.unpositionedNode = position(topology, x, y);
        List<Link> links = topology.links();
        this.offset = new int[n + 1];
        List<int[]> adjacency = new ArrayList<>();
        int total = 0;
        for (int v = 0; v < n; v++) {
            int[] out = topology.outLinkIndices(v);
            // cheapest link per neighbour, neighbours in index order so every decision is deterministic
            int[] best = new int[n];
            Arrays.fill(best, -1);
            int count = 0;
            for (int li : out) {
                int u = topology.indexOfNode(links.get(li).target());
                if (best[u] < 0) {
                    count++;
                    best[u] = li;
                } else if (links.get(li).weight() < links.get(best[u]).weight()) {
                    best[u] = li;
                }
            }
            int[] row = new int[count];
            int k = 0;
            for (int u = 0; u < n && k < count; u++) {
                if (best[u] >= 0) {
                    row[k++] = best[u];
                }
            }
            adjacency.add(row);
            total += count;
        }
        this.neighbour = new int[total];
        this.weight = new double[total];
        this.link = new int[total];
        this.planarLength = new double[total];
        int k = 0;
        double longest = 0;
        for (int v = 0; v < n; v++) {
            offset[v] = k;
            for (int li : adjacency.get(v)) {
                Link l = links.get(li);
                neighbour[k] = topology.indexOfNode(l.target());
                weight[k] = l.weight();
                link[k] = li;
                planarLength[k] = planarDistance(x[v], y[v], x[neighbour[k]], y[neighbour[k]]);
                if (unpositionedNode == null) {
                    longest = Math.max(longest, planarLength[k]);
                }
                k++;
            }
        }
        offset[n] = k;
        if (givenRange != null) {
            if (!(givenRange > 0) || givenRange.isInfinite()) {
                throw new IllegalArgumentException("range must be a positive number, got " + givenRange);
            }
            this.range = givenRange;
        } else {
            this.range = unpositionedNode != null ? Double.NaN : (longest > 0 ? longest : 1.0);
        }
    }

    /**
     * Node v, its neighbours and theirs, as a bit set over node indices (never to be written): static
     * topology that v keeps from its neighbours' hellos, so it is built once per node, not per decision.
     * Two threads may both build it; they build the same set.
     */
    long[] twoHopBall(int v) {
        long[] set = twoHopBalls.get(v);
        if (set == null) {
            set = new long[(nodeCount() + 63) >>> 6];
            set[v >>> 6] |= 1L << v;
            for (int k = 0, n = degree(v); k < n; k++) {
                int w = neighbour(v, k);
                for (int j = 0, m = degree(w); j < m; j++) {
                    int x = neighbour(w, j);
                    set[x >>> 6] |= 1L << x;
                }
                set[w >>> 6] |= 1L << w;
            }
            twoHopBalls.set(v, set);
        }
        return set;
    }

    /** The graph with R = the longest link's planar length. */
    public static RoutingGraph of(Topology topology) {
        return new RoutingGraph(topology, null);
    }

    /** The graph with a given range R (e.g. 1000 for the paper's unit-disk graphs). */
    public static RoutingGraph of(Topology topology, double range) {
        return new RoutingGraph(topology, range);
    }

    private static String position(Topology topology, double[] x, double[] y) {
        List<Node> nodes = topology.nodes();
        boolean planar = nodes.stream().allMatch(Node::hasPlanarPosition);
        if (planar) {
            for (int i = 0; i < nodes.size(); i++) {
                x[i] = nodes.get(i).x();
                y[i] = nodes.get(i).y();
            }
            return null;
        }
        for (Node node : nodes) {
            if (!node.hasLocation()) {
                Arrays.fill(x, Double.NaN);
                Arrays.fill(y, Double.NaN);
                return node.id();
            }
        }
        EquirectangularProjection projection = EquirectangularProjection.around(
                nodes.stream().map(Node::location).toList());
        for (int i = 0; i < nodes.size(); i++) {
            GeoPoint p = nodes.get(i).location();
            x[i] = projection.x(p);
            y[i] = projection.y(p);
        }
        return null;
    }

    public Topology topology() {
        return topology;
    }

    public int nodeCount() {
        return x.length;
    }

    /** Id of node {@code v}. */
    public String id(int v) {
        return topology.nodes().get(v).id();
    }

    /** The range R that geographic features are normalised by (NaN without positions). */
    public double range() {
        return range;
    }

    /** Whether every node has a planar position. */
    public boolean hasPositions() {
        return unpositionedNode == null;
    }

    /**
     * Checks that the graph has positions, for a policy that needs them.
     *
     * @throws IllegalArgumentException naming the first node without coordinates
     */
    public void requirePositions(String policyName) {
        if (unpositionedNode != null) {
            throw new IllegalArgumentException("policy '" + policyName + "' is geographic and needs coordinates on every node, but node '"
                    + unpositionedNode + "' of topology '" + topology.name() + "' has neither a planar position nor a latitude/longitude");
        }
    }

    public double x(int v) {
        return x[v];
    }

    public double y(int v) {
        return y[v];
    }

    /** Planar distance between two nodes. */
    public double distance(int a, int b) {
        return planarDistance(x[a], y[a], x[b], y[b]);
    }

    /** Euclidean distance in the plane (plain square root: positions here never overflow, and it is ~10× faster than hypot). */
    public static double planarDistance(double ax, double ay, double bx, double by) {
        double dx = ax - bx;
        double dy = ay - by;
        return Math.sqrt(dx * dx + dy * dy);
    }

    public int degree(int v) {
        return offset[v + 1] - offset[v];
    }

    /** Node index of the {@code slot}-th neighbour of {@code v} (neighbours in ascending index order). */
    public int neighbour(int v, int slot) {
        return neighbour[offset[v] + slot];
    }

    /** Weight of the link from {@code v} to its {@code slot}-th neighbour. */
    public double weight(int v, int slot) {
        return weight[offset[v] + slot];
    }

    /** Planar distance from {@code v} to its {@code slot}-th neighbour (NaN without positions), precomputed. */
    public double planarLength(int v, int slot) {
        return planarLength[offset[v] + slot];
    }

    /** Topology link index of the link from {@code v} to its {@code slot}-th neighbour. */
    public int link(int v, int slot) {
        return link[offset[v] + slot];
    }

    /** The slot of neighbour {@code u} in {@code v}'s list, or -1 when they are not adjacent. */
    public int slotOf(int v, int u) {
        int lo = offset[v];
        int hi = offset[v + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int m = neighbour[mid];
            if (m < u) {
                lo = mid + 1;
            } else if (m > u) {
                hi = mid - 1;
            } else {
                return mid - offset[v];
            }
        }
        return -1;
    }

    /**
     * Whether the link from {@code v} to its {@code slot}-th neighbour u belongs to the Gabriel
     * subgraph: no neighbour w of v or of u lies strictly inside the circle with diameter vu
     * (d(v,w)² + d(u,w)² &lt; d(v,u)²). Both ends decide alike from their neighbour tables, so the
     * subgraph is symmetric; on a unit-disk graph it is planar and connected whenever the graph is
     * (the witness w of a removed link is a neighbour of both ends). Computed once on first use.
     */
    public boolean gabriel(int v, int slot) {
        boolean[] g = gabriel;
        if (g == null) {
            synchronized (this) {
                g = gabriel;
                if (g == null) {
                    g = gabrielFlags();
                    gabriel = g;
                }
            }
        }
        return g[offset[v] + slot];
    }

    private boolean[] gabrielFlags() {
        requirePositions("gabriel subgraph");
        boolean[] flags = new boolean[neighbour.length];
        for (int v = 0; v < nodeCount(); v++) {
            for (int k = offset[v]; k < offset[v + 1]; k++) {
                int u = neighbour[k];
                double d2 = squared(v, u);
                flags[k] = !witnessed(v, v, u, d2) && !witnessed(u, v, u, d2);
            }
        }
        return flags;
    }

    /** Whether some neighbour of {@code of} other than v and u lies strictly inside the circle with diameter vu. */
    private boolean witnessed(int of, int v, int u, double d2) {
        for (int k = offset[of]; k < offset[of + 1]; k++) {
            int w = neighbour[k];
            if (w != v && w != u && squared(v, w) + squared(u, w) < d2) {
                return true;
            }
        }
        return false;
    }

    private double squared(int a, int b) {
        double dx = x[a] - x[b];
        double dy = y[a] - y[b];
        return dx * dx + dy * dy;
    }

    /** All-pairs shortest distances and next hops by link weight, computed once on first use. */
    public AllPairs shortestPaths() {
        AllPairs a = allPairs;
        if (a == null) {
            synchronized (this) {
                a = allPairs;
                if (a == null) {
                    a = AllPairs.of(this);
                    allPairs = a;
                }
            }
        }
        return a;
    }

    /**
     * All-pairs shortest paths from network-model's reverse Dijkstra trees.
     *
     * @param distance {@code distance[t][v]}: cost of the cheapest path from v to t (infinite when unreachable)
     * @param nextHop  {@code nextHop[t][v]}: the neighbour v forwards to on that path (-1 at t or when unreachable)
     */
    public record AllPairs(double[][] distance, int[][] nextHop) {

        static AllPairs of(RoutingGraph graph) {
            Topology topology = graph.topology;
            ShortestPaths sp = new ShortestPaths(topology);
            int n = graph.nodeCount();
            double[][] dist = new double[n][];
            int[][] next = new int[n][];
            List<Link> links = topology.links();
            int[] head = new int[links.size()];
            for (int i = 0; i < head.length; i++) {
                head[i] = topology.indexOfNode(links.get(i).target());
            }
            for (int t = 0; t < n; t++) {
                ShortestPaths.Tree tree = sp.reverseTree(t, null);
                dist[t] = tree.distance();
                int[] row = new int[n];
                for (int v = 0; v < n; v++) {
                    int via = tree.viaLink()[v];
                    row[v] = via < 0 ? -1 : head[via];
                }
                next[t] = row;
            }
            return new AllPairs(dist, next);
        }

        /** Whether t can be reached from v. */
        public boolean reachable(int v, int t) {
            return distance[t][v] < Double.POSITIVE_INFINITY;
        }
    }
}
