package io.thalamus.sdnrouter.routing;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class MlpTest {

    @Test
    void outputMatchesAHandComputedNetwork() {
        // 2 inputs, 2 hidden units, slope 0.1: W1 = [[1, -1], [0.5, 2]], b1 = [0, -3], w2 = [2, -1], b2 = 0.25
        Mlp net = Mlp.of(2, 2, 0.1, new double[] {1, -1, 0.5, 2, 0, -3, 2, -1, 0.25});
        // x = (1, 2): h1 = 1 - 2 = -1 -> -0.1; h2 = 0.5 + 4 - 3 = 1.5 -> 1.5; out = 2(-0.1) - 1.5 + 0.25 = -1.45
        assertThat(net.output(new double[] {1, 2})).isCloseTo(-1.45, offset(1e-12));
        // x = (3, 0): h1 = 3; h2 = 1.5 - 3 = -1.5 -> -0.15; out = 6 + 0.15 + 0.25 = 6.4
        assertThat(net.output(new double[] {3, 0})).isCloseTo(6.4, offset(1e-12));
    }

    @Test
    void splitEvaluationIsBitIdenticalToTheFullOne() {
        SplittableRandom random = new SplittableRandom(21);
        Mlp net = Mlp.of(6, 16, 0.01, MlpRegression.initialParameters(6, 16, random));
        double[] base = new double[16];
        for (int trial = 0; trial < 100; trial++) {
            double[] x = new double[6];
            for (int i = 0; i < 6; i++) {
                x[i] = 6 * random.nextDouble() - 1;
            }
            for (int split = 0; split <= 6; split++) {
                net.hiddenBase(x, split, base);
                assertThat(net.outputFrom(base, x, split)).isEqualTo(net.output(x));
                // the transposed hot-path pass adds in the same order, so it is bit-identical too
                assertThat(net.outputFrom(base, x, split, new double[net.hidden()])).isEqualTo(net.output(x));
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(7);
        int inputs = 4;
        int hidden = 5;
        double slope = 0.05;
        double[] p = MlpRegression.initialParameters(inputs, hidden, random);
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * (random.nextDouble() - 0.5); // non-zero biases too
        }
        double[][] x = new double[9][inputs];
        double[] y = new double[9];
        for (int n = 0; n < x.length; n++) {
            for (int i = 0; i < inputs; i++) {
                x[n][i] = 4 * random.nextDouble() - 2;
            }
            y[n] = random.nextDouble() * 3;
        }
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        double[] grad = new double[p.length];
        MlpRegression.lossAndGradient(inputs, hidden, slope, p, x, y, order, 0, 9, grad);
        double h = 1e-6;
        double[] scratch = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (MlpRegression.lossAndGradient(inputs, hidden, slope, plus, x, y, order, 0, 9, scratch)
                    - MlpRegression.lossAndGradient(inputs, hidden, slope, minus, x, y, order, 0, 9, scratch)) / (2 * h);
            assertThat(grad[k]).as("d loss / d p[%d]", k).isCloseTo(numeric, offset(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void listwiseGradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(8);
        int inputs = 3;
        int hidden = 4;
        double slope = 0.05;
        double[] p = MlpRegression.initialParameters(inputs, hidden, random);
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * (random.nextDouble() - 0.5);
        }
        double[][] x = new double[7][inputs];
        double[] y = new double[7];
        for (int n = 0; n < x.length; n++) {
            for (int i = 0; i < inputs; i++) {
                x[n][i] = 4 * random.nextDouble() - 2;
            }
            y[n] = random.nextDouble() * 3;
        }
        int[][] groups = {{0, 1, 2}, {3, 4}, {5, 6}};
        int[] order = {0, 1, 2};
        double[] grad = new double[p.length];
        MlpRegression.listwiseLossAndGradient(inputs, hidden, slope, p, x, y, groups, order, 0, 3, 0.3, 2.0, grad);
        double h = 1e-6;
        for (int k = 0; k < p.length; k++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (MlpRegression.listwiseLossAndGradient(inputs, hidden, slope, plus, x, y, groups, order, 0, 3, 0.3, 2.0,
                    new double[p.length])
                    - MlpRegression.listwiseLossAndGradient(inputs, hidden, slope, minus, x, y, groups, order, 0, 3, 0.3, 2.0,
                    new double[p.length])) / (2 * h);
            assertThat(grad[k]).as("d listwise loss / d p[%d]", k).isCloseTo(numeric, offset(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void listwiseLossIsTheCrossEntropyOfTheShortestPathChoice() {
        // one hidden unit, identity-like: score = x; group of two rows with scores 1 and 2, targets 5 and 3 (row 1 is the
        // shortest-path choice). softmax(-score/τ) with τ = 1: p(row 1) = e^-2 / (e^-1 + e^-2); loss = -ln of it.
        double[] p = {1, 0, 1, 0}; // w1 = 1, b1 = 0, w2 = 1, b2 = 0
        double[][] x = {{1}, {2}};
        double[] y = {5, 3};
        double loss = MlpRegression.listwiseLossAndGradient(1, 1, 0.0, p, x, y, new int[][] {{0, 1}}, new int[] {0}, 0, 1,
                1.0, 1.0, new double[4]);
        assertThat(loss).isCloseTo(-Math.log(Math.exp(-2) / (Math.exp(-1) + Math.exp(-2))), offset(1e-12));
    }

    @Test
    void lossMatchesTheNetworksOwnOutputs() {
        Mlp net = Mlp.of(2, 2, 0.1, new double[] {1, -1, 0.5, 2, 0, -3, 2, -1, 0.25});
        double[][] x = {{1, 2}, {3, 0}};
        double[] y = {-1.0, 6.0};
        // errors -0.45 and 0.4: (0.2025 + 0.16) / 2
        assertThat(MlpRegression.loss(net, x, y)).isCloseTo(0.18125, offset(1e-12));
        assertThat(MlpRegression.lossAndGradient(2, 2, 0.1, net.parameters(), x, y, new int[] {0, 1}, 0, 2, new double[9]))
                .isCloseTo(0.18125, offset(1e-12));
    }

    @Test
    void fitLearnsALinearFunction() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[200][2];
        double[] y = new double[200];
        for (int n = 0; n < 200; n++) {
            x[n][0] = random.nextDouble() * 4;
            x[n][1] = random.nextDouble() * 4;
            y[n] = 2 * x[n][0] - x[n][1] + 1;
        }
        double[] p = MlpRegression.initialParameters(2, 8, new SplittableRandom(1));
        double before = MlpRegression.loss(Mlp.of(2, 8, 0.01, p), x, y);
        double[] fitted = MlpRegression.fit(2, 8, 0.01, p, x, y, new MlpRegression.Settings(300, 16, 0.01), new SplittableRandom(2));
        double after = MlpRegression.loss(Mlp.of(2, 8, 0.01, fitted), x, y);
        assertThat(before).isGreaterThan(1.0);
        assertThat(after).isLessThan(0.01);
    }

    @Test
    void rejectsParameterVectorsOfTheWrongShape() {
        assertThatThrownBy(() -> Mlp.of(3, 2, 0.01, new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 parameters, got 5");
        assertThatThrownBy(() -> Mlp.of(1, 1, 0.01, new double[] {1, Double.NaN, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameter 1");
    }
}
