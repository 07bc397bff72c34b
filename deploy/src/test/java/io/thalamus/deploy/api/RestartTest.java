package io.thalamus.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.thalamus.deploy.Thalamus;
import io.thalamus.deploy.ThalamusConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stops the application and starts it again on the same state folder: every intent and its state are back. */
class RestartTest {

    @Test
    void everyIntentAndItsStateSurviveARestart() throws Exception {
        Path state = Files.createTempDirectory("thalamus-restart");
        ThalamusConfig config = ThalamusConfig.defaults().withPort(0).withStateDir(state).withEnglish(false)
                .withTelemetryReplay(false);
        Map<String, String> before = new LinkedHashMap<>();
        String installedLocation;
        try (Thalamus app = Thalamus.start(config)) {
            Http http = new Http(app.port());
            installedLocation = http.post("/api/intents", IntentApiTest.DEMO).location();
            String failed = http.post("/api/intents", "{\"key\":\"hot\",\"type\":\"connectivity\",\"spec\":{\"source\":\"DNVR\","
                    + "\"destination\":\"KSCY\",\"bandwidthBps\":9e9},\"expectations\":[{\"metric\":\"max-link-utilization\","
                    + "\"op\":\"<=\",\"target\":0.8}]}").location();
            String gone = http.post("/api/intents", "{\"key\":\"gone\",\"type\":\"connectivity\",\"spec\":{\"source\":\"ATLA\","
                    + "\"destination\":\"WASH\",\"bandwidthBps\":1e6}}").location();
            String dry = http.post("/api/intents", "{\"key\":\"dry\",\"type\":\"connectivity\",\"mode\":\"dry-run\",\"spec\":"
                    + "{\"source\":\"HSTN\",\"destination\":\"ATLA\",\"bandwidthBps\":1e6}}").location();
            for (String loc : new String[] {installedLocation, failed, gone, dry}) {
                http.await(loc, Http::settled);
            }
            http.delete(gone);
            for (String loc : new String[] {installedLocation, failed, gone, dry}) {
                before.put(loc, http.get(loc).json().get("state").asText());
            }
        }
        assertThat(before.values()).containsExactly("INSTALLED", "FAILED", "WITHDRAWN", "WITHDRAWN");
        try (Thalamus app = Thalamus.start(config)) {
            Http http = new Http(app.port());
            for (Map.Entry<String, String> e : before.entrySet()) {
                JsonNode intent = http.get(e.getKey()).json();
                assertThat(intent.get("state").asText()).as(e.getKey()).isEqualTo(e.getValue());
            }
            JsonNode demo = http.get(installedLocation).json();
            assertThat(demo.get("history")).hasSize(4);
            assertThat(demo.get("blueprint")).hasSize(4);
            // the installed route is back on the twin, and the key still maps to the same intent
            assertThat(app.engine().controller().rules()).isNotEmpty();
            Http.Reply again = http.post("/api/intents", IntentApiTest.DEMO);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.location()).isEqualTo(installedLocation);
        }
    }
}
