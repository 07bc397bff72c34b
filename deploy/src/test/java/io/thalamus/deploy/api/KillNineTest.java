package io.thalamus.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code thalamus serve} in a child JVM, killed with SIGKILL right after acknowledging intents (the engine still
 * busy with them): after a restart on the same state folder every acknowledged intent is there and completes.
 */
class KillNineTest {

    private static Process serve(Path state) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.thalamus.deploy.cli.ThalamusCli", "serve", "--port", "0", "--state-dir", state.toString(),
                "--no-english", "--no-telemetry-replay").redirectErrorStream(true).start();
    }

    private static int port(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern dash = Pattern.compile("dashboard : http://127\\.0\\.0\\.1:(\\d+)/");
        String line;
        while ((line = r.readLine()) != null) {
            Matcher m = dash.matcher(line);
            if (m.find()) {
                Thread t = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // keep the pipe drained
                        }
                    } catch (IOException ignored) {
                        // child gone
                    }
                });
                t.setDaemon(true);
                t.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("serve exited before listening");
    }

    @Test
    void acknowledgedIntentsSurviveSigkill() throws Exception {
        Path state = Files.createTempDirectory("thalamus-kill9");
        List<String> locations = new ArrayList<>();
        Process first = serve(state);
        try {
            Http http = new Http(port(first));
            String[] nodes = {"ATLA", "CHIN", "DNVR", "HSTN", "IPLS", "KSCY", "LOSA", "NYCM", "SNVA", "STTL", "WASH"};
            for (int i = 0; i < 40; i++) {
                Http.Reply r = http.post("/api/intents", "{\"key\":\"k9-" + i + "\",\"type\":\"connectivity\",\"spec\":{"
                        + "\"source\":\"" + nodes[i % 11] + "\",\"destination\":\"" + nodes[(i + 3) % 11] + "\","
                        + "\"bandwidthBps\":1e6}}");
                assertThat(r.status()).isEqualTo(202);
                locations.add(r.location());
            }
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Process second = serve(state);
        try {
            Http http = new Http(port(second));
            for (String loc : locations) {
                JsonNode intent = http.await(loc, Http::settled);
                assertThat(intent.get("state").asText()).as(loc).isEqualTo("INSTALLED");
            }
            assertThat(http.get("/api/intents?limit=500").json().get("total").asInt()).isEqualTo(locations.size());
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
