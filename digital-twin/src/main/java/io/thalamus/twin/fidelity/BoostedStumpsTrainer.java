package io.thalamus.twin.fidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link BoostedStumps}: gradient boosting of depth-limited regression trees on binned features
 * (quantile bins), with least-absolute-deviation loss (each tree fits the sign of the residuals, its
 * leaves take the median residual; thresholds and leaves are rounded to float precision), which suits a MAPE-like target such as a log delay ratio. Rows are
 * subsampled per tree with the given seed.
 *
 * @param trees        number of trees
 * @param depth        depth of each tree
 * @param learningRate shrinkage applied to every leaf
 * @param bins         quantile bins per feature
 * @param minLeaf      smallest number of rows in a leaf
 * @param subsample    fraction of rows each tree sees
 * @param seed         seed of the row subsampling
 */
public record BoostedStumpsTrainer(int trees, int depth, double learningRate, int bins, int minLeaf, double subsample,
                                   long seed) {

    /** Fits {@code y ≈ f(x)}. */
    public BoostedStumps train(double[][] x, double[] y) {
        int n = y.length;
        int nf = x[0].length;
        double[][] edges = new double[nf][];
        byte[][] bin = new byte[nf][n];
        for (int f = 0; f < nf; f++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i][f];
            }
            double[] sorted = col.clone();
            Arrays.sort(sorted);
            double[] e = new double[bins - 1];
            int k = 0;
            for (int b = 1; b < bins; b++) {
                // Float-representable edges make the JSON round trip exact (thresholds are stored as floats).
                double v = (float) sorted[(int) ((long) b * (n - 1) / bins)];
                if (k == 0 || v > e[k - 1]) {
                    e[k++] = v;
                }
            }
            edges[f] = Arrays.copyOf(e, k);
            for (int i = 0; i < n; i++) {
                int pos = Arrays.binarySearch(edges[f], col[i]);
                bin[f][i] = (byte) (pos >= 0 ? pos : -pos - 1);
            }
        }
        double base = (float) median(y.clone(), y.length);
        double[] pred = new double[n];
        Arrays.fill(pred, base);
        double[] residual = new double[n];
        double[] grad = new double[n];
        Random rnd = new Random(seed);
        List<BoostedStumps.Tree> out = new ArrayList<>();
        int[] rows = new int[n];
        for (int t = 0; t < trees; t++) {
            int m = 0;
            for (int i = 0; i < n; i++) {
                residual[i] = y[i] - pred[i];
                grad[i] = Math.signum(residual[i]);
                if (rnd.nextDouble() < subsample) {
                    rows[m++] = i;
                }
            }
            TreeBuilder b = new TreeBuilder(bin, edges, grad, residual);
            b.build(Arrays.copyOf(rows, m), 0);
            BoostedStumps.Tree tree = b.tree(learningRate);
            out.add(tree);
            for (int i = 0; i < n; i++) {
                pred[i] += tree.predict(x[i]);
            }
        }
        return new BoostedStumps(base, out);
    }

    private static double median(double[] v, int len) {
        Arrays.sort(v, 0, len);
        return len == 0 ? 0 : len % 2 == 1 ? v[len / 2] : (v[len / 2 - 1] + v[len / 2]) / 2;
    }

    private final class TreeBuilder {
        private final byte[][] bin;
        private final double[][] edges;
        private final double[] grad;
        private final double[] residual;
        private final List<Integer> feature = new ArrayList<>();
        private final List<Double> threshold = new ArrayList<>();
        private final List<Integer> left = new ArrayList<>();
        private final List<Integer> right = new ArrayList<>();
        private final List<Double> value = new ArrayList<>();

        TreeBuilder(byte[][] bin, double[][] edges, double[] grad, double[] residual) {
            this.bin = bin;
            this.edges = edges;
            this.grad = grad;
            this.residual = residual;
        }

        int build(int[] rows, int level) {
            int id = feature.size();
            feature.add(-1);
            threshold.add(0.0);
            left.add(-1);
            right.add(-1);
            value.add(0.0);
            int bestF = -1;
            int bestB = -1;
            double bestGain = 0;
            if (level < depth && rows.length >= 2 * minLeaf) {
                double total = 0;
                for (int r : rows) {
                    total += grad[r];
                }
                double parent = total * total / rows.length;
                double[] sum = new double[bins];
                int[] cnt = new int[bins];
                for (int f = 0; f < bin.length; f++) {
                    Arrays.fill(sum, 0);
                    Arrays.fill(cnt, 0);
                    byte[] bf = bin[f];
                    for (int r : rows) {
                        sum[bf[r]] += grad[r];
                        cnt[bf[r]]++;
                    }
                    double sl = 0;
                    int nl = 0;
                    for (int b = 0; b < edges[f].length; b++) {
                        sl += sum[b];
                        nl += cnt[b];
                        int nr = rows.length - nl;
                        if (nl < minLeaf || nr < minLeaf) {
                            continue;
                        }
                        double sr = total - sl;
                        double gain = sl * sl / nl + sr * sr / nr - parent;
                        if (gain > bestGain + 1e-12) {
                            bestGain = gain;
                            bestF = f;
                            bestB = b;
                        }
                    }
                }
            }
            if (bestF < 0) {
                double[] r = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    r[i] = residual[rows[i]];
                }
                value.set(id, median(r, r.length));
                return id;
            }
            int nl = 0;
            for (int r : rows) {
                if (bin[bestF][r] <= bestB) {
                    nl++;
                }
            }
            int[] lr = new int[nl];
            int[] rr = new int[rows.length - nl];
            int a = 0;
            int c = 0;
            for (int r : rows) {
                if (bin[bestF][r] <= bestB) {
                    lr[a++] = r;
                } else {
                    rr[c++] = r;
                }
            }
            feature.set(id, bestF);
            // Bin b holds values <= edges[b], so the split is x <= edges[bestB].
            threshold.set(id, edges[bestF][bestB]);
            int l = build(lr, level + 1);
            int rgt = build(rr, level + 1);
            left.set(id, l);
            right.set(id, rgt);
            return id;
        }

        BoostedStumps.Tree tree(double rate) {
            int size = feature.size();
            int[] f = new int[size];
            double[] th = new double[size];
            int[] l = new int[size];
            int[] r = new int[size];
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                f[i] = feature.get(i);
                th[i] = threshold.get(i);
                l[i] = left.get(i);
                r[i] = right.get(i);
                v[i] = (float) (value.get(i) * rate);
            }
            return new BoostedStumps.Tree(f, th, l, r, v);
        }
    }
}
