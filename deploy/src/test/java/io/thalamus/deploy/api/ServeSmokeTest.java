package io.thalamus.deploy.api;

import io.thalamus.deploy.Thalamus;
import io.thalamus.deploy.ThalamusConfig;
import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the real application on a free port and talks to it over HTTP. */
class ServeSmokeTest {

    @Test
    void servesHealthAndTheBuiltinTopology(@TempDir Path state) throws Exception {
        try (Thalamus app = Thalamus.start(ThalamusConfig.defaults().withPort(0).withStateDir(state).withEnglish(false)
                .withTelemetryReplay(false))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");

            HttpResponse<String> topo = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/topology")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(topo.statusCode()).isEqualTo(200);
            Topology t = TopologyJson.parse(topo.body(), "response");
            assertThat(t.nodeCount()).isEqualTo(11);
            assertThat(t.physicalLinkCount()).isEqualTo(14);
            assertThat(t.linkCount()).isEqualTo(28);

            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/nope")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
        }
    }
}
