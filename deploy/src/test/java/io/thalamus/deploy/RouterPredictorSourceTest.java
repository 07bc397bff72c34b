package io.thalamus.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thalamus.intent.planning.RouterModelChooser;
import io.thalamus.intent.routing.KnnPerformancePredictor;
import io.thalamus.intent.routing.LoadShifter;
import io.thalamus.intent.routing.ModelRouter;
import io.thalamus.intent.routing.ProbeFeatures;
import io.thalamus.intent.routing.RouteDecision;
import io.thalamus.intent.routing.RouterJson;
import io.thalamus.intent.routing.RoutingPreferences;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.registry.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where serve's model router gets its predictor: the state dir's router.json, else the one router bench trained. */
class RouterPredictorSourceTest {

    @TempDir
    Path dir;

    @Test
    void withoutAStateFileServeUsesTheRouterThatRouterBenchTrained() throws Exception {
        KnnPerformancePredictor p = Thalamus.predictor(dir.resolve("router.json"));
        JsonNode bench = new ObjectMapper().readTree(Path.of("..", "bench", "results", "router", "router.json").toFile());
        assertThat(p.tasks()).contains(TaskType.FORECAST, TaskType.DETECT_ANOMALY);
        for (TaskType t : List.of(TaskType.FORECAST, TaskType.DETECT_ANOMALY)) {
            JsonNode task = bench.get("tasks").get(t.wire());
            assertThat(p.k(t)).as(t.wire()).isEqualTo(task.get("k").asInt());
            assertThat(p.models(t)).as(t.wire()).hasSize(task.get("models").size());
        }
    }

    @Test
    void servesChooserDescribesTasksAsTheBuiltInRouterWasTrained() {
        KnnPerformancePredictor p = Thalamus.predictor(dir.resolve("router.json"));
        try (ModelRegistry registry = ModelRegistry.fromClasspath()) {
            RouterModelChooser chooser = new RouterModelChooser(new ModelRouter(p, registry.cards(), LoadShifter.standard()),
                    null, null, new ProbeFeatures(registry));
            double[] series = new double[200];
            for (int i = 0; i < series.length; i++) {
                series[i] = 100 + 20 * Math.sin(2 * Math.PI * i / 24) + (i % 7);
            }
            RouteDecision forecast = chooser.route(TaskType.FORECAST, series, 6, RoutingPreferences.none());
            assertThat(forecast.reasons()).noneMatch(r -> r.contains("features per task"));
            assertThat(forecast.chosen().support()).isEqualTo(p.k(TaskType.FORECAST));
            RouteDecision detect = chooser.route(TaskType.DETECT_ANOMALY, series, 1, RoutingPreferences.none());
            assertThat(detect.reasons()).noneMatch(r -> r.contains("features per task"));
            assertThat(detect.chosen().support()).isEqualTo(p.k(TaskType.DETECT_ANOMALY));
            // no extractor for admission in the intent pipeline: every past admission task is a neighbour
            RouteDecision admit = chooser.route(TaskType.ADMIT_FLOWS, null, 1, RoutingPreferences.none());
            assertThat(admit.chosen().support()).isGreaterThan(p.k(TaskType.ADMIT_FLOWS));
            assertThat(admit.reasons()).anyMatch(r -> r.contains("predicted from every past task of the type"));
        }
    }

    @Test
    void aRouterFileInTheStateDirTakesPrecedence() {
        Path file = dir.resolve("router.json");
        RouterJson.write(KnnPerformancePredictor.train(List.of(), 5), file);
        assertThat(Thalamus.predictor(file).tasks()).isEmpty();
    }

    @Test
    void anUnreadableStateFileFallsBackToTheBuiltInRouter() throws Exception {
        Path file = dir.resolve("router.json");
        Files.writeString(file, "{\"format\": 99}");
        assertThat(Thalamus.predictor(file).tasks()).contains(TaskType.FORECAST);
    }
}
