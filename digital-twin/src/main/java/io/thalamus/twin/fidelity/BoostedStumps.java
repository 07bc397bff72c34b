package io.thalamus.twin.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained gradient-boosted ensemble of small regression trees (immutable; only predicts). Trees are
 * stored as flat arrays: an inner node tests {@code x[feature] <= threshold}, a leaf has feature −1.
 * Numbers are float-precise, so the JSON form (floats) reads back to exactly the same model.
 *
 * @param base  the constant the ensemble starts from
 * @param trees the trees, applied in order and summed
 */
public record BoostedStumps(double base, List<Tree> trees) {

    /**
     * One tree as flat arrays.
     *
     * @param feature   per node, the tested feature, or −1 for a leaf
     * @param threshold per node, the split threshold
     * @param left      per node, the child when x &lt;= threshold
     * @param right     per node, the child otherwise
     * @param value     per node, the leaf value (already scaled by the learning rate)
     */
    public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {

        /** This tree's output for {@code x}. */
        public double predict(double[] x) {
            int n = 0;
            while (feature[n] >= 0) {
                n = x[feature[n]] <= threshold[n] ? left[n] : right[n];
            }
            return value[n];
        }
    }

    public BoostedStumps {
        trees = List.copyOf(trees);
    }

    /** The ensemble's output for {@code x}. */
    public double predict(double[] x) {
        double y = base;
        for (Tree t : trees) {
            y += t.predict(x);
        }
        return y;
    }

    /** This ensemble with {@code delta} added to its base (e.g. a calibration of the overall scale). */
    public BoostedStumps shifted(double delta) {
        return new BoostedStumps((float) (base + delta), trees);
    }

    /**
     * JSON form: per tree two arrays in pre-order (node, then its left subtree, then its right subtree):
     * {@code f} the feature (−1 for a leaf) and {@code v} the threshold of an inner node or the value of a leaf.
     */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("base", (float) base);
        o.put("layout", "pre-order: f = feature or -1 for a leaf, v = threshold (x <= v goes left) or leaf value");
        ArrayNode arr = o.putArray("trees");
        for (Tree t : trees) {
            ObjectNode n = arr.addObject();
            write(t, 0, n.putArray("f"), n.putArray("v"));
        }
        return o;
    }

    private static void write(Tree t, int node, ArrayNode f, ArrayNode v) {
        f.add(t.feature[node]);
        if (t.feature[node] < 0) {
            v.add((float) t.value[node]);
        } else {
            v.add((float) t.threshold[node]);
            write(t, t.left[node], f, v);
            write(t, t.right[node], f, v);
        }
    }

    /** Reads the JSON form. */
    public static BoostedStumps fromJson(JsonNode o) {
        List<Tree> trees = new ArrayList<>();
        for (JsonNode n : o.get("trees")) {
            JsonNode fs = n.get("f");
            JsonNode vs = n.get("v");
            int size = fs.size();
            if (vs.size() != size) {
                throw new IllegalArgumentException("tree " + trees.size() + ": f and v differ in length");
            }
            int[] f = new int[size];
            double[] th = new double[size];
            int[] l = new int[size];
            int[] r = new int[size];
            double[] v = new double[size];
            int[] next = {0};
            read(fs, vs, next, f, th, l, r, v);
            if (next[0] != size) {
                throw new IllegalArgumentException("tree " + trees.size() + ": malformed pre-order layout");
            }
            trees.add(new Tree(f, th, l, r, v));
        }
        return new BoostedStumps((float) o.get("base").asDouble(), trees);
    }

    private static int read(JsonNode fs, JsonNode vs, int[] next, int[] f, double[] th, int[] l, int[] r, double[] v) {
        int id = next[0]++;
        if (id >= f.length) {
            throw new IllegalArgumentException("malformed pre-order layout: runs past the end");
        }
        f[id] = fs.get(id).asInt();
        double x = (float) vs.get(id).asDouble();
        l[id] = -1;
        r[id] = -1;
        if (f[id] < 0) {
            v[id] = x;
        } else {
            th[id] = x;
            l[id] = read(fs, vs, next, f, th, l, r, v);
            r[id] = read(fs, vs, next, f, th, l, r, v);
        }
        return id;
    }
}
