package io.thalamus.intent.routing;

import io.thalamus.intent.planning.RouterModelChooser;
import io.thalamus.models.card.TaskType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The intent pipeline's chooser describes a task the way the router it was given was trained. */
class RouterModelChooserFeaturesTest {

    /** A daily-looking cycle of 8 (small noise-free ripple) or a steady ramp, 64 points. */
    private static double[] series(boolean cyclic, double offset) {
        double[] s = new double[64];
        for (int i = 0; i < s.length; i++) {
            s[i] = cyclic ? 10 + offset + 5 * Math.sin(2 * Math.PI * i / 8) + 0.1 * (i % 3) : 10 + offset + 0.5 * i + 0.1 * (i % 3);
        }
        return s;
    }

    /** Past forecasting tasks described by series statistics: "big" wins on cycles, "small" on ramps. */
    private static KnnPerformancePredictor statisticsRouter() {
        List<TrainingExample> ex = new ArrayList<>();
        Map<String, Double> time = Map.of("big", 1.0, "mid", 1.0, "small", 1.0);
        for (int i = 0; i < 4; i++) {
            ex.add(new TrainingExample(SeriesFeatures.forecast(series(true, i), 1, 4, 0),
                    Map.of("big", 0.1, "mid", 0.5, "small", 0.9), time, time));
            ex.add(new TrainingExample(SeriesFeatures.forecast(series(false, i), 1, 4, 0),
                    Map.of("big", 0.9, "mid", 0.5, "small", 0.1), time, time));
        }
        return KnnPerformancePredictor.train(ex, 3);
    }

    @Test
    void featuresOfTheTrainedLengthAreComparedWithTheNearestPastTasks() {
        RouterModelChooser chooser = new RouterModelChooser(
                new ModelRouter(statisticsRouter(), RouterFixtures.cards(), LoadShifter.standard()), null, null);
        RouteDecision cyclic = chooser.route(TaskType.FORECAST, series(true, 0.5), 4, RoutingPreferences.none());
        RouteDecision ramp = chooser.route(TaskType.FORECAST, series(false, 0.5), 4, RoutingPreferences.none());
        assertThat(cyclic.modelId()).isEqualTo("big");
        assertThat(ramp.modelId()).isEqualTo("small");
        assertThat(cyclic.chosen().support()).isEqualTo(3);
        assertThat(cyclic.reasons()).noneMatch(r -> r.contains("features per task"));
    }

    @Test
    void aRouterTrainedOnOtherFeaturesFallsBackToTheTaskTypeAndSaysSo() {
        // RouterFixtures' memory compares 2 values per task; series statistics have more: no exception, all 10
        // past tasks are the neighbours, and the decision names the mismatch
        RouterModelChooser chooser = new RouterModelChooser(RouterFixtures.router(), null, null);
        RouteDecision d = chooser.route(TaskType.FORECAST, series(true, 0), 4, RoutingPreferences.none());
        assertThat(d.chosen().support()).isEqualTo(10);
        assertThat(d.reasons()).anyMatch(r -> r.contains("compares 2 features per task, this one has "
                + SeriesFeatures.NAMES.size()));
    }
}
