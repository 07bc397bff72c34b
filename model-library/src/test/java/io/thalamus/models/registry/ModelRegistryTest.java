package io.thalamus.models.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.models.anomaly.AnomalyDetector;
import io.thalamus.models.card.CardViolation;
import io.thalamus.models.card.InvalidCardException;
import io.thalamus.models.card.ModelCardJson;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.forecast.Forecaster;
import io.thalamus.models.qos.SatisfactionModel;
import io.thalamus.models.runtime.ChatModel;
import io.thalamus.models.runtime.TensorModel;
import io.thalamus.network.flow.ZoneOfTolerance;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRegistryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode validCard(String id) throws Exception {
        try (InputStream in = ModelRegistryTest.class.getResourceAsStream("/META-INF/thalamus/models/forecast.ewma.json")) {
            ObjectNode n = (ObjectNode) MAPPER.readTree(in);
            n.put("id", id);
            return n;
        }
    }

    private static List<CardViolation> violations(ObjectNode card) {
        try {
            new ModelCardJson().read("test.json", card.toString());
        } catch (InvalidCardException e) {
            return e.violations();
        }
        throw new AssertionError("card was accepted: " + card);
    }

    @Test
    void loadsEveryBuiltInCardFromTheClasspath() {
        ModelRegistry r = ModelRegistry.fromClasspath();
        assertThat(r.cards()).extracting(c -> c.id()).containsExactly("anomaly.behaviour-profile", "anomaly.ewma-chart",
                "anomaly.robust-z", "forecast.ar", "forecast.ewma", "forecast.holt-winters", "forecast.ridge-lags",
                "forecast.seasonal-naive", "qos.zone-of-tolerance", "text.all-minilm-l6-v2");
        assertThat(r.cardsFor(TaskType.FORECAST)).hasSize(5);
        assertThat(r.model("forecast.ewma", Forecaster.class).forecast(new double[] {2, 4}, 1, 1)[0])
                .isEqualTo(0.3 * 4 + 0.7 * 2);
        assertThat(r.model("anomaly.robust-z", AnomalyDetector.class)).isNotNull();
        assertThat(r.model("qos.zone-of-tolerance", SatisfactionModel.class)
                .satisfaction(new ZoneOfTolerance("delayMs", 100, 20), 60)).isEqualTo(0.5);
    }

    @Test
    void refusesAModelOfTheWrongType() {
        ModelRegistry r = ModelRegistry.fromClasspath();
        assertThatThrownBy(() -> r.model("forecast.ewma", AnomalyDetector.class))
                .hasMessageContaining("not a AnomalyDetector");
        assertThatThrownBy(() -> r.model("nope", Forecaster.class)).hasMessageContaining("unknown model id 'nope'");
    }

    @Test
    void rejectsMissingRequiredFieldNamingIt() throws Exception {
        ObjectNode card = validCard("x.y");
        card.remove("license");
        assertThat(violations(card)).containsExactly(new CardViolation("/license", "is required"));
    }

    @Test
    void rejectsUnknownTaskTypeAtItsIndex() throws Exception {
        ObjectNode card = validCard("x.y");
        card.putArray("tasks").add("forecast").add("forcast");
        List<CardViolation> v = violations(card);
        assertThat(v).hasSize(1);
        assertThat(v.get(0).pointer()).isEqualTo("/tasks/1");
        assertThat(v.get(0).reason()).contains("enum");
    }

    @Test
    void rejectsNegativeSizeAndBadVersionAndBadImplementation() throws Exception {
        ObjectNode card = validCard("x.y");
        ((ObjectNode) card.get("size")).put("parameters", -1);
        card.put("version", "one");
        card.put("implementation", "python:model.py");
        assertThat(violations(card)).extracting(CardViolation::pointer)
                .containsExactly("/implementation", "/size/parameters", "/version");
    }

    @Test
    void rejectsUnknownFieldAndBrokenJson() throws Exception {
        ObjectNode card = validCard("x.y");
        card.put("colour", "blue");
        assertThat(violations(card)).containsExactly(new CardViolation("/colour", "is not an allowed field"));
        assertThatThrownBy(() -> new ModelCardJson().read("broken.json", "{\"id\": "))
                .isInstanceOf(InvalidCardException.class).hasMessageContaining("broken.json").hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsImpossibleReleaseDate() throws Exception {
        ObjectNode card = validCard("x.y");
        card.put("releaseDate", "2026-02-31");
        assertThat(violations(card)).extracting(CardViolation::pointer).containsExactly("/releaseDate");
    }

    @Test
    void cardNamingAMissingClassFailsAtLoad(@TempDir Path dir) throws Exception {
        ObjectNode card = validCard("x.missing");
        card.put("implementation", "java:com.example.NoSuchProvider");
        Files.writeString(dir.resolve("missing.json"), card.toString());
        assertThatThrownBy(() -> ModelRegistry.withDirectory(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("x.missing").hasMessageContaining("/implementation")
                .hasMessageContaining("com.example.NoSuchProvider not found");
    }

    @Test
    void cardNamingAClassThatIsNoProviderFailsAtLoad(@TempDir Path dir) throws Exception {
        ObjectNode card = validCard("x.string");
        card.put("implementation", "java:java.lang.String");
        Files.writeString(dir.resolve("s.json"), card.toString());
        assertThatThrownBy(() -> ModelRegistry.withDirectory(dir)).hasMessageContaining("not a registered ModelProvider");
    }

    @Test
    void cardWithUnknownAlgorithmFailsAtLoad(@TempDir Path dir) throws Exception {
        ObjectNode card = validCard("x.algo");
        ((ObjectNode) card.get("parameters")).put("algorithm", "prophet");
        Files.writeString(dir.resolve("a.json"), card.toString());
        assertThatThrownBy(() -> ModelRegistry.withDirectory(dir)).hasMessageContaining("unknown forecaster 'prophet'");
    }

    @Test
    void onnxCardWithMissingFileFailsAtLoad(@TempDir Path dir) throws Exception {
        ObjectNode card = validCard("x.onnx");
        card.put("implementation", "onnx:models/absent.onnx");
        Files.writeString(dir.resolve("o.json"), card.toString());
        assertThatThrownBy(() -> ModelRegistry.withDirectory(dir)).hasMessageContaining("onnx file not found");
    }

    @Test
    void onnxCardRunsWithOnnxRuntime(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("double.onnx"), TinyOnnx.doubling());
        ObjectNode card = validCard("x.double");
        card.put("implementation", "onnx:double.onnx");
        card.putArray("tasks").add("estimate-delay");
        Files.writeString(dir.resolve("o.json"), card.toString());
        try (ModelRegistry r = ModelRegistry.withDirectory(dir)) {
            float[] out = r.model("x.double", TensorModel.class).run(new float[] {1, 2.5f, -3}, new long[] {3});
            assertThat(out).containsExactly(2f, 5f, -6f);
        }
    }

    @Test
    void onnxCardWithGarbageFileFailsAtLoad(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("bad.onnx"), new byte[] {1, 2, 3, 4});
        ObjectNode card = validCard("x.bad");
        card.put("implementation", "onnx:bad.onnx");
        Files.writeString(dir.resolve("o.json"), card.toString());
        assertThatThrownBy(() -> ModelRegistry.withDirectory(dir)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("ONNX Runtime cannot load");
    }

    @Test
    void httpCardCallsAnOpenAiCompatibleEndpoint(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String[] seen = new String[1];
        server.createContext("/v1/chat/completions", ex -> {
            seen[0] = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"forecast the link\"}}]}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            ObjectNode card = validCard("x.llm");
            card.put("implementation", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
            card.putArray("tasks").add("classify-intent");
            card.putObject("parameters").put("model", "tiny");
            Files.writeString(dir.resolve("l.json"), card.toString());
            try (ModelRegistry r = ModelRegistry.withDirectory(dir)) {
                assertThat(r.model("x.llm", ChatModel.class).complete("what next?")).isEqualTo("forecast the link");
            }
            assertThat(seen[0]).contains("\"model\":\"tiny\"").contains("what next?");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void directoryCardsOverrideAndReloadAtomically(@TempDir Path dir) throws Exception {
        ObjectNode card = validCard("forecast.ewma");
        card.put("name", "EWMA tuned by operator");
        ((ObjectNode) card.get("parameters")).put("alpha", 0.9);
        Files.writeString(dir.resolve("ewma.json"), card.toString());
        try (ModelRegistry r = ModelRegistry.withDirectory(dir)) {
            assertThat(r.card("forecast.ewma").orElseThrow().name()).isEqualTo("EWMA tuned by operator");
            assertThat(r.model("forecast.ewma", Forecaster.class).forecast(new double[] {0, 10}, 1, 1)[0]).isEqualTo(9.0);
            Files.writeString(dir.resolve("extra.json"), validCard("x.extra").toString());
            r.reload();
            assertThat(r.card("x.extra")).isPresent();
            Files.writeString(dir.resolve("broken.json"), "{}");
            assertThatThrownBy(r::reload).isInstanceOf(InvalidCardException.class).hasMessageContaining("broken.json");
            assertThat(r.card("x.extra")).isPresent();
            assertThat(r.cards()).hasSize(11);
        }
    }

    @Test
    void watchedDirectoryReloadsByItself(@TempDir Path dir) throws Exception {
        try (ModelRegistry r = ModelRegistry.withDirectory(dir)) {
            r.watch();
            Files.writeString(dir.resolve("late.json"), validCard("x.late").toString());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (r.card("x.late").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(r.card("x.late")).isPresent();
        }
    }

    @Test
    void validateDirectoryReportsEachFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.json"), validCard("x.good").toString());
        ObjectNode bad = validCard("x.bad");
        bad.remove("cost");
        Files.writeString(dir.resolve("bad.json"), bad.toString());
        Map<Path, List<String>> report = ModelRegistry.validateDirectory(dir);
        assertThat(report.get(dir.resolve("good.json"))).isEmpty();
        assertThat(report.get(dir.resolve("bad.json"))).containsExactly("/cost: is required");
    }
}
