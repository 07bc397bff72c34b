package io.thalamus.intent.routing;

import io.thalamus.models.card.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The predictor's loss aggregations and the cross-validated choice of its configuration. */
class PredictorSelectionTest {

    private static TaskFeatures f(double x) {
        return new TaskFeatures(TaskType.FORECAST, new double[] {x});
    }

    private static TrainingExample ex(double x, double a, double b) {
        return new TrainingExample(f(x), Map.of("a", a, "b", b), Map.of("a", 1.0, "b", 1.0), Map.of("a", 1.0, "b", 1.0));
    }

    /** "a" is usually excellent but once catastrophic; "b" is always mediocre. */
    private static List<TrainingExample> spiky() {
        return List.of(ex(0, 0.01, 1), ex(0.1, 0.01, 1), ex(0.2, 10, 1));
    }

    private static ModelEstimate estimate(KnnPerformancePredictor p, String id) {
        return p.predict(f(0.1)).stream().filter(e -> e.modelId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void geometricAggregationIsTheTypicalLossArithmeticTheExpectedLoss() {
        KnnPerformancePredictor geo = KnnPerformancePredictor.train(spiky(), t -> new KnnPerformancePredictor.Setting(
                3, null, 0, KnnPerformancePredictor.Aggregation.GEOMETRIC));
        KnnPerformancePredictor mean = KnnPerformancePredictor.train(spiky(), t -> new KnnPerformancePredictor.Setting(
                3, null, 0, KnnPerformancePredictor.Aggregation.ARITHMETIC));
        // geometric: exp((2 ln 0.02 + ln 10.01) / 3) - 0.01 = 0.1488...; arithmetic: (0.01 + 0.01 + 10) / 3 = 3.34
        assertThat(estimate(geo, "a").predictedLoss()).isCloseTo(Math.cbrt(0.02 * 0.02 * 10.01) - 0.01, within(1e-12))
                .isCloseTo(0.1488, within(1e-4));
        assertThat(estimate(mean, "a").predictedLoss()).isCloseTo(3.34, within(1e-12));
        assertThat(estimate(geo, "b").predictedLoss()).isCloseTo(1, within(1e-12));
        assertThat(estimate(mean, "b").predictedLoss()).isCloseTo(1, within(1e-12));
        // so the regret-aware (arithmetic) router avoids the model that is sometimes catastrophic
        assertThat(new ModelRouter(mean, List.of(RouterFixtures.card("a", 1, "2025-01-01",
                io.thalamus.models.card.SecurityClearance.PUBLIC), RouterFixtures.card("b", 1, "2025-01-01",
                io.thalamus.models.card.SecurityClearance.PUBLIC)), LoadShifter.standard())
                .route(f(0.1), RoutingPreferences.none()).modelId()).isEqualTo("b");
    }

    @Test
    void withOnlyTheTaskTypeKnownEveryPastTaskOfTheTypeIsANeighbour() {
        // k = 1: a query with features uses its one nearest task; a type-only query (no features) uses all three
        KnnPerformancePredictor geo = KnnPerformancePredictor.train(spiky(), t -> new KnnPerformancePredictor.Setting(
                1, null, 0, KnnPerformancePredictor.Aggregation.GEOMETRIC));
        assertThat(estimate(geo, "a").predictedLoss()).isCloseTo(0.01, within(1e-12));
        ModelEstimate typeOnly = geo.predict(new TaskFeatures(TaskType.FORECAST, new double[0])).stream()
                .filter(e -> e.modelId().equals("a")).findFirst().orElseThrow();
        assertThat(typeOnly.predictedLoss()).isCloseTo(Math.cbrt(0.02 * 0.02 * 10.01) - 0.01, within(1e-12));
        assertThat(typeOnly.support()).isEqualTo(3);
        assertThat(geo.dimensions(TaskType.FORECAST)).isEqualTo(1);
        assertThat(geo.dimensions(TaskType.DETECT_ANOMALY)).isEqualTo(-1);
        assertThatThrownBy(() -> geo.predict(new TaskFeatures(TaskType.FORECAST, new double[] {1, 2})))
                .hasMessageContaining("expected 1 values, got 2");
    }

    @Test
    void aHugePriorWeightMakesTheConstantRouterThatAlwaysPicksTheBestModelOnAverage() {
        List<TrainingExample> ex = new ArrayList<>(spiky());
        ex.add(ex(5, 0.5, 0.9));
        ex.add(ex(5.1, 0.5, 0.9));
        KnnPerformancePredictor p = KnnPerformancePredictor.train(ex, t -> new KnnPerformancePredictor.Setting(
                1, null, NetRouterBench.CONSTANT_PRIOR_WEIGHT, KnnPerformancePredictor.Aggregation.ARITHMETIC));
        // whole-memory means: a = (0.01 + 0.01 + 10 + 0.5 + 0.5) / 5 = 2.204, b = (3 + 1.8) / 5 = 0.96, wherever asked
        for (double x : new double[] {0, 0.1, 5}) {
            List<ModelEstimate> est = p.predict(f(x));
            assertThat(est.get(0).predictedLoss()).isCloseTo(2.204, within(1e-6));
            assertThat(est.get(1).predictedLoss()).isCloseTo(0.96, within(1e-6));
        }
    }

    @Test
    void settingsSurviveSavingAndBadOnesAreNamed(@TempDir Path dir) throws Exception {
        KnnPerformancePredictor p = KnnPerformancePredictor.train(spiky(), t -> new KnnPerformancePredictor.Setting(
                2, null, 3, KnnPerformancePredictor.Aggregation.ARITHMETIC));
        Path file = dir.resolve("router.json");
        RouterJson.write(p, file);
        KnnPerformancePredictor q = RouterJson.read(file);
        assertThat(q.aggregation(TaskType.FORECAST)).isEqualTo(KnnPerformancePredictor.Aggregation.ARITHMETIC);
        assertThat(q.priorWeight(TaskType.FORECAST)).isEqualTo(3);
        for (double x : new double[] {0, 0.1, 0.2, 1}) {
            assertThat(q.predict(f(x))).isEqualTo(p.predict(f(x)));
        }
        Files.writeString(file, Files.readString(file).replace("\"arithmetic\"", "\"median\""));
        assertThatThrownBy(() -> RouterJson.read(file)).hasMessageContaining("/tasks/forecast/aggregation")
                .hasMessageContaining("geometric, arithmetic");
        assertThatThrownBy(() -> new KnnPerformancePredictor.Setting(0, null, 0,
                KnnPerformancePredictor.Aggregation.GEOMETRIC)).hasMessageContaining("k: must be >= 1");
    }

    /**
     * A synthetic corpus of 60 series, 4 tasks each: feature 0 is the series' own trait x in [0, 1); model "low" wins
     * (loss 0.2 against 0.6) when x < 0.5 and "high" otherwise, each loss with small noise; feature 1 is noise.
     */
    private static List<NetRouterBench.Labelled> learnable(long seed, boolean informative) {
        Random rnd = new Random(seed);
        List<NetRouterBench.Labelled> out = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            double x = rnd.nextDouble();
            for (int w = 0; w < 4; w++) {
                boolean lowWins = informative ? x < 0.5 : rnd.nextDouble() < 0.7;
                double low = (lowWins ? 0.2 : 0.6) + 0.05 * rnd.nextDouble();
                double high = (lowWins ? 0.6 : 0.2) + 0.05 * rnd.nextDouble();
                TaskFeatures tf = new TaskFeatures(TaskType.FORECAST, new double[] {x + 0.01 * rnd.nextGaussian(),
                        rnd.nextGaussian()});
                Map<String, Double> loss = Map.of("low", low, "high", high);
                out.add(new NetRouterBench.Labelled("s" + s, true,
                        new TrainingExample(tf, loss, Map.of("low", 1.0, "high", 1.0), Map.of("low", 1.0, "high", 1.0)),
                        new EvaluatedTask("s" + s + "#" + w, "syn", tf, loss, Map.of("low", 1 - low, "high", 1 - high))));
            }
        }
        return out;
    }

    @Test
    void crossValidationLearnsAWinnerThatIsAFunctionOfAFeatureReproducibly() {
        Map<TaskType, NetRouterBench.Config> c = NetRouterBench.chooseConfig(learnable(3, true), 11);
        NetRouterBench.Config forecast = c.get(TaskType.FORECAST);
        assertThat(forecast.constant()).isFalse();
        // the best single model is right about half the time; the learned rule on feature 0 nearly always
        assertThat(forecast.cvPickRate()).isGreaterThan(0.9);
        assertThat(NetRouterBench.chooseConfig(learnable(3, true), 11)).isEqualTo(c);
        // trained on it, the router picks by x on new tasks
        KnnPerformancePredictor p = NetRouterBench.train(learnable(3, true).stream().map(NetRouterBench.Labelled::example)
                .toList(), c);
        assertThat(argmin(p.predict(new TaskFeatures(TaskType.FORECAST, new double[] {0.1, 0})))).isEqualTo("low");
        assertThat(argmin(p.predict(new TaskFeatures(TaskType.FORECAST, new double[] {0.9, 0})))).isEqualTo("high");
    }

    @Test
    void whenTheFeaturesSayNothingTheChoiceIsNoWorseInRegretThanTheBestSingleModel() {
        List<NetRouterBench.Labelled> noise = learnable(5, false);
        NetRouterBench.Config c = NetRouterBench.chooseConfig(noise, 11).get(TaskType.FORECAST);
        NetRouterBench.Config constant = NetRouterBench.cv(noise, 11, new NetRouterBench.Config(20, "all",
                NetRouterBench.CONSTANT_PRIOR_WEIGHT, KnnPerformancePredictor.Aggregation.GEOMETRIC, 0, 0));
        // "low" wins 70% of tasks at random: the constant router picks it, and nothing chosen may regret more
        assertThat(constant.cvPickRate()).isBetween(0.6, 0.8);
        assertThat(c.cvRegret()).isLessThanOrEqualTo(constant.cvRegret() + 1e-12);
    }

    private static String argmin(List<ModelEstimate> est) {
        return est.stream().min(java.util.Comparator.comparingDouble(ModelEstimate::predictedLoss)).orElseThrow().modelId();
    }
}
