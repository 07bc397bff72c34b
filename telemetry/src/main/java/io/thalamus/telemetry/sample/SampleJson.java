package io.thalamus.telemetry.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON form of {@link TelemetrySample}, schema version 1 (documented in docs/telemetry.md):
 * <pre>{"schemaVersion":1,"element":"ATLA","metric":"load","link":"L1:ATLA-HSTN","node":null,
 *  "value":1.25E9,"unit":"bit/s","timestamp":1700000000000,"sequence":42}</pre>
 * It runs for every sample, so both directions have a fast path for exactly this layout (fields in
 * this order, no whitespace, plain ASCII strings, JSON numbers): {@link CanonicalSampleJson}. Anything
 * else (other field order, whitespace, escapes, unknown fields, every kind of error) goes through
 * Jackson's streaming parser, which is the authority on what is valid and names the field that is
 * missing or of the wrong type.
 */
public final class SampleJson {

    /** The schema version this code writes and the only one it reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private SampleJson() {
    }

    /** The UTF-8 JSON bytes of {@code s}. */
    public static byte[] write(TelemetrySample s) {
        byte[] fast = CanonicalSampleJson.write(s);
        return fast != null ? fast : writeGeneral(s);
    }

    /** {@link #write} through Jackson, for strings that need escaping. */
    static byte[] writeGeneral(TelemetrySample s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("element", s.element());
            g.writeStringField("metric", s.metric());
            g.writeStringField("link", s.linkId());
            g.writeStringField("node", s.nodeId());
            g.writeFieldName("value");
            if (Double.isFinite(s.value())) {
                g.writeNumber(s.value());
            } else {
                g.writeString(Double.toString(s.value()));
            }
            g.writeStringField("unit", s.unit());
            g.writeNumberField("timestamp", s.timestampMs());
            g.writeNumberField("sequence", s.sequence());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads one sample.
     *
     * @throws SampleFormatException naming what is wrong (not JSON, missing field, wrong type, unknown version)
     */
    public static TelemetrySample read(byte[] json) {
        if (json == null) {
            throw new SampleFormatException("empty record (null value)");
        }
        TelemetrySample fast = CanonicalSampleJson.read(json);
        return fast != null ? fast : readGeneral(json);
    }

    /** {@link #read} through Jackson only: any layout, and the error messages. */
    static TelemetrySample readGeneral(byte[] json) {
        Integer version = null;
        String element = null;
        String metric = null;
        String link = null;
        String node = null;
        Double value = null;
        String unit = null;
        Long ts = null;
        long seq = -1;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SampleFormatException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "schemaVersion" -> version = intField(p, t, field);
                    case "element" -> element = textField(p, t, field);
                    case "metric" -> metric = textField(p, t, field);
                    case "link" -> link = textField(p, t, field);
                    case "node" -> node = textField(p, t, field);
                    case "value" -> value = doubleField(p, t, field);
                    case "unit" -> unit = textField(p, t, field);
                    case "timestamp" -> ts = longField(p, t, field);
                    case "sequence" -> seq = longField(p, t, field);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new SampleFormatException("malformed JSON object");
            }
        } catch (IOException e) {
            throw new SampleFormatException("malformed JSON: " + firstLine(e.getMessage()), e);
        }
        if (version == null) {
            throw new SampleFormatException("missing field 'schemaVersion'");
        }
        if (version != SCHEMA_VERSION) {
            throw new SampleFormatException("unsupported schemaVersion " + version + " (expected " + SCHEMA_VERSION + ")");
        }
        require(element, "element");
        require(metric, "metric");
        require(unit, "unit");
        if (value == null) {
            throw new SampleFormatException("missing field 'value'");
        }
        if (ts == null) {
            throw new SampleFormatException("missing field 'timestamp'");
        }
        if (link == null && node == null) {
            throw new SampleFormatException("one of 'link' or 'node' must be set");
        }
        return new TelemetrySample(element, metric, link, node, value, unit, ts, seq);
    }

    private static void require(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new SampleFormatException("missing field '" + field + "'");
        }
    }

    private static String textField(JsonParser p, JsonToken t, String field) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new SampleFormatException("field '" + field + "' must be a string, got " + t);
        }
        return p.getText();
    }

    private static double doubleField(JsonParser p, JsonToken t, String field) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity")) {
                return Double.parseDouble(s);
            }
        }
        throw new SampleFormatException("field '" + field + "' must be a number, got " + t);
    }

    private static long longField(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new SampleFormatException("field '" + field + "' must be an integer, got " + t);
        }
        return p.getLongValue();
    }

    private static int intField(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new SampleFormatException("field '" + field + "' must be an integer, got " + t);
        }
        return p.getIntValue();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
