package io.thalamus.deploy.telemetry;

import io.thalamus.models.registry.ModelRegistry;
import io.thalamus.telemetry.streams.AnomalyScorer;
import io.thalamus.telemetry.streams.RobustZScore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelLibraryAnomalyScorerTest {

    private static final int SPIKE = 30;

    /** Window means of one link: 0.30 with bounded ripple (at most 0.01 off), and 0.60 at window 30. */
    private static double[] seriesWithSpike() {
        double[] means = new double[40];
        for (int i = 0; i < means.length; i++) {
            means[i] = i == SPIKE ? 0.60 : 0.30 + 0.01 * Math.sin(1.7 * i);
        }
        return means;
    }

    /** Runs {@code scorer} the way the topology does: each closed window against the last 30, then appended. */
    private static List<Integer> flaggedWindows(AnomalyScorer scorer, double threshold) {
        double[] means = seriesWithSpike();
        List<Integer> flagged = new ArrayList<>();
        double[] history = new double[0];
        for (int w = 0; w < means.length; w++) {
            if (scorer.score(history, history.length, means[w]).isAnomaly(threshold)) {
                flagged.add(w);
            }
            history = history.length < 30 ? Arrays.copyOf(history, history.length + 1)
                    : Arrays.copyOfRange(history, 1, history.length + 1);
            history[history.length - 1] = means[w];
        }
        return flagged;
    }

    @Test
    void everyModelLibraryDetectorFlagsTheInjectedSpikeAndNothingElse() {
        try (ModelRegistry registry = ModelRegistry.fromClasspath()) {
            for (String id : List.of("anomaly.robust-z", "anomaly.ewma-chart", "anomaly.behaviour-profile")) {
                ModelLibraryAnomalyScorer scorer = ModelLibraryAnomalyScorer.fromRegistry(registry, id);
                assertThat(scorer.name()).isEqualTo(id);
                // the detector's verdict decides, whatever the pipeline's |score| threshold
                assertThat(flaggedWindows(scorer, 1e9)).as(id).containsExactly(SPIKE);
            }
        }
    }

    @Test
    void scoreCarriesTheRobustZAndMedianOfTheHistoryBesideTheVerdict() {
        try (ModelRegistry registry = ModelRegistry.fromClasspath()) {
            ModelLibraryAnomalyScorer scorer = ModelLibraryAnomalyScorer.fromRegistry(registry, "anomaly.robust-z");
            double[] h = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
            AnomalyScorer.Score s = scorer.score(h, h.length, 30);
            // median 6, |deviations| 5 4 3 2 1 0 1 2 3 4 5 -> MAD 3; 0.6745 * (30 - 6) / 3, as the built-in scorer says
            assertThat(s.baseline()).isEqualTo(6);
            assertThat(s.value()).isCloseTo(0.6745 * 8, within(1e-12));
            assertThat(s.flagged()).isTrue();
            assertThat(scorer.score(h, h.length, 6.5).flagged()).isFalse();
            assertThat(scorer.score(h, 5, 30).value()).isNaN(); // too little history yet
            assertThat(scorer.score(h, 5, 30).isAnomaly(3.5)).isFalse();
        }
    }

    @Test
    void selectionDefaultsToTheBuiltinScorerAndRefusesUnknownOrWrongCards() {
        assertThat(ModelLibraryAnomalyScorer.select(null)).isInstanceOf(RobustZScore.class);
        assertThat(ModelLibraryAnomalyScorer.select(" ")).isInstanceOf(RobustZScore.class);
        assertThat(ModelLibraryAnomalyScorer.select("builtin")).isInstanceOf(RobustZScore.class);
        assertThat(ModelLibraryAnomalyScorer.select("anomaly.ewma-chart").name()).isEqualTo("anomaly.ewma-chart");
        assertThatThrownBy(() -> ModelLibraryAnomalyScorer.select("anomaly.nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown model card 'anomaly.nope'").hasMessageContaining("anomaly.robust-z");
        assertThatThrownBy(() -> ModelLibraryAnomalyScorer.select("forecast.ar"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not serve detect-anomaly");
    }
}
