package io.thalamus.models.evaluation;

import io.thalamus.models.corpus.CorpusSpec;
import io.thalamus.models.corpus.ForecastTask;
import io.thalamus.models.registry.ModelRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollingOriginTest {

    @Test
    void eachOriginSeesThePastFutureValuesAndTheLossIsTheMeanScaledError() {
        // history 1,2,3,4 (period 1: scale = mean |diff| = 1); horizon 1, two origins, future 5 then 8.
        ForecastTask t = new ForecastTask("t", "s", "f", new double[] {1, 2, 3, 4}, new double[] {5, 8}, 1, 1, 2, 0);
        assertThat(t.historyAt(1)).containsExactly(1, 2, 3, 4, 5);
        assertThat(t.actualAt(1)).containsExactly(8);
        List<Outcome> out = new BenchRunner(ModelRegistry.fromClasspath()).runTask(t, "test");
        Outcome naive = out.stream().filter(o -> o.modelId().equals("forecast.seasonal-naive")).findFirst().orElseThrow();
        // seasonal naive (m = 1) repeats the last value: origin 0 says 4 (error 1), origin 1 says 5 (error 3).
        assertThat(naive.loss()).isEqualTo(2.0);
        assertThat(naive.metrics().get("MASEFirstOrigin")).isEqualTo(1.0);
    }

    @Test
    void inconsistentTasksAndSpecsAreRejected() {
        assertThatThrownBy(() -> new ForecastTask("t", "s", "f", new double[] {1, 2, 3}, new double[] {5}, 1, 1, 2, 0))
                .hasMessageContaining("future: expected 2 values, got 1");
        assertThatThrownBy(() -> new CorpusSpec(5, 1, 1, 0.5, 1, 0)).hasMessageContaining("forecastOrigins");
    }
}
