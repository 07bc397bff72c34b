package io.thalamus.intent.routing;

import io.thalamus.models.card.Contract;
import io.thalamus.models.card.Implementation;
import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.SecurityClearance;
import io.thalamus.models.card.TaskType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three forecasters with known behaviour: near feature x = 0 "big" is best (loss 0.2), "mid" 0.5, "small" 0.8; near
 * x = 10 the order flips. Sizes 10^6, 10^3 and 1 parameters; latency and CPU 10, 1 and 0.1 ms.
 */
final class RouterFixtures {

    static final List<String> IDS = List.of("big", "mid", "small");

    private RouterFixtures() {
    }

    static ModelCard card(String id, long params, String date, SecurityClearance clearance) {
        Contract c = new Contract("series", "", List.of(), "values");
        return new ModelCard(id, "1.0.0", id, "", List.of(TaskType.FORECAST), List.of("traffic"), c, c, params, 1024,
                LocalDate.parse(date), "Apache-2.0", clearance, List.of(), 1, 2, 1, 0,
                new Implementation.Java("example.Provider"), Map.of(), "{}");
    }

    static List<ModelCard> cards() {
        return List.of(card("big", 1_000_000, "2026-01-01", SecurityClearance.INTERNAL),
                card("mid", 1_000, "2025-01-01", SecurityClearance.CONFIDENTIAL),
                card("small", 1, "2024-01-01", SecurityClearance.RESTRICTED));
    }

    static TaskFeatures at(double x) {
        return new TaskFeatures(TaskType.FORECAST, new double[] {x, 1.0});
    }

    static List<TrainingExample> examples() {
        List<TrainingExample> ex = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double jitter = 0.01 * i;
            ex.add(new TrainingExample(at(jitter), Map.of("big", 0.2, "mid", 0.5, "small", 0.8),
                    Map.of("big", 10.0, "mid", 1.0, "small", 0.1), Map.of("big", 10.0, "mid", 1.0, "small", 0.1)));
            ex.add(new TrainingExample(at(10 + jitter), Map.of("big", 0.8, "mid", 0.5, "small", 0.2),
                    Map.of("big", 10.0, "mid", 1.0, "small", 0.1), Map.of("big", 10.0, "mid", 1.0, "small", 0.1)));
        }
        return ex;
    }

    static ModelRouter router() {
        return new ModelRouter(KnnPerformancePredictor.train(examples(), 3), cards(), LoadShifter.standard());
    }
}
