package io.thalamus.models.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every expected value below was worked out by hand from the formulas in the class docs. */
class ForecasterTest {

    /** y(t) = 1 + 0.5·y(t-1) from y(0) = 10. */
    private static final double[] AR1 = {10, 6, 4, 3, 2.5, 2.25, 2.125, 2.0625, 2.03125, 2.015625};

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        assertThat(new SeasonalNaiveForecaster().forecast(new double[] {1, 2, 3, 4, 5, 6}, 3, 4))
                .containsExactly(4, 5, 6, 4);
        assertThat(new SeasonalNaiveForecaster().forecast(new double[] {1, 2, 7}, 1, 2)).containsExactly(7, 7);
    }

    @Test
    void ewmaSmoothsFromTheFirstValue() {
        // level 2 -> 0.5*4 + 0.5*2 = 3 -> 0.5*8 + 0.5*3 = 5.5
        assertThat(new EwmaForecaster(0.5).forecast(new double[] {2, 4, 8}, 1, 2)).containsExactly(5.5, 5.5);
    }

    @Test
    void holtWintersAdditiveMatchesHandComputation() {
        // m = 2, alpha = beta = gamma = 0.5; worked through t = 2..5 by hand.
        double[] f = new HoltWintersForecaster(0.5, 0.5, 0.5).forecast(new double[] {1, 3, 2, 4, 3, 5}, 2, 2);
        assertThat(f[0]).isCloseTo(3.896484375, within(1e-12));
        assertThat(f[1]).isCloseTo(6.072265625, within(1e-12));
    }

    @Test
    void autoRegressionRecoversAnExactAr1() {
        double[] f = new AutoRegressiveForecaster(1).forecast(AR1, 1, 2);
        assertThat(f[0]).isCloseTo(1 + 0.5 * 2.015625, within(1e-6));
        assertThat(f[1]).isCloseTo(1 + 0.5 * (1 + 0.5 * 2.015625), within(1e-6));
    }

    @Test
    void ridgeOnOneLagWithoutPenaltyIsTheLeastSquaresAr1() {
        double[] f = new RidgeLagForecaster(1, 0).forecast(AR1, 1, 1);
        assertThat(f[0]).isCloseTo(2.0078125, within(1e-6));
    }

    @Test
    void ridgeLearnsAPureSeasonExactly() {
        double[] y = new double[48];
        for (int i = 0; i < y.length; i++) {
            y[i] = new double[] {5, 9, 7, 3}[i % 4];
        }
        double[] f = new RidgeLagForecaster(2, 1e-9).forecast(y, 4, 4);
        assertThat(f).containsExactly(new double[] {5, 9, 7, 3}, within(1e-4));
    }

    @Test
    void rejectsMissingValuesNamingTheIndex() {
        assertThatThrownBy(() -> new SeasonalNaiveForecaster().forecast(new double[] {1, Double.NaN, 3}, 1, 1))
                .hasMessageContaining("history[1]");
        assertThatThrownBy(() -> new EwmaForecaster(0.5).forecast(new double[] {1, 2}, 1, 0)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> new EwmaForecaster(1.5)).hasMessageContaining("alpha");
    }
}
