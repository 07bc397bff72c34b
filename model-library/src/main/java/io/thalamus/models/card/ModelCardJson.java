package io.thalamus.models.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.thalamus.network.format.InputJson;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads model cards: JSON Schema (draft 2020-12) validation first, then conversion to {@link ModelCard}. */
public final class ModelCardJson {

    /** Classpath location of the published schema (a copy of {@code docs/model-card.schema.json}). */
    public static final String SCHEMA_RESOURCE = "/io/thalamus/models/card/model-card.schema.json";

    private final ObjectMapper mapper = InputJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Schema schema;

    /** Loads the schema from the classpath. */
    public ModelCardJson() {
        try (InputStream in = ModelCardJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("model card schema missing from the classpath: " + SCHEMA_RESOURCE);
            }
            JsonNode schemaNode = mapper.readTree(in);
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> { }).getSchema(schemaNode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates and converts one card. @param source name used in errors @throws InvalidCardException with pointer and reason */
    public ModelCard read(String source, String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidCardException(source, List.of(new CardViolation("",
                    "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage())));
        }
        List<CardViolation> violations = validate(node);
        if (!violations.isEmpty()) {
            throw new InvalidCardException(source, violations);
        }
        return convert(source, node);
    }

    /** Schema violations of a parsed card, sorted by pointer; empty when valid. */
    public List<CardViolation> validate(JsonNode node) {
        List<CardViolation> out = new ArrayList<>();
        for (Error e : schema.validate(node)) {
            String pointer = pointer(e.getInstanceLocation());
            if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
                pointer = pointer + "/" + e.getProperty();
                out.add(new CardViolation(pointer, "is required"));
            } else if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
                out.add(new CardViolation(pointer + "/" + e.getProperty(), "is not an allowed field"));
            } else {
                out.add(new CardViolation(pointer, stripLocation(e.getMessage())));
            }
        }
        out.sort(Comparator.comparing(CardViolation::pointer));
        return out;
    }

    private static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            sb.append('/').append(String.valueOf(el).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    private static String stripLocation(String message) {
        // networknt prefixes messages with the instance location; the pointer already carries it.
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith("/") || message.startsWith("$") && colon > 0
                ? message.substring(colon + 2) : message;
    }

    private ModelCard convert(String source, JsonNode n) {
        try {
            List<TaskType> tasks = new ArrayList<>();
            n.get("tasks").forEach(t -> tasks.add(TaskType.fromWire(t.asText())));
            List<String> domains = new ArrayList<>();
            n.get("domains").forEach(d -> domains.add(d.asText()));
            List<QualityFigure> quality = new ArrayList<>();
            for (JsonNode q : n.get("quality")) {
                quality.add(new QualityFigure(TaskType.fromWire(q.get("task").asText()), q.get("dataset").asText(),
                        q.get("metric").asText(), q.get("value").asDouble(), q.get("higherIsBetter").asBoolean()));
            }
            LocalDate release;
            try {
                release = LocalDate.parse(n.get("releaseDate").asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidCardException(source, List.of(new CardViolation("/releaseDate",
                        "must be a calendar date YYYY-MM-DD, got '" + n.get("releaseDate").asText() + "'")));
            }
            Map<String, Object> params = new LinkedHashMap<>();
            if (n.has("parameters")) {
                n.get("parameters").fields().forEachRemaining(f -> params.put(f.getKey(), value(f.getValue())));
            }
            JsonNode cost = n.get("cost");
            return new ModelCard(n.get("id").asText(), n.get("version").asText(), n.get("name").asText(),
                    n.path("description").asText(""), tasks, domains, contract(n.get("input")),
                    contract(n.get("output")), n.get("size").get("parameters").asLong(),
                    n.get("size").get("memoryBytes").asLong(), release, n.get("license").asText(),
                    SecurityClearance.fromWire(n.get("securityClearance").asText()), quality,
                    n.get("latency").get("p50Ms").asDouble(), n.get("latency").get("p99Ms").asDouble(),
                    cost.get("cpuMsPerCall").asDouble(), cost.path("currencyPer1kCalls").asDouble(0.0),
                    Implementation.parse(n.get("implementation").asText()), params,
                    mapper.writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonNode v) {
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static Contract contract(JsonNode c) {
        List<Integer> shape = new ArrayList<>();
        c.path("shape").forEach(s -> shape.add(s.asInt()));
        return new Contract(c.get("type").asText(), c.path("unit").asText(""), shape, c.get("description").asText());
    }
}
