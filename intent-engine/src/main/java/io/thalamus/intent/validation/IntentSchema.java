package io.thalamus.intent.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The published intent JSON Schema (draft 2020-12), loaded once from the classpath. */
public final class IntentSchema {

    /** Classpath location of the schema; {@code docs/intent.schema.json} is the same file. */
    public static final String RESOURCE = "/io/thalamus/intent/intent.schema.json";

    private final String text;
    private final Schema schema;

    public IntentSchema() {
        try (InputStream in = IntentSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("intent schema missing from the classpath: " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
    }

    /** The schema document as text. */
    public String text() {
        return text;
    }

    /**
     * Every schema violation, one per field, each with the field's JSON pointer. Errors of the
     * {@code if}/{@code then}/{@code allOf} wrappers are dropped: the leaf errors already name the field.
     */
    public List<FieldError> validate(JsonNode document) {
        Map<String, FieldError> byPointerAndMessage = new LinkedHashMap<>();
        for (Error e : schema.validate(document)) {
            String keyword = e.getKeyword();
            if ("if".equals(keyword) || "then".equals(keyword) || "allOf".equals(keyword)) {
                continue;
            }
            String pointer = pointer(e.getInstanceLocation());
            if (("required".equals(keyword) || "additionalProperties".equals(keyword)) && e.getProperty() != null) {
                pointer = pointer + "/" + escape(e.getProperty());
            }
            String message = message(e, keyword);
            byPointerAndMessage.putIfAbsent(pointer + "\u0000" + message, new FieldError(pointer, message));
        }
        return new ArrayList<>(byPointerAndMessage.values());
    }

    private static String message(Error e, String keyword) {
        if ("required".equals(keyword)) {
            return "is required";
        }
        if ("additionalProperties".equals(keyword)) {
            return "is not an allowed field here";
        }
        String m = e.getMessage();
        // networknt prefixes its messages with the instance location; the pointer already says where.
        int colon = m.indexOf(": ");
        return colon >= 0 && m.startsWith("/") || m.startsWith("$") && colon >= 0 ? m.substring(colon + 2) : m;
    }

    /** The RFC 6901 pointer of a node path ("" for the document root). */
    static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/').append(element instanceof Integer ? element.toString() : escape(String.valueOf(element)));
        }
        return sb.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
