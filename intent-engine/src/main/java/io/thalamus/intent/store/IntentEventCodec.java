package io.thalamus.intent.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.lifecycle.IntentEvent;
import io.thalamus.intent.lifecycle.IntentState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Encodes intent events as compact JSON bytes for the log, and back. */
public final class IntentEventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IntentEventCodec() {
    }

    /** The event as a JSON tree. */
    public static ObjectNode toTree(IntentEvent e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("intentId", e.intentId()).put("seq", e.seq()).put("time", e.time().toString())
                .put("state", e.state().name()).put("reason", e.reason());
        o.set("details", e.details());
        return o;
    }

    /** UTF-8 JSON bytes. */
    public static byte[] encode(IntentEvent e) {
        try {
            return MAPPER.writeValueAsBytes(toTree(e));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Decodes bytes written by {@link #encode}. */
    public static IntentEvent decode(byte[] bytes) {
        try {
            JsonNode o = MAPPER.readTree(bytes);
            return new IntentEvent(o.get("intentId").asText(), o.get("seq").asLong(),
                    Instant.parse(o.get("time").asText()), IntentState.valueOf(o.get("state").asText()),
                    o.get("reason").asText(), (ObjectNode) o.get("details"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
