package io.thalamus.models.evaluation;

import io.thalamus.models.corpus.AnomalyInjector;
import io.thalamus.models.corpus.InjectedAnomaly;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    @Test
    void maseScalesBySeasonalDifferences() {
        // seasonal (m=2) differences of [1,2,3,4]: |3-1|, |4-2| -> scale 2; errors 1 and 3 -> MAE 2 -> MASE 1.
        assertThat(ForecastMetrics.mase(new double[] {1, 2, 3, 4}, 2, new double[] {5, 6}, new double[] {4, 9}))
                .isEqualTo(1.0);
        assertThatThrownBy(() -> ForecastMetrics.mase(new double[] {3, 3, 3}, 1, new double[] {1}, new double[] {1}))
                .hasMessageContaining("non-constant");
    }

    @Test
    void smapeIsSymmetricPercent() {
        // 200*|100-50|/150 = 66.67 and 0 for the exact point.
        assertThat(ForecastMetrics.smape(new double[] {100, 7}, new double[] {50, 7})).isCloseTo(33.3333, within(1e-3));
        assertThat(ForecastMetrics.smape(new double[] {0}, new double[] {0})).isZero();
    }

    @Test
    void eventF1GroupsRunsAndAllowsLateDetection() {
        boolean[] flags = new boolean[30];
        flags[10] = true;
        flags[12] = true;   // same event as 10 (gap 1)
        flags[22] = true;   // 2 after the end of [18, 20) -> inside the tolerance
        flags[27] = true;   // a false alarm
        List<InjectedAnomaly> truth = List.of(new InjectedAnomaly("spike", 10, 11, 8),
                new InjectedAnomaly("level-shift", 18, 20, 5), new InjectedAnomaly("drift", 25, 26, 9));
        EventF1.Score s = EventF1.score(flags, truth);
        assertThat(s.events()).isEqualTo(3);
        assertThat(s.found()).isEqualTo(3);   // 27 is within 26 + 3 of the drift, so it counts as a late hit
        assertThat(s.precision()).isEqualTo(1.0);
        flags[27] = false;
        flags[2] = true;
        EventF1.Score t = EventF1.score(flags, truth);
        assertThat(t.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(t.recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(t.f1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(EventF1.score(new boolean[30], truth).f1()).isZero();
    }

    @Test
    void injectorIsSeededAndWritesOnlyAfterThePrefix() {
        double[] clean = new double[300];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = 100 + 10 * Math.sin(i / 5.0) + (i % 3);
        }
        AnomalyInjector.Injected a = AnomalyInjector.inject(clean, 150, new Random(7));
        AnomalyInjector.Injected b = AnomalyInjector.inject(clean, 150, new Random(7));
        assertThat(a.anomalies()).isEqualTo(b.anomalies()).isNotEmpty();
        for (int i = 0; i < 150; i++) {
            assertThat(a.series()[i]).isEqualTo(clean[i]);
        }
        for (InjectedAnomaly x : a.anomalies()) {
            assertThat(x.start()).isGreaterThanOrEqualTo(150);
            assertThat(a.series()[x.start()]).isNotEqualTo(clean[x.start()]);
            assertThat(Math.signum(a.series()[x.end() - 1] - clean[x.end() - 1])).isEqualTo(Math.signum(x.magnitude()));
        }
    }
}
