package io.thalamus.sdnrouter.routing;

import java.util.SplittableRandom;

/**
 * Least-squares regression for {@link Mlp}: the mean-squared-error loss and its exact gradient,
 * seeded initialisation and mini-batch Adam. Everything is single-threaded plain double
 * arithmetic, so the same seed gives bit-identical parameters on every JVM.
 */
public final class MlpRegression {

    private MlpRegression() {
    }

    /** Optimiser settings. */
    public record Settings(int epochs, int batchSize, double learningRate) {
        public Settings {
            if (epochs < 0 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("epochs must be >= 0, batchSize >= 1, learningRate > 0; got "
                        + epochs + ", " + batchSize + ", " + learningRate);
            }
        }
    }

    /**
     * Glorot-uniform weights and zero biases. Uses only uniform draws and a square root (correctly
     * rounded), so it is reproducible everywhere.
     */
    public static double[] initialParameters(int inputs, int hidden, SplittableRandom random) {
        double[] p = new double[Mlp.parameterCount(inputs, hidden)];
        double limit1 = Math.sqrt(6.0 / (inputs + hidden));
        int k = 0;
        for (int i = 0; i < hidden * inputs; i++) {
            p[k++] = (2 * random.nextDouble() - 1) * limit1;
        }
        k += hidden;
        double limit2 = Math.sqrt(6.0 / (hidden + 1));
        for (int h = 0; h < hidden; h++) {
            p[k++] = (2 * random.nextDouble() - 1) * limit2;
        }
        return p;
    }

    /**
     * Mean squared error over the samples {@code order[from..to)} and, into {@code gradient}
     * (overwritten), its gradient with respect to the flat parameters.
     */
    public static double lossAndGradient(int inputs, int hidden, double slope, double[] p,
                                         double[][] x, double[] y, int[] order, int from, int to, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double[] a = new double[hidden];
        double loss = 0;
        int count = to - from;
        for (int n = from; n < to; n++) {
            int idx = order[n];
            double err = forward(inputs, hidden, slope, p, x[idx], a) - y[idx];
            loss += err * err;
            backward(inputs, hidden, slope, p, x[idx], a, 2 * err / count, gradient);
        }
        return loss / count;
    }

    /** Mean squared error of a network over a data set. */
    public static double loss(Mlp network, double[][] x, double[] y) {
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double e = network.output(x[i]) - y[i];
            loss += e * e;
        }
        return x.length == 0 ? 0 : loss / x.length;
    }

    /**
     * Mini-batch Adam (β1 0.9, β2 0.999) from {@code start}; samples are reshuffled every epoch
     * with {@code random}. Returns the new parameters; {@code start} is not changed.
     */
    public static double[] fit(int inputs, int hidden, double slope, double[] start, double[][] x, double[] y,
                               Settings settings, SplittableRandom random) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("inputs and targets differ in length: " + x.length + " vs " + y.length);
        }
        double[] p = start.clone();
        if (x.length == 0) {
            return p;
        }
        double[] g = new double[p.length];
        Adam adam = new Adam(p.length);
        int[] order = identity(x.length);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int from = 0; from < order.length; from += settings.batchSize()) {
                int to = Math.min(order.length, from + settings.batchSize());
                lossAndGradient(inputs, hidden, slope, p, x, y, order, from, to, g);
                adam.step(p, g, settings.learningRate());
            }
        }
        return p;
    }

    /** The network's output for one input under flat parameters {@code p}; {@code a} receives the hidden pre-activations. */
    private static double forward(int inputs, int hidden, double slope, double[] p, double[] xi, double[] a) {
        int b1 = hidden * inputs;
        int w2 = b1 + hidden;
        double out = p[w2 + hidden];
        int k = 0;
        for (int h = 0; h < hidden; h++) {
            double s = p[b1 + h];
            for (int i = 0; i < inputs; i++) {
                s += p[k++] * xi[i];
            }
            a[h] = s;
            out += p[w2 + h] * (s > 0 ? s : slope * s);
        }
        return out;
    }

    /** Adds {@code delta} × ∂output/∂p at input {@code xi} (pre-activations {@code a} from {@link #forward}) to {@code gradient}. */
    private static void backward(int inputs, int hidden, double slope, double[] p, double[] xi, double[] a, double delta,
                                 double[] gradient) {
        int b1 = hidden * inputs;
        int w2 = b1 + hidden;
        gradient[w2 + hidden] += delta;
        int k = 0;
        for (int h = 0; h < hidden; h++) {
            double s = a[h];
            gradient[w2 + h] += delta * (s > 0 ? s : slope * s);
            double da = delta * p[w2 + h] * (s > 0 ? 1 : slope);
            gradient[b1 + h] += da;
            for (int i = 0; i < inputs; i++) {
                gradient[k++] += da * xi[i];
            }
        }
    }

    /**
     * Listwise loss of the decision groups {@code order[from..to)} and, added into {@code gradient}
     * (not cleared), its gradient: each group is the candidate rows of one decision, the network's
     * outputs are scores (lower is better), the choice probabilities are softmax(−score / τ), and
     * the loss is the cross-entropy against the row with the lowest target (the shortest-path next
     * hop), averaged over the groups and multiplied by {@code weight}.
     */
    public static double listwiseLossAndGradient(int inputs, int hidden, double slope, double[] p, double[][] x,
                                                 double[] y, int[][] groups, int[] order, int from, int to,
                                                 double temperature, double weight, double[] gradient) {
        double[][] a = new double[0][];
        double loss = 0;
        int count = to - from;
        for (int n = from; n < to; n++) {
            int[] group = groups[order[n]];
            if (a.length < group.length) {
                a = new double[group.length][hidden];
            }
            double[] z = new double[group.length];
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < group.length; j++) {
                z[j] = -forward(inputs, hidden, slope, p, x[group[j]], a[j]) / temperature;
                max = Math.max(max, z[j]);
                if (y[group[j]] < y[group[best]]) {
                    best = j;
                }
            }
            double sum = 0;
            for (int j = 0; j < group.length; j++) {
                z[j] = Math.exp(z[j] - max);
                sum += z[j];
            }
            loss -= Math.log(z[best] / sum);
            for (int j = 0; j < group.length; j++) {
                double dz = z[j] / sum - (j == best ? 1 : 0);
                // z = −score/τ, so ∂loss/∂score = −dz/τ
                backward(inputs, hidden, slope, p, x[group[j]], a[j], -dz / temperature * weight / count, gradient);
            }
        }
        return weight * loss / count;
    }

    /**
     * Mini-batch Adam on the mean squared error plus {@code listWeight} × the listwise loss: each
     * mini-batch is {@code batchSize} decision groups, the squared error over all their rows and the
     * listwise loss over the groups. Groups are reshuffled every epoch with {@code random}.
     */
    public static double[] fitListwise(int inputs, int hidden, double slope, double[] start, double[][] x, double[] y,
                                       int[][] groups, double temperature, double listWeight, Settings settings,
                                       SplittableRandom random) {
        double[] p = start.clone();
        if (groups.length == 0) {
            return p;
        }
        double[] g = new double[p.length];
        double[] g2 = new double[p.length];
        Adam adam = new Adam(p.length);
        int[] order = identity(groups.length);
        int[] rows = new int[x.length];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int from = 0; from < order.length; from += settings.batchSize()) {
                int to = Math.min(order.length, from + settings.batchSize());
                int r = 0;
                for (int n = from; n < to; n++) {
                    for (int row : groups[order[n]]) {
                        rows[r++] = row;
                    }
                }
                lossAndGradient(inputs, hidden, slope, p, x, y, rows, 0, r, g);
                java.util.Arrays.fill(g2, 0);
                listwiseLossAndGradient(inputs, hidden, slope, p, x, y, groups, order, from, to, temperature, listWeight, g2);
                for (int k = 0; k < g.length; k++) {
                    g[k] += g2[k];
                }
                adam.step(p, g, settings.learningRate());
            }
        }
        return p;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Fisher-Yates shuffle with {@code random}. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }

    /** Adam state (β1 0.9, β2 0.999, ε 10⁻⁸) for one parameter vector. */
    private static final class Adam {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private final double[] m;
        private final double[] v;
        private double pow1 = 1;
        private double pow2 = 1;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        /** One bias-corrected step of {@code p} along gradient {@code g}. */
        void step(double[] p, double[] g, double learningRate) {
            pow1 *= BETA1;
            pow2 *= BETA2;
            double lr = learningRate * Math.sqrt(1 - pow2) / (1 - pow1);
            for (int k = 0; k < p.length; k++) {
                m[k] = BETA1 * m[k] + (1 - BETA1) * g[k];
                v[k] = BETA2 * v[k] + (1 - BETA2) * g[k] * g[k];
                p[k] -= lr * m[k] / (Math.sqrt(v[k]) + 1e-8);
            }
        }
    }
}
