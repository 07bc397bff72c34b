package io.thalamus.sdnrouter.routing;

import java.util.Arrays;

/**
 * A small immutable multilayer perceptron with one hidden layer: inputs → hidden (LeakyReLU) →
 * one linear output. Parameters are laid out flat as [W1 (hidden×inputs, row-major), b1, w2, b2],
 * the order both the optimiser and the policy file use.
 */
public final class Mlp {

    private final int inputs;
    private final int hidden;
    private final double leakySlope;
    private final double[] w1;
    /** W1 transposed (inputs×hidden, row-major), so a pass over one input runs along contiguous hidden units. */
    private final double[] w1t;
    private final double[] b1;
    private final double[] w2;
    private final double b2;

    private Mlp(int inputs, int hidden, double leakySlope, double[] w1, double[] b1, double[] w2, double b2) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.leakySlope = leakySlope;
        this.w1 = w1;
        this.w1t = new double[w1.length];
        for (int h = 0; h < hidden; h++) {
            for (int i = 0; i < inputs; i++) {
                w1t[i * hidden + h] = w1[h * inputs + i];
            }
        }
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    /** Number of parameters of a network of this shape. */
    public static int parameterCount(int inputs, int hidden) {
        return hidden * inputs + hidden + hidden + 1;
    }

    /**
     * A network from its flat parameter vector (copied).
     *
     * @throws IllegalArgumentException when the shape is invalid, the vector has the wrong length or holds a non-finite value
     */
    public static Mlp of(int inputs, int hidden, double leakySlope, double[] parameters) {
        if (inputs < 1 || hidden < 1) {
            throw new IllegalArgumentException("network needs >= 1 input and >= 1 hidden unit, got inputs=" + inputs + " hidden=" + hidden);
        }
        if (!(leakySlope >= 0 && leakySlope < 1)) {
            throw new IllegalArgumentException("leakySlope must be in [0, 1), got " + leakySlope);
        }
        int expected = parameterCount(inputs, hidden);
        if (parameters.length != expected) {
            throw new IllegalArgumentException("a " + inputs + "-" + hidden + "-1 network has " + expected
                    + " parameters, got " + parameters.length);
        }
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw new IllegalArgumentException("parameter " + i + " is not a finite number: " + parameters[i]);
            }
        }
        int k = hidden * inputs;
        return new Mlp(inputs, hidden, leakySlope,
                Arrays.copyOfRange(parameters, 0, k),
                Arrays.copyOfRange(parameters, k, k + hidden),
                Arrays.copyOfRange(parameters, k + hidden, k + 2 * hidden),
                parameters[k + 2 * hidden]);
    }

    public int inputs() {
        return inputs;
    }

    public int hidden() {
        return hidden;
    }

    public double leakySlope() {
        return leakySlope;
    }

    /** A copy of the flat parameter vector. */
    public double[] parameters() {
        double[] p = new double[parameterCount(inputs, hidden)];
        System.arraycopy(w1, 0, p, 0, w1.length);
        System.arraycopy(b1, 0, p, w1.length, hidden);
        System.arraycopy(w2, 0, p, w1.length + hidden, hidden);
        p[p.length - 1] = b2;
        return p;
    }

    /** The network's output for one input vector (no allocation). */
    public double output(double[] x) {
        double out = b2;
        int k = 0;
        for (int h = 0; h < hidden; h++) {
            double a = b1[h];
            for (int i = 0; i < inputs; i++) {
                a += w1[k++] * x[i];
            }
            out += w2[h] * (a > 0 ? a : leakySlope * a);
        }
        return out;
    }

    /**
     * Hidden pre-activations from the first {@code count} inputs only: {@code base[h] = b1[h] +
     * Σ_{i<count} W1[h][i]·x[i]}. With {@link #outputFrom} this splits {@link #output} so inputs
     * shared by many evaluations are multiplied once; the result is bit-identical.
     */
    public void hiddenBase(double[] x, int count, double[] base) {
        for (int h = 0; h < hidden; h++) {
            double a = b1[h];
            int k = h * inputs;
            for (int i = 0; i < count; i++) {
                a += w1[k + i] * x[i];
            }
            base[h] = a;
        }
    }

    /** The output given {@link #hiddenBase} of the inputs before {@code from} and the inputs {@code x[from..]}. */
    public double outputFrom(double[] base, double[] x, int from) {
        double out = b2;
        for (int h = 0; h < hidden; h++) {
            double a = base[h];
            int k = h * inputs;
            for (int i = from; i < inputs; i++) {
                a += w1[k + i] * x[i];
            }
            out += w2[h] * (a > 0 ? a : leakySlope * a);
        }
        return out;
    }

    /**
     * As {@link #outputFrom(double[], double[], int)}, bit-identical, but with the hidden units as
     * the inner loop (contiguous, so the JIT can vectorise it); {@code scratch} holds {@link #hidden}
     * values and is overwritten. The per-candidate hot path of a learned policy.
     */
    public double outputFrom(double[] base, double[] x, int from, double[] scratch) {
        System.arraycopy(base, 0, scratch, 0, hidden);
        for (int i = from; i < inputs; i++) {
            double xi = x[i];
            int k = i * hidden;
            for (int h = 0; h < hidden; h++) {
                scratch[h] += w1t[k + h] * xi;
            }
        }
        double out = b2;
        for (int h = 0; h < hidden; h++) {
            double a = scratch[h];
            out += w2[h] * (a > 0 ? a : leakySlope * a);
        }
        return out;
    }
}
