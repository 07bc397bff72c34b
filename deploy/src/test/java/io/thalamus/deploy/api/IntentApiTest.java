package io.thalamus.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.thalamus.deploy.Thalamus;
import io.thalamus.deploy.ThalamusConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application (embedded KRaft broker, telemetry pipeline, engine, API) over real HTTP on loopback. */
class IntentApiTest {

    /** The demo intent of issue 7, exactly as written there (node ids from the built-in Abilene). */
    static final String DEMO = "{\"key\":\"demo-1\",\"type\":\"connectivity\",\"priority\":5,\"spec\":{\"source\":\"STTL\","
            + "\"destination\":\"NYCM\",\"bandwidthBps\":1000000000,\"maxDelayMs\":40},\"expectations\":[{\"metric\":"
            + "\"max-link-utilization\",\"op\":\"<=\",\"target\":0.8}],\"flags\":{\"weights\":{\"latency\":1.0,\"size\":0.2},"
            + "\"limits\":{\"maxLatencyMs\":100}},\"mode\":\"apply\"}";

    private static Thalamus app;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path state = Files.createTempDirectory("thalamus-api");
        app = Thalamus.start(ThalamusConfig.defaults().withPort(0).withStateDir(state).withEnglish(false)
                .withTelemetryReplay(false));
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void demoIntentGoesToInstalledWithABlueprintAndModelDecisions() throws Exception {
        Http.Reply r = http.post("/api/intents", DEMO);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.location()).startsWith("/api/intents/");
        JsonNode intent = http.await(r.location(), Http::settled);
        assertThat(intent.get("state").asText()).isEqualTo("INSTALLED");
        assertThat(intent.get("history")).extracting(h -> h.get("state").asText())
                .containsExactly("SUBMITTED", "COMPILING", "INSTALLING", "INSTALLED");
        assertThat(intent.get("blueprint")).extracting(t -> t.get("type").asText())
                .containsExactly("forecast", "admit", "what-if", "install");
        assertThat(intent.get("decisions")).hasSize(4);
        for (JsonNode d : intent.get("decisions")) {
            assertThat(d.get("model").asText()).isNotBlank();
            assertThat(d.get("reasons")).isNotEmpty();
        }
        // the forecast task went through the model router over the registry's forecasting cards
        assertThat(intent.get("decisions").get(0).get("router").asText()).isEqualTo("model-router");
        assertThat(intent.get("decisions").get(0).get("model").asText()).startsWith("forecast.");
        JsonNode ev = intent.get("evidence").get(0);
        assertThat(ev.get("metric").asText()).isEqualTo("max-link-utilization");
        assertThat(ev.get("holds").asBoolean()).isTrue();
        JsonNode path = intent.get("paths").get(0);
        assertThat(path.get("nodes").get(0).asText()).isEqualTo("STTL");
        assertThat(path.get("propagationDelayMs").asDouble()).isLessThanOrEqualTo(40.0);
        // the twin carries the 1 Gbit/s on the first link of the path
        String first = path.get("links").get(0).asText();
        JsonNode links = http.get("/api/twin/links").json();
        double u = -1;
        for (JsonNode l : links) {
            if (l.get("id").asText().equals(first)) {
                u = l.get("utilization").asDouble();
            }
        }
        assertThat(u).isGreaterThanOrEqualTo(0.1 - 1e-9);
    }

    @Test
    void malformedJsonIsA400ProblemAtTheRoot() throws Exception {
        Http.Reply r = http.post("/api/intents", "{\"key\": \"x\", ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEmpty();
        assertThat(r.json().get("errors").get(0).get("detail").asText()).contains("malformed JSON");
    }

    @Test
    void aFieldGivenTwiceIsRefusedAndNothingIsStored() throws Exception {
        int before = http.get("/api/intents?limit=500").json().get("total").asInt();
        Http.Reply r = http.post("/api/intents", "{\"key\":\"twice-a\",\"key\":\"twice-b\",\"type\":\"connectivity\","
                + "\"priority\":5,\"spec\":{\"source\":\"STTL\",\"destination\":\"NYCM\",\"bandwidthBps\":1000},\"mode\":\"apply\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("detail").asText()).contains("malformed JSON").contains("'key'");
        assertThat(http.get("/api/intents?limit=500").json().get("total").asInt()).isEqualTo(before);
    }

    @Test
    void schemaViolationsNameEveryFieldByPointer() throws Exception {
        Http.Reply r = http.post("/api/intents", "{\"type\":\"connectivity\",\"priority\":-1,\"spec\":{\"source\":\"STTL\","
                + "\"bandwidthBps\":-5},\"expectations\":[{\"metric\":\"max-link-utilization\",\"op\":\"=<\",\"target\":0.8}],"
                + "\"mode\":\"now\",\"colour\":\"red\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertThat(pointers).contains("/key", "/priority", "/spec/destination", "/spec/bandwidthBps",
                "/expectations/0/op", "/mode", "/colour");
    }

    @Test
    void unknownNodesAreNamedByPointerToo() throws Exception {
        Http.Reply r = http.post("/api/intents", "{\"key\":\"nowhere\",\"type\":\"connectivity\",\"spec\":{\"source\":\"ATLA\","
                + "\"destination\":\"PARIS\",\"bandwidthBps\":1e6}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/spec/destination");
    }

    @Test
    void twinViolatedExpectationFailsWithEvidence() throws Exception {
        Http.Reply r = http.post("/api/intents", "{\"key\":\"too-hot\",\"type\":\"connectivity\",\"spec\":{\"source\":\"DNVR\","
                + "\"destination\":\"KSCY\",\"bandwidthBps\":9e9},\"expectations\":[{\"metric\":\"max-link-utilization\","
                + "\"op\":\"<=\",\"target\":0.8}]}");
        assertThat(r.status()).isEqualTo(202);
        JsonNode intent = http.await(r.location(), Http::settled);
        assertThat(intent.get("state").asText()).isEqualTo("FAILED");
        JsonNode ev = intent.get("evidence").get(0);
        assertThat(ev.get("holds").asBoolean()).isFalse();
        assertThat(ev.get("actual").asDouble()).isGreaterThanOrEqualTo(0.9 - 1e-9);
        assertThat(ev.get("margin").asDouble()).isGreaterThanOrEqualTo(0.1 - 1e-9);
        assertThat(intent.get("reason").asText()).contains("max-link-utilization");
        assertThat(intent.get("paths")).isEmpty();
    }

    @Test
    void routingPolicyIntentsRunEveryNamedPolicyAndRejectAnUnknownOne() throws Exception {
        for (String policy : new String[] {"shortest", "greedy", "learned", "three-hop"}) {
            Http.Reply r = http.post("/api/intents", "{\"key\":\"policy-" + policy + "\",\"type\":\"routing-policy\","
                    + "\"spec\":{\"policy\":\"" + policy + "\"},\"mode\":\"dry-run\"}");
            assertThat(r.status()).as(policy).isEqualTo(202);
            JsonNode intent = http.await(r.location(), Http::settled);
            // a dry run plans, runs the route task on a fork of the twin and installs nothing
            assertThat(intent.get("state").asText()).as(policy).isEqualTo("WITHDRAWN");
            assertThat(intent.get("reason").asText()).as(policy).startsWith("dry run");
            assertThat(intent.get("decisions").get(0).get("model").asText()).isEqualTo(policy + "-policy");
        }
        Http.Reply bad = http.post("/api/intents", "{\"key\":\"policy-x\",\"type\":\"routing-policy\",\"spec\":{\"policy\":\"four-hop\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/spec/policy");
        assertThat(bad.json().get("errors").get(0).get("detail").asText()).contains("three-hop");
    }

    @Test
    void duplicateKeyReturnsTheSameIntent() throws Exception {
        String key = "dup:a/b@c.d-e_f";
        String body = "{\"key\":\"" + key + "\",\"type\":\"connectivity\",\"spec\":{\"source\":\"ATLA\",\"destination\":\"HSTN\","
                + "\"bandwidthBps\":1e6}}";
        Http.Reply a = http.post("/api/intents", body);
        Http.Reply b = http.post("/api/intents", body);
        assertThat(a.status()).isEqualTo(202);
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.location()).isEqualTo(a.location());
        // the 202's body: what the intent was accepted as
        JsonNode accepted = a.json();
        assertThat(accepted.get("key").asText()).isEqualTo(key);
        assertThat(accepted.get("created").asBoolean()).isTrue();
        assertThat(accepted.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(accepted.get("location").asText()).isEqualTo(a.location()).isEqualTo("/api/intents/" + accepted.get("id").asText());
        assertThat(b.json().get("created").asBoolean()).isFalse();
        assertThat(b.json().get("id").asText()).isEqualTo(accepted.get("id").asText());
        JsonNode page = http.get("/api/intents?limit=500").json();
        long withKey = 0;
        for (JsonNode i : page.get("items")) {
            withKey += i.get("key").asText().equals(key) ? 1 : 0;
        }
        assertThat(withKey).isEqualTo(1);
    }

    @Test
    void withdrawRemovesTheRoutes() throws Exception {
        Http.Reply r = http.post("/api/intents", "{\"key\":\"temp\",\"type\":\"connectivity\",\"spec\":{\"source\":\"LOSA\","
                + "\"destination\":\"HSTN\",\"bandwidthBps\":3e9}}");
        JsonNode installed = http.await(r.location(), Http::settled);
        assertThat(installed.get("state").asText()).isEqualTo("INSTALLED");
        Http.Reply d = http.delete(r.location());
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.json().get("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(http.get(r.location()).json().get("paths")).isEmpty();
        assertThat(http.delete("/api/intents/nope").status()).isEqualTo(404);
    }

    @Test
    void listFiltersByStateAndTypeAndRejectsBadParameters() throws Exception {
        http.await(http.post("/api/intents", "{\"key\":\"list-a\",\"type\":\"connectivity\",\"spec\":{\"source\":\"CHIN\","
                + "\"destination\":\"IPLS\",\"bandwidthBps\":1e6}}").location(), Http::settled);
        JsonNode page = http.get("/api/intents?state=INSTALLED&type=connectivity&limit=2").json();
        assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(1);
        page.get("items").forEach(i -> assertThat(i.get("state").asText()).isEqualTo("INSTALLED"));
        Http.Reply bad = http.get("/api/intents?state=HAPPY&limit=9999");
        assertThat(bad.status()).isEqualTo(400);
        List<String> params = new ArrayList<>();
        bad.json().get("errors").forEach(e -> params.add(e.get("parameter").asText()));
        assertThat(params).containsExactlyInAnyOrder("state", "limit");
    }

    @Test
    void whatIfRunsOnTheDigitalTwinAndNamesBadFields() throws Exception {
        Http.Reply ok = http.post("/api/whatif", "{\"scenario\":{\"type\":\"link-down\",\"link\":\"DNVR-KSCY\"},"
                + "\"expectations\":[{\"metric\":\"max-link-utilization\",\"op\":\"<=\",\"target\":2.0}]}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().has("kpisAfter")).isTrue();
        assertThat(ok.json().get("holds").asBoolean()).isTrue();
        Http.Reply bad = http.post("/api/whatif", "{\"scenario\":{\"type\":\"link-down\",\"link\":\"NOPE\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("pointer").asText()).startsWith("/scenario/link");
    }

    @Test
    void modelsAndRouterDecisions() throws Exception {
        JsonNode models = http.get("/api/models").json();
        assertThat(models.size()).isGreaterThanOrEqualTo(5);
        assertThat(http.get("/api/models/forecast.ewma").status()).isEqualTo(200);
        assertThat(http.get("/api/models/nope").status()).isEqualTo(404);
        Http.Reply d = http.post("/api/router/decide", "{\"taskType\":\"forecast\",\"series\":[1,2,3,4,5,6,7,8,9,10],"
                + "\"flags\":{\"weights\":{\"latency\":1.0}}}");
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.json().get("model").asText()).startsWith("forecast.");
        assertThat(d.json().get("paretoFront")).isNotEmpty();
        Http.Reply bad = http.post("/api/router/decide", "{\"taskType\":\"juggle\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/taskType");
        for (String horizon : new String[] {"0", "-1", "2.5", "\"12\"", "10001"}) {
            Http.Reply h = http.post("/api/router/decide", "{\"taskType\":\"forecast\",\"series\":[1,2,3,4,5,6,7,8,9,10],"
                    + "\"horizon\":" + horizon + "}");
            assertThat(h.status()).as("horizon %s", horizon).isEqualTo(400);
            assertThat(h.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/horizon");
        }
        Http.Reply weight = http.post("/api/router/decide", "{\"taskType\":\"forecast\",\"series\":[1,2,3,4,5,6,7,8,9,10],"
                + "\"flags\":{\"weights\":{\"size\":\"heavy\"}}}");
        assertThat(weight.status()).isEqualTo(400);
        assertThat(weight.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/flags/weights/size");
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        String big = "{\"key\":\"" + "x".repeat((int) ApiServer.BODY_LIMIT_BYTES + 10) + "\"}";
        Http.Reply r = http.post("/api/intents", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void metricsHealthAndDashboardAreServed() throws Exception {
        Http.Reply m = http.get("/metrics");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.body()).contains("thalamus_intents{state=\"INSTALLED\"}");
        // the server JVM's own counters (what the intake benchmark divides by the intents it sent)
        assertThat(m.body()).contains("thalamus_jvm_gc_collections_total{gc=", "thalamus_jvm_gc_collection_seconds_total{gc=",
                "thalamus_jvm_heap_used_bytes ");
        java.util.regex.Matcher allocated = java.util.regex.Pattern.compile("(?m)^thalamus_jvm_allocated_bytes_total (\\d+)$")
                .matcher(m.body());
        assertThat(allocated.find()).isTrue();
        assertThat(Long.parseLong(allocated.group(1))).isPositive();
        assertThat(http.get("/health").json().get("status").asText()).isEqualTo("UP");
        Http.Reply page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Thalamus");
        assertThat(http.get("/app.js").status()).isEqualTo(200);
        assertThat(http.get("/api/intent.schema.json").json().get("$schema").asText()).contains("2020-12");
    }

    @Test
    void openApiDocumentMatchesTheRoutes() throws Exception {
        JsonNode doc = http.get("/api/openapi.json").json();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        TreeSet<String> documented = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> {
                if (!m.equals("parameters")) {
                    documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
                }
            });
        }
        assertThat(documented).isEqualTo(new TreeSet<>(app.api().routes()));
    }
}
