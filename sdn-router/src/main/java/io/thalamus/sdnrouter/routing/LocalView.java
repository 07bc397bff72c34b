package io.thalamus.sdnrouter.routing;

/**
 * What a node knows when it forwards one packet: its own position, its neighbours' positions and
 * link weights, and the packet header (source and destination positions, which neighbours the
 * packet already visited, and the neighbour it first arrived from). Neighbours are addressed by
 * slot, 0..{@link #neighbourCount()}-1.
 */
public final class LocalView {

    private final RoutingGraph graph;
    private final int source;
    private final int current;
    private final int destination;
    private final int arrivedFrom;
    private final boolean[] visited;
    private final int previous;
    private final PacketHeader header;
    private long[] ownNeighbours;
    /** The nodes w whose {@link #frontierRest} this view has computed, and the results (lazy; a decision computes a handful). */
    private int[] restNode;
    private double[] restValue;
    private int restCount;
    /**
     * The onward nodes w of the candidate in {@link #ringSlot} that {@link #frontier3} looks through (unvisited, not
     * this node's neighbours, not the destination), recorded by a {@link #lookahead} call that asked for the three-hop
     * slot: adjacency position, d(u,w) and squared d(w,t), in adjacency order; -1 = nothing recorded.
     */
    private int ringSlot = -1;
    private int ringCount;
    private int[] ringPosition;
    private double[] ringHop;
    private double[] ringSquared;
    /** d(u,t) when the destination is a neighbour of the recorded candidate, else +∞. */
    private double ringDestination;

    /**
     * A view with no previous hop known and a fresh packet header.
     *
     * @param visited     per node index, whether the packet has been there (read, never written)
     * @param arrivedFrom node the packet came from when it first reached {@code current}, or -1 at the source
     */
    public LocalView(RoutingGraph graph, int source, int current, int destination, int arrivedFrom, boolean[] visited) {
        this(graph, source, current, destination, arrivedFrom, visited, arrivedFrom, new PacketHeader());
    }

    /**
     * @param previous the node the packet just came from (differs from {@code arrivedFrom} on a revisit), -1 at the source
     * @param header   the packet's header fields that recovery modes read and write
     */
    public LocalView(RoutingGraph graph, int source, int current, int destination, int arrivedFrom, boolean[] visited,
                     int previous, PacketHeader header) {
        this.graph = graph;
        this.source = source;
        this.current = current;
        this.destination = destination;
        this.arrivedFrom = arrivedFrom;
        this.visited = visited;
        this.previous = previous;
        this.header = header;
    }

    /** The node the packet just came from, or -1 at the source. */
    public int previous() {
        return previous;
    }

    /** The packet's header fields for recovery modes (mutable, one per packet). */
    public PacketHeader header() {
        return header;
    }

    /** The graph this node sits in (a recovery mode reads the planar Gabriel subgraph of the neighbour table from it). */
    RoutingGraph graph() {
        return graph;
    }

    public int source() {
        return source;
    }

    public int current() {
        return current;
    }

    public int destination() {
        return destination;
    }

    /** The range R distances are normalised by. */
    public double range() {
        return graph.range();
    }

    public int neighbourCount() {
        return graph.degree(current);
    }

    /** Node index of the neighbour in {@code slot}. */
    public int neighbour(int slot) {
        return graph.neighbour(current, slot);
    }

    public double linkWeight(int slot) {
        return graph.weight(current, slot);
    }

    /** How many neighbours the neighbour in {@code slot} has (advertised in its hello messages). */
    public int neighbourDegree(int slot) {
        return graph.degree(neighbour(slot));
    }

    /** Whether the packet already visited the neighbour in {@code slot}. */
    public boolean visited(int slot) {
        return visited[graph.neighbour(current, slot)];
    }

    /** Whether the packet already visited node {@code node} (from the header's visited set). */
    public boolean visitedNode(int node) {
        return visited[node];
    }

    /** Slot of the destination among this node's neighbours, or -1 when it is not a neighbour (every policy takes it). */
    public int destinationSlot() {
        return graph.slotOf(current, destination);
    }

    /** Slot of the neighbour the packet first arrived from, or -1 at the source. */
    public int arrivedFromSlot() {
        return arrivedFrom < 0 ? -1 : graph.slotOf(current, arrivedFrom);
    }

    /** Planar distance from the source to the destination. */
    public double sourceToDestination() {
        return graph.distance(source, destination);
    }

    /** Planar distance from the source to this node. */
    public double sourceToCurrent() {
        return graph.distance(source, current);
    }

    /** Planar distance from this node to the destination. */
    public double currentToDestination() {
        return graph.distance(current, destination);
    }

    /** Planar distance from the source to the neighbour in {@code slot}. */
    public double sourceToNeighbour(int slot) {
        return graph.distance(source, neighbour(slot));
    }

    /** Planar distance from the neighbour in {@code slot} to the destination. */
    public double neighbourToDestination(int slot) {
        return graph.distance(neighbour(slot), destination);
    }

    /** Planar distance from this node to the neighbour in {@code slot}. */
    public double currentToNeighbour(int slot) {
        return graph.distance(current, neighbour(slot));
    }

    public double sourceX() {
        return graph.x(source);
    }

    public double sourceY() {
        return graph.y(source);
    }

    public double currentX() {
        return graph.x(current);
    }

    public double currentY() {
        return graph.y(current);
    }

    public double destinationX() {
        return graph.x(destination);
    }

    public double destinationY() {
        return graph.y(destination);
    }

    /**
     * Two-hop look-ahead through the neighbour u in {@code slot}, from u's neighbour table (which
     * nodes advertise in their hellos) and the packet's visited set: the least d(u,w) + d(w,t) over
     * u's neighbours w that are neither this node nor visited (planar distances). 0 when u is the
     * destination; +∞ when u has no such neighbour (forwarding to u is a dead end).
     */
    public double lookahead(int slot) {
        double[] out = new double[2];
        lookahead(slot, out);
        return out[0];
    }

    /** How many neighbours of the neighbour in {@code slot} are neither this node nor visited (its onward choices). */
    public int onwardCount(int slot) {
        int u = neighbour(slot);
        int count = 0;
        for (int k = 0, n = graph.degree(u); k < n; k++) {
            int w = graph.neighbour(u, k);
            if (w != current && !visited[w]) {
                count++;
            }
        }
        return count;
    }

    /**
     * {@link #lookahead(int)} into {@code out[0]} and {@link #onwardCount(int)} into {@code out[1]}
     * and, when {@code out} has a third element, {@link #frontier(int)} into {@code out[2]}, in one
     * pass over u's neighbours (the per-decision hot path). Whether w is this node's own neighbour
     * is a bit test in a set built once per view; a square root is taken only for a w that can still
     * beat the best so far.
     */
    public void lookahead(int slot, double[] out) {
        int u = neighbour(slot);
        boolean withFrontier = out.length > 2;
        boolean record = out.length > 3 && u != destination;
        if (record) {
            startRing(slot, u);
        }
        double best = u == destination ? 0 : Double.POSITIVE_INFINITY;
        double bestFrontier = best;
        int count = 0;
        double tx = graph.x(destination);
        double ty = graph.y(destination);
        long[] mine = withFrontier ? ownNeighbours() : null;
        for (int k = 0, n = graph.degree(u); k < n; k++) {
            int w = graph.neighbour(u, k);
            if (w == current || visited[w]) {
                continue;
            }
            count++;
            double hop = graph.planarLength(u, k);
            if (record) {
                recordOnward(k, w, hop, mine, tx, ty);
            }
            boolean forBest = hop < best;
            boolean forFrontier = false;
            if (withFrontier && hop < bestFrontier) {
                forFrontier = w == destination || (mine[w >>> 6] & (1L << w)) == 0;
            }
            if (!forBest && !forFrontier) {
                continue;
            }
            double dx = graph.x(w) - tx;
            double dy = graph.y(w) - ty;
            double squared = dx * dx + dy * dy;
            double room = best - hop;
            double roomFrontier = bestFrontier - hop;
            boolean improves = forBest && squared < room * room;
            boolean improvesFrontier = forFrontier && squared < roomFrontier * roomFrontier;
            if (improves || improvesFrontier) {
                double via = hop + Math.sqrt(squared);
                if (improves) {
                    best = via;
                }
                if (improvesFrontier) {
                    bestFrontier = via;
                }
            }
        }
        out[0] = best;
        out[1] = count;
        if (withFrontier) {
            out[2] = bestFrontier;
        }
    }

    /**
     * Three-hop frontier look-ahead through the neighbour u in {@code slot}: the least
     * d(u,w) + d(w,x) + d(x,t) over paths u → w → x where x lies at the edge of this node's
     * three-hop view (more than two hops from this node), w is not this node's own neighbour (this
     * node reaches such a w directly), and neither w nor x is visited; a path reaching the
     * destination earlier stops there (0 when u is the destination, d(u,t) when t is u's
     * neighbour). +∞ when u opens no such path. It reads the neighbour tables of u's neighbours, so
     * this node must know its three-hop neighbourhood. Each w's best onward step is computed once per
     * view and shared between candidates, and only for a w whose straight line to t
     * could still beat the best path so far.
     */
    public double frontier3(int slot) {
        int u = neighbour(slot);
        if (u == destination) {
            return 0;
        }
        if (ringSlot != slot) {
            // no lookahead(slot) pass recorded u's onward nodes: scan u's neighbour table with the same filter
            startRing(slot, u);
            long[] mine = ownNeighbours();
            double tx = graph.x(destination);
            double ty = graph.y(destination);
            for (int k = 0, n = graph.degree(u); k < n; k++) {
                int w = graph.neighbour(u, k);
                if (w != current && !visited[w]) {
                    recordOnward(k, w, graph.planarLength(u, k), mine, tx, ty);
                }
            }
        }
        double best = ringDestination;
        for (int i = 0; i < ringCount; i++) {
            // d(w,t) bounds w's onward rest from below (triangle inequality): skip a w that cannot beat the best
            double hop = ringHop[i];
            double room = best - hop;
            if (room > 0 && ringSquared[i] < room * room) {
                best = Math.min(best, hop + frontierRest(graph.neighbour(u, ringPosition[i])));
            }
        }
        return best;
    }

    /** Starts recording the onward nodes of the candidate u in {@code slot} for {@link #frontier3}. */
    private void startRing(int slot, int u) {
        int n = graph.degree(u);
        if (ringPosition == null || ringPosition.length < n) {
            int size = Math.max(n, 16);
            ringPosition = new int[size];
            ringHop = new double[size];
            ringSquared = new double[size];
        }
        ringSlot = slot;
        ringCount = 0;
        ringDestination = Double.POSITIVE_INFINITY;
    }

    /**
     * Records u's unvisited neighbour w (at adjacency position k, d(u,w) = hop) for {@link #frontier3}: the
     * destination as a finished path, a node this node does not reach itself as an onward node.
     */
    private void recordOnward(int k, int w, double hop, long[] mine, double tx, double ty) {
        if (w == destination) {
            ringDestination = Math.min(ringDestination, hop);
        } else if ((mine[w >>> 6] & (1L << w)) == 0) {
            double dx = graph.x(w) - tx;
            double dy = graph.y(w) - ty;
            ringPosition[ringCount] = k;
            ringHop[ringCount] = hop;
            ringSquared[ringCount++] = dx * dx + dy * dy;
        }
    }

    /** The least d(w,x) + d(x,t) over w's unvisited neighbours x beyond this node's two-hop ball (x = t always counts). */
    private double frontierRest(int w) {
        for (int i = 0; i < restCount; i++) {
            if (restNode[i] == w) {
                return restValue[i];
            }
        }
        long[] ball = graph.twoHopBall(current);
        double tx = graph.x(destination);
        double ty = graph.y(destination);
        double rest = Double.POSITIVE_INFINITY;
        for (int k = 0, n = graph.degree(w); k < n; k++) {
            int x = graph.neighbour(w, k);
            if (visited[x]) {
                continue;
            }
            double hop = graph.planarLength(w, k);
            if (x == destination) {
                rest = Math.min(rest, hop);
                continue;
            }
            double room = rest - hop;
            if ((ball[x >>> 6] & (1L << x)) != 0 || !(room > 0)) {
                continue;
            }
            double dx = graph.x(x) - tx;
            double dy = graph.y(x) - ty;
            double squared = dx * dx + dy * dy;
            if (squared < room * room) {
                rest = hop + Math.sqrt(squared);
            }
        }
        if (restNode == null) {
            restNode = new int[8];
            restValue = new double[8];
        } else if (restCount == restNode.length) {
            restNode = java.util.Arrays.copyOf(restNode, 2 * restCount);
            restValue = java.util.Arrays.copyOf(restValue, 2 * restCount);
        }
        restNode[restCount] = w;
        restValue[restCount++] = rest;
        return rest;
    }

    /** This node's neighbours as a bit set over node indices, built on first use (a view serves one decision). */
    private long[] ownNeighbours() {
        long[] set = ownNeighbours;
        if (set == null) {
            set = new long[(graph.nodeCount() + 63) >>> 6];
            for (int k = 0, n = graph.degree(current); k < n; k++) {
                int w = graph.neighbour(current, k);
                set[w >>> 6] |= 1L << w;
            }
            ownNeighbours = set;
        }
        return set;
    }

    /**
     * Two-hop look-ahead toward the edge of this node's view: the least d(u,w) + d(w,t) over the
     * neighbours w of the neighbour u in {@code slot} that are neither this node, visited, nor this
     * node's own neighbours (a w this node reaches directly is no reason to go through u). 0 when u
     * is the destination, d(u,t) when t is u's unvisited neighbour, +∞ when u opens no such w.
     */
    public double frontier(int slot) {
        double[] out = new double[3];
        lookahead(slot, out);
        return out[2];
    }

    /** Planar x of the neighbour in {@code slot}. */
    public double neighbourX(int slot) {
        return graph.x(neighbour(slot));
    }

    /** Planar y of the neighbour in {@code slot}. */
    public double neighbourY(int slot) {
        return graph.y(neighbour(slot));
    }
}
