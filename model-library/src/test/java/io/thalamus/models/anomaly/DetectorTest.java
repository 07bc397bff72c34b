package io.thalamus.models.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Expected flags worked out by hand from the definitions in the class docs. */
class DetectorTest {

    @Test
    void robustZScoreFlagsOnlyTheOutlier() {
        // t=5: window [10,12,11,13,9], median 11, MAD 1 -> z(12) = 0.67; t=6: MAD 0 -> 30 flagged;
        // t=7: window [11,13,9,12,30], median 12, MAD 1 -> z(11) = 0.67.
        boolean[] f = new RobustZScoreDetector(5, 3).detect(new double[] {10, 12, 11, 13, 9, 12, 30, 11}, 1, 5);
        assertThat(f).containsExactly(false, false, false, false, false, false, true, false);
    }

    @Test
    void ewmaChartUsesTimeVaryingLimits() {
        // mu 2, sigma sqrt(2); i=1: z = 2, limit 2.12; i=2: z = 6, limit 3*sqrt(2)*sqrt(1/3*(1-0.0625)) = 2.37.
        boolean[] f = new EwmaControlChartDetector(0.5, 3).detect(new double[] {1, 3, 2, 10}, 1, 2);
        assertThat(f).containsExactly(false, false, false, true);
    }

    @Test
    void behaviourProfileLearnsPerPhaseLevels() {
        double[] y = {0, 10, 1, 11, 0, 10, 1, 11, 0.5, 0.5, 3, 12};
        BehaviourProfileDetector d = new BehaviourProfileDetector(2, 3, 1.0);
        BehaviourProfileDetector.Profile p = d.learn(y, 2, 8);
        assertThat(p.level()).containsExactly(0.5, 10.5);
        assertThat(p.scale()[0]).isCloseTo(0.7413, within(1e-9));
        assertThat(p.threshold()).isEqualTo(3.0);
        // 0.5 in the high phase is 13.5 robust sigmas off its profile; 3 in the low phase 3.37; 12 only 2.02.
        assertThat(d.detect(y, 2, 8)).containsExactly(false, false, false, false, false, false, false, false,
                false, true, true, false);
    }

    @Test
    void detectorsRejectBadArguments() {
        assertThatThrownBy(() -> new RobustZScoreDetector(5, 3).detect(new double[] {1, 2, 3}, 1, 5))
                .hasMessageContaining("trainLength");
        assertThatThrownBy(() -> new EwmaControlChartDetector(0, 3)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> new BehaviourProfileDetector(2, 3, 1).detect(new double[] {1, Double.NaN, 3}, 1, 2))
                .hasMessageContaining("series[1]");
    }
}
