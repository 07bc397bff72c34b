package io.thalamus.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.thalamus.deploy.Thalamus;
import io.thalamus.deploy.ThalamusConfig;
import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import io.thalamus.onos.HttpThalamusClient;
import io.thalamus.onos.PathDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract the Thalamus ONOS app speaks ({@code POST /api/sdn/onos/topology}, {@code GET /api/sdn/decisions}),
 * over real HTTP against the whole application, driven partly through the app's own {@link HttpThalamusClient}.
 * The ONOS topology is built here by hand: device ids from the lab's datapath numbering for prefix {@code th}
 * ({@code "th".hashCode() = 0x0e74} in the upper 32 bits, node index + 1 below) and ports chosen unlike the
 * lab's, so the rules can only be right if the reported ports are used.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SdnApiTest {

    private static final Topology ABILENE = BuiltinTopologies.abilene();
    private static Thalamus app;
    private static Http http;
    private static HttpThalamusClient onosClient;

    @BeforeAll
    static void start() throws Exception {
        Path state = Files.createTempDirectory("thalamus-sdn-api");
        app = Thalamus.start(ThalamusConfig.defaults().withPort(0).withStateDir(state).withEnglish(false)
                .withTelemetryReplay(false));
        http = new Http(app.port());
        onosClient = new HttpThalamusClient(URI.create("http://127.0.0.1:" + app.port() + "/"), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String device(String node) {
        return String.format("of:00000e74%08x", ABILENE.indexOfNode(node) + 1);
    }

    private static String host(String node) {
        return "10.0.0." + (ABILENE.indexOfNode(node) + 1);
    }

    /** Port of link {@code k} (topology order) at its source: 10 + k; at its target: 100 + k. */
    private static String onosLink(Link l) {
        int k = ABILENE.indexOfLink(l.id());
        return device(l.source()) + "/" + (10 + k) + "-" + device(l.target()) + "/" + (100 + k);
    }

    private static List<String> allDevices() {
        return ABILENE.nodes().stream().map(n -> device(n.id())).toList();
    }

    private static List<String> allLinks() {
        return ABILENE.links().stream().map(SdnApiTest::onosLink).toList();
    }

    private static JsonNode installed(String key, String src, String dst) throws Exception {
        Http.Reply r = http.post("/api/intents", "{\"key\":\"" + key + "\",\"type\":\"connectivity\",\"priority\":5,"
                + "\"spec\":{\"source\":\"" + src + "\",\"destination\":\"" + dst + "\",\"bandwidthBps\":1e8},\"mode\":\"apply\"}");
        assertThat(r.status()).isEqualTo(202);
        JsonNode intent = http.await(r.location(), Http::settled);
        assertThat(intent.get("state").asText()).isEqualTo("INSTALLED");
        return intent;
    }

    @Test
    @Order(1)
    void beforeOnosReportsThereIsNoTopologyAndNoRules() throws Exception {
        Http.Reply t = http.get("/api/sdn/onos/topology");
        assertThat(t.status()).isEqualTo(404);
        assertThat(t.contentType()).startsWith("application/problem+json");
        JsonNode intent = installed("early", "ATLA", "HSTN");
        JsonNode d = http.get("/api/sdn/decisions").json();
        assertThat(d.get("rules")).isEmpty();
        assertThat(d.get("skipped")).anySatisfy(s -> {
            assertThat(s.get("flowId").asText()).startsWith(intent.get("id").asText());
            assertThat(s.get("reason").asText()).contains("not reported");
        });
        assertThat(http.delete("/api/intents/" + intent.get("id").asText()).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theAppsClientReportsTopologyAndGetsOneRulePerHopOnTheReportedPorts() throws Exception {
        JsonNode intent = installed("sdn-1", "STTL", "NYCM");
        JsonNode path = intent.get("paths").get(0);
        String flowId = path.get("flowId").asText();

        onosClient.reportTopology(allDevices(), allLinks());
        List<PathDecision> got = onosClient.decisions();

        List<String> expected = new ArrayList<>();
        for (JsonNode linkId : path.get("links")) {
            Link l = ABILENE.link(linkId.asText());
            expected.add(device(l.source()) + " out " + (10 + ABILENE.indexOfLink(l.id())));
        }
        expected.add(device("NYCM") + " out 1"); // the destination's host port
        List<String> mine = got.stream().filter(d -> d.flowId().equals(flowId))
                .map(d -> d.deviceId() + " out " + d.outPort()).toList();
        assertThat(mine).containsExactlyElementsOf(expected);
        for (PathDecision d : got.stream().filter(x -> x.flowId().equals(flowId)).toList()) {
            assertThat(d.ipv4Src()).isEqualTo(host("STTL"));
            assertThat(d.ipv4Dst()).isEqualTo(host("NYCM"));
            assertThat(d.priority()).isEqualTo(1000 + 5);
        }
        assertThat(path.get("nodes").size()).as("a multi-hop path makes the test meaningful").isGreaterThan(2);

        JsonNode stored = http.get("/api/sdn/onos/topology").json();
        assertThat(stored.get("nodes").get("STTL").asText()).isEqualTo(device("STTL"));
        assertThat(stored.get("unmappedNodes")).isEmpty();
        assertThat(stored.get("links")).hasSize(ABILENE.linkCount());
    }

    @Test
    @Order(3)
    void theRawJsonHasExactlyTheFieldsTheAppParses() throws Exception {
        Http.Reply r = http.get("/api/sdn/decisions");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode rules = r.json().get("rules");
        assertThat(rules).isNotEmpty();
        for (JsonNode rule : rules) {
            List<String> names = new ArrayList<>();
            rule.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("flowId", "deviceId", "priority", "ipv4Src", "ipv4Dst", "outPort");
            assertThat(rule.get("flowId").isTextual()).isTrue();
            assertThat(rule.get("deviceId").isTextual()).isTrue();
            assertThat(rule.get("priority").isInt()).isTrue();
            assertThat(rule.get("ipv4Dst").isTextual()).isTrue();
            assertThat(rule.get("outPort").isIntegralNumber()).isTrue();
        }
    }

    @Test
    @Order(4)
    void badTopologiesAre400sNamingEveryBadElementAndChangeNothing() throws Exception {
        String before = http.get("/api/sdn/onos/topology").body();
        Http.Reply r = http.post("/api/sdn/onos/topology", "{\"devices\":[\"" + device("STTL") + "\",5,\""
                + device("STTL") + "\"],\"links\":[\"garbage\",\"" + device("STTL") + "/2-of:00000000000000ff/3\",\""
                + device("STTL") + "/0-" + device("STTL") + "/3\"],\"colour\":\"red\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("/colour", "/devices/1", "/devices/2", "/links/0", "/links/1", "/links/2");
        assertThat(r.json().get("errors").toString()).contains("not in /devices").contains("listed twice");

        Http.Reply missing = http.post("/api/sdn/onos/topology", "{\"devices\":[]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/links");
        Http.Reply malformed = http.post("/api/sdn/onos/topology", "{\"devices\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).contains("malformed JSON");

        assertThat(http.get("/api/sdn/onos/topology").body()).as("nothing stored half-changed").isEqualTo(before);
        assertThatThrownBy(() -> onosClient.reportTopology(List.of("not a device"), List.of()))
                .hasMessageContaining("400").hasMessageContaining("/devices/0");
    }

    @Test
    @Order(5)
    void aFlowOverALinkOnosDoesNotReportGetsNoRulesAtAll() throws Exception {
        String flowId = http.get("/api/sdn/decisions").json().get("rules").get(0).get("flowId").asText();
        JsonNode intentPaths = null;
        for (JsonNode item : http.get("/api/intents?state=INSTALLED").json().get("items")) {
            JsonNode full = http.get("/api/intents/" + item.get("id").asText()).json();
            for (JsonNode p : full.get("paths")) {
                if (p.get("flowId").asText().equals(flowId)) {
                    intentPaths = p;
                }
            }
        }
        assertThat(intentPaths).isNotNull();
        String cut = intentPaths.get("links").get(1).asText();
        List<String> links = ABILENE.links().stream().filter(l -> !l.id().equals(cut)).map(SdnApiTest::onosLink).toList();
        onosClient.reportTopology(allDevices(), links);
        assertThat(onosClient.decisions()).noneMatch(d -> d.flowId().equals(flowId));
        JsonNode skipped = http.get("/api/sdn/decisions").json().get("skipped");
        assertThat(skipped).anySatisfy(s -> {
            assertThat(s.get("flowId").asText()).isEqualTo(flowId);
            assertThat(s.get("reason").asText()).contains(cut);
        });
        onosClient.reportTopology(allDevices(), allLinks());
        assertThat(onosClient.decisions()).anyMatch(d -> d.flowId().equals(flowId));
    }

    @Test
    @Order(6)
    void withdrawnIntentsLeaveTheDecisions() throws Exception {
        onosClient.reportTopology(allDevices(), allLinks());
        JsonNode intent = http.get("/api/intents?state=INSTALLED").json().get("items").get(0);
        String id = intent.get("id").asText();
        assertThat(onosClient.decisions()).anyMatch(d -> d.flowId().startsWith(id));
        assertThat(http.delete("/api/intents/" + id).status()).isEqualTo(200);
        http.await("/api/intents/" + id, j -> j.get("state").asText().equals("WITHDRAWN"));
        assertThat(onosClient.decisions()).noneMatch(d -> d.flowId().startsWith(id));
    }
}
