package io.thalamus.intent.routing;

import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.SecurityClearance;
import io.thalamus.models.card.TaskType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.thalamus.intent.routing.RouterFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelRouterTest {

    @Test
    void withAllWeightsZeroPicksTheHighestPredictedQuality() {
        ModelRouter r = RouterFixtures.router();
        assertThat(r.route(at(0), RoutingPreferences.none()).modelId()).isEqualTo("big");
        assertThat(r.route(at(10), RoutingPreferences.none()).modelId()).isEqualTo("small");
        RouteDecision d = r.route(at(0.02), RoutingPreferences.none());
        assertThat(d.chosen().predictedLoss()).isCloseTo(0.2, within(1e-9));
        assertThat(d.reasons().get(0)).startsWith("chose big").contains("predicted loss 0.2000");
    }

    @Test
    void raisingTheSizeWeightMovesTheChoiceToSmallerModels() {
        ModelRouter r = RouterFixtures.router();
        Map<String, Long> size = new HashMap<>();
        RouterFixtures.cards().forEach(c -> size.put(c.id(), c.parameterCount()));
        long previous = Long.MAX_VALUE;
        List<String> seen = new ArrayList<>();
        for (double lambda = 0; lambda <= 2.0; lambda += 0.05) {
            String m = r.route(at(0), RoutingPreferences.none().withWeight(RoutingFlag.SIZE, lambda)).modelId();
            assertThat(size.get(m)).isLessThanOrEqualTo(previous);
            previous = size.get(m);
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(m)) {
                seen.add(m);
            }
        }
        assertThat(seen).containsExactly("big", "mid", "small");
    }

    @Test
    void hardLimitsAreNeverViolated() {
        ModelRouter r = RouterFixtures.router();
        Map<String, ModelCard> cards = new HashMap<>();
        RouterFixtures.cards().forEach(c -> cards.put(c.id(), c));
        Random rnd = new Random(42);
        double[] latencies = {0.05, 0.5, 5, 50, Double.POSITIVE_INFINITY};
        long[] sizes = {0, 10, 10_000, 10_000_000};
        int decided = 0;
        int refused = 0;
        for (int i = 0; i < 500; i++) {
            RoutingPreferences p = RoutingPreferences.none()
                    .withMaxLatencyMs(latencies[rnd.nextInt(latencies.length)])
                    .withMinClearance(SecurityClearance.values()[rnd.nextInt(4)])
                    .withMaxParameters(sizes[rnd.nextInt(sizes.length)])
                    .withWeight(RoutingFlag.values()[rnd.nextInt(5)], rnd.nextDouble() * 3);
            TaskFeatures f = at(rnd.nextDouble() * 10);
            Map<String, Double> latency = new HashMap<>();
            r.predictor().predict(f).forEach(e -> latency.put(e.modelId(), e.predictedLatencyMs()));
            boolean anyFeasible = cards.values().stream().anyMatch(c -> c.clearance().covers(p.minClearance())
                    && c.parameterCount() <= p.maxParameters() && latency.get(c.id()) <= p.maxLatencyMs());
            try {
                RouteDecision d = r.route(f, p);
                ModelCard c = cards.get(d.modelId());
                assertThat(c.clearance().covers(p.minClearance())).isTrue();
                assertThat(c.parameterCount()).isLessThanOrEqualTo(p.maxParameters());
                assertThat(latency.get(c.id())).isLessThanOrEqualTo(p.maxLatencyMs());
                decided++;
            } catch (NoFeasibleModelException e) {
                assertThat(anyFeasible).isFalse();
                assertThat(e.getMessage()).contains("big:").contains("mid:").contains("small:");
                refused++;
            }
        }
        assertThat(decided).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void paretoFrontHoldsNoDominatedModel() {
        List<String> ids = List.of("a", "b", "c", "d", "e", "f");
        Random rnd = new Random(3);
        List<TrainingExample> ex = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Double> loss = new HashMap<>();
            Map<String, Double> lat = new HashMap<>();
            Map<String, Double> cpu = new HashMap<>();
            for (String id : ids) {
                loss.put(id, rnd.nextDouble());
                lat.put(id, rnd.nextDouble() * 5);
                cpu.put(id, rnd.nextDouble() * 5);
            }
            ex.add(new TrainingExample(at(rnd.nextDouble() * 10), loss, lat, cpu));
        }
        List<ModelCard> cards = ids.stream().map(id -> RouterFixtures.card(id, 10, "2025-01-01",
                SecurityClearance.RESTRICTED)).toList();
        ModelRouter r = new ModelRouter(KnnPerformancePredictor.train(ex, 4), cards, LoadShifter.standard());
        for (int t = 0; t < 100; t++) {
            RouteDecision d = r.route(at(rnd.nextDouble() * 10), RoutingPreferences.none());
            List<CandidateScore> feasible = d.candidates().stream().filter(CandidateScore::feasible).toList();
            for (CandidateScore a : feasible) {
                boolean dominated = feasible.stream().anyMatch(b -> b != a
                        && b.predictedLoss() <= a.predictedLoss() && b.predictedCostMs() <= a.predictedCostMs()
                        && b.predictedLatencyMs() <= a.predictedLatencyMs()
                        && (b.predictedLoss() < a.predictedLoss() || b.predictedCostMs() < a.predictedCostMs()
                        || b.predictedLatencyMs() < a.predictedLatencyMs()));
                assertThat(d.paretoFront().contains(a.modelId())).isEqualTo(!dominated);
            }
            assertThat(d.paretoFront()).contains(d.modelId());
        }
    }

    @Test
    void identicalInputsGetIdenticalCachedDecisions() {
        ModelRouter a = RouterFixtures.router();
        ModelRouter b = RouterFixtures.router();
        RoutingPreferences p = RoutingPreferences.none().withWeight(RoutingFlag.RECENCY, 0.3);
        RouteDecision first = a.route(at(4.2), p);
        assertThat(a.route(at(4.2), p)).isSameAs(first);
        assertThat(a.cacheHits()).isEqualTo(1);
        RouteDecision other = b.route(at(4.2), p);
        assertThat(other).isEqualTo(first);
        assertThat(other.decisionId()).isEqualTo(first.decisionId());
        assertThat(a.route(at(4.3), p).decisionId()).isNotEqualTo(first.decisionId());
    }

    @Test
    void loadAwareModeShiftsToCheaperModelsAndBack() {
        ModelRouter r = RouterFixtures.router();
        assertThat(r.route(at(0), RoutingPreferences.none()).modelId()).isEqualTo("big");
        r.reportQueueDepth(40);
        RouteDecision busy = r.route(at(0), RoutingPreferences.none());
        assertThat(busy.loadShifted()).isTrue();
        assertThat(busy.modelId()).isEqualTo("mid");
        assertThat(busy.reasons()).anyMatch(s -> s.startsWith("load-aware mode on (queue 40 >= 32)"));
        r.reportQueueDepth(20);
        assertThat(r.route(at(0), RoutingPreferences.none()).modelId()).isEqualTo("mid");
        r.reportQueueDepth(5);
        RouteDecision calm = r.route(at(0), RoutingPreferences.none());
        assertThat(calm.loadShifted()).isFalse();
        assertThat(calm.modelId()).isEqualTo("big");
    }

    @Test
    void feedbackUpdatesThePredictor() {
        ModelRouter r = RouterFixtures.router();
        RouteDecision before = r.route(at(0), RoutingPreferences.none());
        assertThat(before.modelId()).isEqualTo("big");
        for (int i = 0; i < 3; i++) {
            r.observe(at(0), "big", 3.0, 10, 10);
        }
        RouteDecision after = r.route(at(0), RoutingPreferences.none());
        assertThat(after.modelId()).isEqualTo("mid");
        assertThat(after.decisionId()).isNotEqualTo(before.decisionId());
        assertThatThrownBy(() -> r.observe(at(0), "huge", 1, 1, 1)).hasMessageContaining("model 'huge' unknown");
    }

    @Test
    void exclusionsAreExplained() {
        RouteDecision d = RouterFixtures.router().route(at(0), RoutingPreferences.none()
                .withMinClearance(SecurityClearance.CONFIDENTIAL).withMaxParameters(100));
        assertThat(d.modelId()).isEqualTo("small");
        assertThat(d.reasons()).contains("excluded big: clearance internal below required confidential",
                "excluded mid: 1000 parameters > max 100");
    }

    @Test
    void routerJsonRoundTripsAndNamesBadFields(@TempDir Path dir) throws Exception {
        KnnPerformancePredictor p = KnnPerformancePredictor.train(RouterFixtures.examples(), 3);
        p.observe(at(5), "mid", 0.1, 1, 1);
        Path file = dir.resolve("router.json");
        RouterJson.write(p, file);
        KnnPerformancePredictor q = RouterJson.read(file);
        for (double x : new double[] {0, 3, 5, 7.5, 10}) {
            assertThat(q.predict(at(x))).isEqualTo(p.predict(at(x)));
        }
        Files.writeString(file, Files.readString(file).replaceFirst("\"k\":3", "\"k\":0"));
        assertThatThrownBy(() -> RouterJson.read(file)).hasMessageContaining("/tasks/forecast/k")
                .hasMessageContaining(">= 1");
    }

    @Test
    void thePriorWeightShrinksASmallNeighbourhoodTowardsTheModelsMeanAndSurvivesSaving(@TempDir Path dir) {
        KnnPerformancePredictor p = KnnPerformancePredictor.train(RouterFixtures.examples(), t -> 3, t -> null, 1.0);
        // near x = 0 the 3 neighbours all gave "big" loss 0.2; over the whole memory it lost 0.2 five times and 0.8
        // five times: log-mean = (3 ln 0.21 + (ln 0.21 + ln 0.81) / 2) / 4, back-transformed and minus ε = 0.01.
        double expected = Math.exp((3 * Math.log(0.21) + 0.5 * (Math.log(0.21) + Math.log(0.81))) / 4) - 0.01;
        ModelEstimate big = p.predict(at(0.02)).stream().filter(e -> e.modelId().equals("big")).findFirst().orElseThrow();
        assertThat(big.predictedLoss()).isCloseTo(expected, within(1e-12)).isCloseTo(0.2386, within(1e-4));
        Path file = dir.resolve("router.json");
        RouterJson.write(p, file);
        assertThat(RouterJson.read(file).predict(at(0.02))).isEqualTo(p.predict(at(0.02)));
        assertThatThrownBy(() -> KnnPerformancePredictor.train(RouterFixtures.examples(), t -> 3, t -> null, -1))
                .hasMessageContaining("priorWeight");
    }

    @Test
    void unknownTaskTypeHasNoCandidate() {
        assertThatThrownBy(() -> RouterFixtures.router().route(new TaskFeatures(TaskType.ROUTE, new double[] {1}),
                RoutingPreferences.none())).isInstanceOf(NoFeasibleModelException.class)
                .hasMessageContaining("no candidate serves this task type");
    }
}
