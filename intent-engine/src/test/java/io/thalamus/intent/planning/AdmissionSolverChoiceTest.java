package io.thalamus.intent.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.routing.KnnPerformancePredictor;
import io.thalamus.intent.routing.LoadShifter;
import io.thalamus.intent.routing.ModelRouter;
import io.thalamus.intent.validation.IntentJson;
import io.thalamus.models.registry.ModelRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which admission model an admit-flows intent's {@code solver} leads to, with and without the model router. */
class AdmissionSolverChoiceTest {

    private static Intent admit(String solver) throws Exception {
        String s = solver == null ? "" : ",\"solver\":\"" + solver + "\"";
        return IntentJson.fromTree(new ObjectMapper().readTree("{\"key\":\"k\",\"type\":\"admit-flows\",\"spec\":{\"flows\":["
                + "{\"id\":\"a\",\"source\":\"X\",\"destination\":\"Y\",\"bandwidthBps\":1e6,\"priority\":1},"
                + "{\"id\":\"b\",\"source\":\"Y\",\"destination\":\"X\",\"bandwidthBps\":1e6,\"priority\":2}]" + s + "}}"));
    }

    private static final Task ADMIT = new Task(0, TaskType.ADMIT, "admit", Map.of());

    @Test
    void theDefaultTableRunsTheSolverTheIntentNames() throws Exception {
        DefaultModelChooser table = new DefaultModelChooser();
        assertThat(table.choose(admit("ilp"), ADMIT).modelId()).isEqualTo("admission.ilp");
        assertThat(table.choose(admit("genetic"), ADMIT).modelId()).isEqualTo("admission.ga");
        assertThat(table.choose(admit("greedy"), ADMIT).modelId()).isEqualTo("admission.greedy");
        assertThat(table.choose(admit("auto"), ADMIT).modelId()).isEqualTo("admission.greedy");
        assertThat(table.choose(admit(null), ADMIT).modelId()).isEqualTo("admission.greedy");
    }

    @Test
    void theRouterChoosesOnlyWhenTheSolverIsLeftToIt() throws Exception {
        try (ModelRegistry registry = ModelRegistry.fromClasspath()) {
            RouterModelChooser chooser = new RouterModelChooser(new ModelRouter(KnnPerformancePredictor.train(List.of(), 5),
                    registry.cards(), LoadShifter.standard()), null, null);
            ModelDecision auto = chooser.choose(admit("auto"), ADMIT);
            ModelDecision unspecified = chooser.choose(admit(null), ADMIT);
            assertThat(auto.router()).isEqualTo(RouterModelChooser.ROUTER);
            assertThat(unspecified.router()).isEqualTo(RouterModelChooser.ROUTER);
            assertThat(auto.modelId()).startsWith("admission.");
            // an empty memory: the router goes by the cards alone, so no "past tasks" note
            assertThat(auto.reasons()).noneMatch(r -> r.contains("every past task"));
            assertThat(auto.reasons()).noneMatch(r -> r.contains("telemetry series"));
            ModelDecision genetic = chooser.choose(admit("genetic"), ADMIT);
            assertThat(genetic.router()).isEqualTo(DefaultModelChooser.ROUTER);
            assertThat(genetic.modelId()).isEqualTo("admission.ga");
            assertThat(genetic.reasons().get(0)).contains("names its admission solver");
            assertThat(chooser.choose(admit("ilp"), ADMIT).modelId()).isEqualTo("admission.ilp");
        }
    }
}
