package io.thalamus.intent.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.models.corpus.BenchTask;
import io.thalamus.models.corpus.Corpus;
import io.thalamus.models.corpus.CorpusBuilder;
import io.thalamus.models.corpus.CorpusSpec;
import io.thalamus.models.corpus.SeriesSource;
import io.thalamus.models.evaluation.BenchRunner;
import io.thalamus.models.evaluation.Outcome;
import io.thalamus.models.registry.ModelRegistry;
import io.thalamus.network.data.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NetRouterBenchTest {

    private static double[] series(Random rnd, int n, int kind) {
        double[] y = new double[n];
        double level = 50 + 100 * rnd.nextDouble();
        for (int i = 0; i < n; i++) {
            double season = kind == 0 ? 0.4 * level * Math.sin(2 * Math.PI * i / 96) : 0;
            double walk = kind == 1 ? (i > 0 ? y[i - 1] - level : 0) + rnd.nextGaussian() * 2 : 0;
            y[i] = level + season + walk + rnd.nextGaussian() * (kind == 2 ? 10 : 2);
        }
        return y;
    }

    private static Path wideCsv(Path file, Random rnd, int columns, int rows) throws Exception {
        StringBuilder sb = new StringBuilder("time");
        List<double[]> cols = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            sb.append(",s").append(c);
            cols.add(series(rnd, rows, c % 3));
        }
        sb.append('\n');
        LocalDateTime t = LocalDateTime.of(2005, 4, 1, 0, 0);
        for (int r = 0; r < rows; r++) {
            sb.append(t.plusMinutes(15L * r));
            for (double[] col : cols) {
                sb.append(',').append(col[r]);
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void savedRouterEvaluatesOnAnUnseenSeriesFile(@TempDir Path dir) throws Exception {
        Random rnd = new Random(21);
        List<SeriesSource> train = new ArrayList<>();
        for (int s = 0; s < 24; s++) {
            train.add(new SeriesSource("syn/" + s, "syn", series(rnd, 700, s % 3), 96));
        }
        ModelRegistry registry = ModelRegistry.fromClasspath();
        Corpus corpus = new CorpusBuilder(new CorpusSpec(24, 3, 0, 1.0, 3)).forecastingOnly(train);
        List<Outcome> outcomes = new BenchRunner(registry).run(corpus);
        ProbeFeatures probes = new ProbeFeatures(registry);
        Map<String, TaskFeatures> features = new HashMap<>();
        for (BenchTask t : corpus.tasks()) {
            features.put(t.id(), NetRouterBench.features(probes, t));
        }
        KnnPerformancePredictor p = KnnPerformancePredictor.train(
                NetRouterBench.examples(corpus.tasks(), features, NetRouterBench.group(outcomes)), 5);
        Path routerFile = dir.resolve("router.json");
        RouterJson.write(p, routerFile);

        ObjectNode r = NetRouterBench.evaluateForecastFile(routerFile, wideCsv(dir.resolve("new.csv"), rnd, 9, 600), 5);
        assertThat(r.get("tasks").asInt()).isEqualTo(27);
        assertThat(r.get("randomOptimalPickRate").asDouble()).isBetween(0.2, 0.3);
        assertThat(r.get("optimalPickRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.get("meanRegret").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(r.get("bestSingleMeanRegret").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(r.get("aiq").asDouble()).isPositive();
        assertThat(r.get("period").asInt()).isEqualTo(96);
    }

    @Test
    void realCorpusIsSplitBySeriesAndTheBenchWritesItsFiles(@TempDir Path out) throws Exception {
        Path root = SharedData.root().orElse(null);
        Assumptions.assumeTrue(root != null, "shared data folder not found: set THALAMUS_DATA");
        NetRouterBench.Result r = NetRouterBench.run(root, out, new CorpusSpec(6, 1, 1, 0.5, 99), System.out);
        for (String f : List.of("outcomes.jsonl", "router.json", "results.json", "results.md")) {
            assertThat(out.resolve(f)).exists();
        }
        com.fasterxml.jackson.databind.JsonNode saved = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("router.json").toFile());
        for (String type : List.of("forecast", "detect-anomaly")) {
            // one name per feature, probes included
            assertThat(saved.path("tasks").path(type).path("featureNames").size())
                    .isEqualTo(saved.path("tasks").path(type).path("mean").size()).isGreaterThan(SeriesFeatures.NAMES.size());
        }
        Corpus corpus = r.corpus();
        Set<String> trainKeys = new HashSet<>();
        Set<String> testKeys = new HashSet<>();
        for (BenchTask t : corpus.tasks()) {
            (corpus.isTrain(t) ? trainKeys : testKeys).add(t.splitKey());
        }
        assertThat(trainKeys).isNotEmpty().doesNotContainAnyElementsOf(testKeys);
        assertThat(testKeys).isNotEmpty();
        assertThat(corpus.tasks()).extracting(BenchTask::family)
                .contains("geant-totem", "abilene", "5g-ucc");
        assertThat(r.scores()).extracting(RouterEvaluation.TaskTypeScore::task).contains("forecast", "detect-anomaly");
        assertThat(r.json().path("configuration").path("forecast").path("selectionRule").asText())
                .isEqualTo(NetRouterBench.DEFAULT_SELECTION_RULE.wire());
    }

    @Test
    void theSelectionRuleStudyRunsOnTheTrainSideOnly() {
        Path root = SharedData.root().orElse(null);
        Assumptions.assumeTrue(root != null, "shared data folder not found: set THALAMUS_DATA");
        CorpusSpec spec = new CorpusSpec(6, 1, 1, 0.5, 99);
        Corpus corpus = new CorpusBuilder(spec).build(root);
        List<NetRouterBench.Labelled> items = SelectionRuleStudy.trainTasks(root, spec, System.out);
        Set<String> seriesTaskIds = new HashSet<>();
        for (NetRouterBench.Labelled l : items) {
            assertThat(l.train()).isTrue();
            String id = l.evaluated().taskId();
            if (!id.startsWith("admit-flows:") && !id.startsWith("route:")) {
                assertThat(corpus.trainKeys()).contains(l.splitKey());
                seriesTaskIds.add(id);
            }
        }
        // every train-side series task, and no test-side one
        assertThat(seriesTaskIds).isEqualTo(new HashSet<>(corpus.train().stream().map(BenchTask::id).toList()));
        assertThat(corpus.test()).isNotEmpty();
        assertThat(items).anyMatch(l -> l.evaluated().taskId().startsWith("admit-flows:"));
    }
}
