package io.thalamus.intent.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.lifecycle.CompactJson;
import io.thalamus.intent.lifecycle.IntentEvent;
import io.thalamus.intent.lifecycle.IntentState;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IntentEventCodecTest {

    private static final ObjectMapper M = new ObjectMapper();

    @Test
    void compactDetailsAreWrittenVerbatimAndReadBackAsTrees() throws Exception {
        JsonNode blueprint = M.readTree("[{\"index\":0,\"type\":\"forecast\",\"purpose\":\"quote \\\" and \\u2192 arrow\"}]");
        JsonNode paths = M.readTree("[{\"flowId\":\"x/flow\",\"links\":[\"A-B:A-B\"],\"propagationDelayMs\":7.25}]");
        ObjectNode details = M.createObjectNode();
        details.set("blueprint", CompactJson.of(blueprint).raw());
        details.set("paths", paths); // a plain tree next to a compact one
        details.put("note", "plain");
        Instant t = Instant.parse("2026-11-28T05:00:00.123456789Z");
        IntentEvent e = new IntentEvent("id-1", 3, t, IntentState.INSTALLING, "why \"quoted\"", details);

        byte[] bytes = IntentEventCodec.encode(e);
        JsonNode written = M.readTree(bytes);
        assertThat(written.get("details").get("blueprint")).isEqualTo(blueprint);
        assertThat(written.get("details").get("paths")).isEqualTo(paths);

        IntentEvent back = IntentEventCodec.decode(bytes);
        assertThat(back.intentId()).isEqualTo("id-1");
        assertThat(back.seq()).isEqualTo(3);
        assertThat(back.time()).isEqualTo(t);
        assertThat(back.state()).isEqualTo(IntentState.INSTALLING);
        assertThat(back.reason()).isEqualTo("why \"quoted\"");
        assertThat(back.detail("blueprint")).isEqualTo(blueprint);
        assertThat(back.detail("note").asText()).isEqualTo("plain");
        // and Jackson itself writes a compact carrier as its JSON, not as an opaque object
        assertThat(M.readTree(M.writeValueAsString(details)).get("blueprint")).isEqualTo(blueprint);
    }

    @Test
    void compactJsonIsEqualByContentAndParsesToAFreshTree() throws Exception {
        JsonNode n = M.readTree("{\"a\":[1,2.5,\"x\"],\"b\":null}");
        CompactJson c = CompactJson.of(n);
        assertThat(c).isEqualTo(CompactJson.of(M.readTree("{\"a\":[1,2.5,\"x\"],\"b\":null}")));
        assertThat(c).isNotEqualTo(CompactJson.of(M.readTree("{\"a\":[1,2.5,\"y\"],\"b\":null}")));
        assertThat(CompactJson.of(c.raw())).isSameAs(c);
        ((ObjectNode) c.tree()).put("changed", true);
        assertThat(c.tree()).isEqualTo(n);
    }
}
