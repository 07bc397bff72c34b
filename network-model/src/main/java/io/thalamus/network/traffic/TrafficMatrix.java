package io.thalamus.network.traffic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable origin-destination traffic matrix in bit/s over a fixed node list. A cell that was not
 * measured is {@code NaN} ("missing"), never silently zero.
 */
public final class TrafficMatrix {

    private final List<String> nodes;
    private final Map<String, Integer> index;
    private final double[] cells;

    /** A matrix over {@code nodes} with row-major cells ({@code cells[i * n + j]} = i to j); the array is copied. */
    public TrafficMatrix(List<String> nodes, double[] cells) {
        this(List.copyOf(nodes), indexOf(nodes), cells.clone(), true);
    }

    private TrafficMatrix(List<String> nodes, Map<String, Integer> index, double[] cells, boolean check) {
        int n = nodes.size();
        if (cells.length != n * n) {
            throw new IllegalArgumentException("traffic matrix over " + n + " nodes needs " + (n * n) + " cells, got " + cells.length);
        }
        for (double c : cells) {
            if (c < 0 || Double.isInfinite(c)) {
                throw new IllegalArgumentException("traffic matrix cells must be >= 0 or NaN (missing), got " + c);
            }
        }
        this.nodes = nodes;
        this.index = index;
        this.cells = cells;
    }

    /** Shares the node list and index of a series; used by readers building many matrices. */
    static TrafficMatrix sharing(List<String> nodes, Map<String, Integer> index, double[] cells) {
        return new TrafficMatrix(nodes, index, cells, true);
    }

    static Map<String, Integer> indexOf(List<String> nodes) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (m.put(nodes.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate node '" + nodes.get(i) + "' in traffic matrix");
            }
        }
        return Map.copyOf(m);
    }

    public List<String> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    /** Rate from node index i to node index j in bit/s, NaN when missing. */
    public double get(int i, int j) {
        return cells[i * nodes.size() + j];
    }

    /** Rate from {@code source} to {@code target} in bit/s, NaN when missing. */
    public double get(String source, String target) {
        Integer i = index.get(source);
        Integer j = index.get(target);
        if (i == null || j == null) {
            throw new IllegalArgumentException("unknown node in traffic matrix: " + (i == null ? source : target));
        }
        return get(i, j);
    }

    public boolean isMissing(int i, int j) {
        return Double.isNaN(get(i, j));
    }

    /** Number of missing off-diagonal cells. */
    public int missingCount() {
        int n = nodes.size();
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && Double.isNaN(cells[i * n + j])) {
                    m++;
                }
            }
        }
        return m;
    }

    /** Sum of all measured off-diagonal cells. */
    public double total() {
        int n = nodes.size();
        double t = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double c = cells[i * n + j];
                if (i != j && !Double.isNaN(c)) {
                    t += c;
                }
            }
        }
        return t;
    }

    /** A copy of the cells, row-major. */
    public double[] toArray() {
        return cells.clone();
    }

    /** This matrix with every cell multiplied by {@code factor}. */
    public TrafficMatrix scaled(double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be >= 0, got " + factor);
        }
        double[] c = cells.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] *= factor;
        }
        return new TrafficMatrix(nodes, index, c, false);
    }
}
