package io.thalamus.bench.router;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RouterPredictabilityStudyTest {

    @Test
    void seriesIsBetweenTheTypePrefixAndTheWindow() {
        assertThat(RouterPredictabilityStudy.seriesOf("forecast:geant-totem/2_1@6970+12")).isEqualTo("geant-totem/2_1");
        assertThat(RouterPredictabilityStudy.seriesOf("anomaly:abilene/ATLA-HSTN@120")).isEqualTo("abilene/ATLA-HSTN");
    }

    @Test
    void siblingRuleUsesTheOtherWindowsOfTheSameSeriesOnly() {
        Map<String, Map<String, Double>> losses = new TreeMap<>();
        // series x: model a wins two windows, b wins the third; series y: b wins both
        losses.put("forecast:f/x@1+1", Map.of("a", 0.5, "b", 0.9));
        losses.put("forecast:f/x@2+1", Map.of("a", 0.4, "b", 0.8));
        losses.put("forecast:f/x@3+1", Map.of("a", 0.9, "b", 0.6));
        losses.put("forecast:f/y@1+1", Map.of("a", 1.0, "b", 0.2));
        losses.put("forecast:f/y@2+1", Map.of("a", 1.0, "b", 0.3));
        RouterPredictabilityStudy.Row r = RouterPredictabilityStudy.study("forecast", "test", losses);
        assertThat(r.tasks()).isEqualTo(5);
        assertThat(r.series()).isEqualTo(2);
        // b wins 3 of 5, a 2 of 5
        assertThat(r.bestSingle()).isEqualTo("b");
        assertThat(r.bestSingleRate()).isCloseTo(0.6, within(1e-12));
        // x@1: siblings x@2 (a), x@3 (b) tie on wins; mean loss a 0.65 < b 0.7 -> a, right.
        // x@2: siblings x@1 (a), x@3 (b) tie; a 0.7 < b 0.75 -> a, right.
        // x@3: siblings both won by a -> a, wrong (regret 0.3). y@1, y@2: b, right.
        assertThat(r.siblingRate()).isCloseTo(0.8, within(1e-12));
        assertThat(r.siblingRegret()).isCloseTo(0.3 / 5, within(1e-12));
        // best single b: regret on x@1 0.4, x@2 0.4, others 0
        assertThat(r.bestSingleRegret()).isCloseTo(0.8 / 5, within(1e-12));
        // runner-up within 20% of the winner: none here (closest is x@3, 0.9 vs 0.6)
        assertThat(r.nearTie()[3]).isZero();
    }
}
