package io.thalamus.intent.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.lifecycle.CompactJson;
import io.thalamus.intent.lifecycle.IntentEvent;
import io.thalamus.intent.lifecycle.IntentState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

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

    /**
     * UTF-8 JSON bytes. Details carried as {@link CompactJson#raw} (as the store writes them) are copied verbatim,
     * not serialised again.
     */
    public static byte[] encode(IntentEvent e) {
        int size = 256 + e.reason().length();
        for (JsonNode v : e.details()) {
            size += CompactJson.isRaw(v) ? CompactJson.of(v).size() + 32 : 256;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("intentId", e.intentId());
            g.writeNumberField("seq", e.seq());
            g.writeStringField("time", e.time().toString());
            g.writeStringField("state", e.state().name());
            g.writeStringField("reason", e.reason());
            g.writeFieldName("details");
            g.writeStartObject();
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = e.details().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                g.writeFieldName(f.getKey());
                if (CompactJson.isRaw(f.getValue())) {
                    g.writeRawValue(""); // the separator, then the value's own bytes
                    g.flush();
                    CompactJson.of(f.getValue()).writeTo(out);
                } else {
                    MAPPER.writeTree(g, f.getValue());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
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
