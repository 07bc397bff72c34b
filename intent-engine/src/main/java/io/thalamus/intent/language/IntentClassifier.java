package io.thalamus.intent.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Multinomial logistic regression over a sentence embedding concatenated with hashed word unigrams and
 * bigrams. The embedding carries meaning (paraphrases land close together); the hashed words carry the
 * cue words that separate near-identical templates. Immutable once trained.
 */
public final class IntentClassifier {

    /** Hashed bag-of-words buckets. */
    static final int BUCKETS = 1 << 14;

    private final List<String> labels;
    private final double[][] dense;
    private final double[][] sparse;
    private final double[] bias;

    private IntentClassifier(List<String> labels, double[][] dense, double[][] sparse, double[] bias) {
        this.labels = List.copyOf(labels);
        this.dense = dense;
        this.sparse = sparse;
        this.bias = bias;
    }

    /** The labels it knows. */
    public List<String> labels() {
        return labels;
    }

    /** Class probabilities, in {@link #labels()} order. */
    public double[] probabilities(float[] embedding, String text) {
        return softmax(scores(embedding, buckets(text)));
    }

    private double[] scores(float[] x, int[] words) {
        double[] s = bias.clone();
        double wv = words.length == 0 ? 0 : 1.0 / Math.sqrt(words.length);
        for (int c = 0; c < s.length; c++) {
            double[] d = dense[c];
            for (int i = 0; i < x.length; i++) {
                s[c] += d[i] * x[i];
            }
            for (int b : words) {
                s[c] += sparse[c][b] * wv;
            }
        }
        return s;
    }

    static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            p[i] = Math.exp(s[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < s.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static int[] buckets(String text) {
        List<Token> tokens = Token.split(text.toLowerCase(Locale.ROOT));
        List<Integer> out = new ArrayList<>();
        String prev = "<s>";
        for (Token t : tokens) {
            String w = t.text().replaceAll("[0-9]", "0");
            out.add(Math.floorMod(("u:" + w).hashCode(), BUCKETS));
            out.add(Math.floorMod(("b:" + prev + " " + w).hashCode(), BUCKETS));
            prev = w;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Trains by stochastic gradient descent on cross-entropy with L2, in a seeded order. */
    public static IntentClassifier train(List<String> labelsOfExamples, List<float[]> embeddings, List<String> texts,
                                         int epochs, long seed) {
        List<String> labels = labelsOfExamples.stream().distinct().sorted().toList();
        int nc = labels.size();
        int dim = embeddings.get(0).length;
        double[][] dense = new double[nc][dim];
        double[][] sparse = new double[nc][BUCKETS];
        double[] bias = new double[nc];
        IntentClassifier model = new IntentClassifier(labels, dense, sparse, bias);
        List<Integer> order = new ArrayList<>();
        int[][] words = new int[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
            words[i] = buckets(texts.get(i));
        }
        Random rnd = new Random(seed);
        double l2 = 1e-5;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, rnd);
            double lr = 0.5 / (1 + epoch * 0.3);
            for (int i : order) {
                float[] x = embeddings.get(i);
                double[] p = softmax(model.scores(x, words[i]));
                int y = labels.indexOf(labelsOfExamples.get(i));
                double wv = words[i].length == 0 ? 0 : 1.0 / Math.sqrt(words[i].length);
                for (int c = 0; c < nc; c++) {
                    double g = p[c] - (c == y ? 1 : 0);
                    double[] d = dense[c];
                    for (int k = 0; k < dim; k++) {
                        d[k] -= lr * (g * x[k] + l2 * d[k]);
                    }
                    for (int b : words[i]) {
                        sparse[c][b] -= lr * g * wv;
                    }
                    bias[c] -= lr * g;
                }
            }
        }
        return model;
    }
}
