package io.thalamus.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.thalamus.deploy.Thalamus;
import io.thalamus.deploy.ThalamusConfig;
import io.thalamus.intent.language.EnglishIntents;
import io.thalamus.intent.language.LabelledSentence;
import io.thalamus.intent.language.RasaNluCorpus;
import io.thalamus.models.text.MiniLmEmbedder;
import io.thalamus.network.data.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English intents over HTTP with the real MiniLM embeddings. To stay fast the pipeline trains on every fifth
 * corpus sentence plus the built-in set (the full corpus and its held-out scores are EnglishHeldOutTest's job).
 */
class EnglishApiTest {

    private static Thalamus app;
    private static ApiServer api;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path corpus = SharedData.root().map(r -> r.resolve("intents/ibn-nlu/nlu.md")).orElse(null);
        Assumptions.assumeTrue(corpus != null && Files.isRegularFile(corpus), "shared data not found: skipping");
        Path state = Files.createTempDirectory("thalamus-english");
        app = Thalamus.start(ThalamusConfig.defaults().withPort(0).withStateDir(state).withEnglish(false)
                .withTelemetryReplay(false));
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        EnglishIntents english = new EnglishIntents(embedder::embed, app.engine().twin()::topology,
                Thalamus.ENGLISH_THRESHOLD, Path.of("target", "nlu-embeddings.bin"));
        List<LabelledSentence> all = RasaNluCorpus.read(corpus);
        List<LabelledSentence> training = new ArrayList<>(EnglishIntents.supplement());
        for (int i = 0; i < all.size(); i += 5) {
            training.add(all.get(i));
        }
        english.train(training, 7);
        api = ApiServer.start(0, new ApiBackend(app.engine(), app.topology(), app.models(), english, null));
        http = new Http(api.port());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void confidentEnglishIsSubmittedAndInstalled() throws Exception {
        Http.Reply r = http.post("/api/intents",
                "{\"text\":\"create a flow from Seattle to New York with at least 1 Gbps and a delay below 40 ms\"}");
        assertThat(r.status()).isEqualTo(202);
        JsonNode reply = r.json();
        assertThat(reply.get("understood").get("type").asText()).isEqualTo("connectivity");
        assertThat(reply.get("understood").get("spec").get("source").asText()).isEqualTo("STTL");
        assertThat(reply.get("understood").get("spec").get("bandwidthBps").asDouble()).isEqualTo(1e9);
        assertThat(reply.get("confidence").asDouble()).isGreaterThanOrEqualTo(Thalamus.ENGLISH_THRESHOLD);
        JsonNode intent = http.await(r.location(), Http::settled);
        assertThat(intent.get("state").asText()).isEqualTo("INSTALLED");
    }

    @Test
    void lowConfidenceAsksForConfirmationInsteadOfActing() throws Exception {
        int before = app.engine().store().size();
        Http.Reply r = http.post("/api/intents", "{\"text\":\"create a flow from h1 to host 37 at 2 Mbps\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("needs-confirmation");
        assertThat(r.json().get("problems").toString()).contains("not a node");
        assertThat(app.engine().store().size()).isEqualTo(before);
    }

    @Test
    void emptyTextIsNamedByPointer() throws Exception {
        Http.Reply r = http.post("/api/intents", "{\"text\":\"\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/text");
    }
}
