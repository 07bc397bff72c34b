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

    /** JSON form (compact arrays). */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("base", (float) base);
        ArrayNode arr = o.putArray("trees");
        for (Tree t : trees) {
            ObjectNode n = arr.addObject();
            ArrayNode f = n.putArray("feature");
            ArrayNode th = n.putArray("threshold");
            ArrayNode l = n.putArray("left");
            ArrayNode r = n.putArray("right");
            ArrayNode v = n.putArray("value");
            for (int i = 0; i < t.feature.length; i++) {
                f.add(t.feature[i]);
                th.add((float) t.threshold[i]);
                l.add(t.left[i]);
                r.add(t.right[i]);
                v.add((float) t.value[i]);
            }
        }
        return o;
    }

    /** Reads the JSON form. */
    public static BoostedStumps fromJson(JsonNode o) {
        List<Tree> trees = new ArrayList<>();
        for (JsonNode n : o.get("trees")) {
            int size = n.get("feature").size();
            int[] f = new int[size];
            double[] th = new double[size];
            int[] l = new int[size];
            int[] r = new int[size];
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                f[i] = n.get("feature").get(i).asInt();
                th[i] = (float) n.get("threshold").get(i).asDouble();
                l[i] = n.get("left").get(i).asInt();
                r[i] = n.get("right").get(i).asInt();
                v[i] = (float) n.get("value").get(i).asDouble();
            }
            trees.add(new Tree(f, th, l, r, v));
        }
        return new BoostedStumps((float) o.get("base").asDouble(), trees);
    }
}
