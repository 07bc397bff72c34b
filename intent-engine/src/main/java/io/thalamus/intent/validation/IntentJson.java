package io.thalamus.intent.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.model.Comparison;
import io.thalamus.intent.model.Expectation;
import io.thalamus.intent.model.Flags;
import io.thalamus.intent.model.FlowSpec;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.model.IntentType;
import io.thalamus.intent.model.Metric;
import io.thalamus.intent.model.Mode;
import io.thalamus.intent.model.QosClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps between the intent envelope JSON and {@link Intent}; the input must already satisfy the schema. */
public final class IntentJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IntentJson() {
    }

    /** Builds an intent from a schema-valid envelope. */
    public static Intent fromTree(JsonNode root) {
        IntentType type = IntentType.fromWire(root.get("type").asText());
        JsonNode s = root.get("spec");
        IntentSpec spec = switch (type) {
            case CONNECTIVITY -> new IntentSpec.Connectivity(text(s, "source"), text(s, "destination"),
                    s.get("bandwidthBps").asDouble(), optDouble(s, "maxDelayMs"));
            case ADMIT_FLOWS -> {
                List<FlowSpec> flows = new ArrayList<>();
                JsonNode arr = s.get("flows");
                for (int i = 0; i < arr.size(); i++) {
                    JsonNode f = arr.get(i);
                    flows.add(new FlowSpec(f.has("id") ? f.get("id").asText() : "f" + i, text(f, "source"),
                            text(f, "destination"), f.get("bandwidthBps").asDouble(),
                            f.has("priority") ? f.get("priority").asInt() : null, optDouble(f, "maxDelayMs")));
                }
                yield new IntentSpec.AdmitFlows(flows, s.has("solver") ? s.get("solver").asText() : "auto");
            }
            case ROUTING_POLICY -> new IntentSpec.RoutingPolicy(text(s, "policy"));
            case WHAT_IF -> {
                JsonNode sc = s.get("scenario");
                yield new IntentSpec.WhatIf(text(sc, "kind"), text(sc, "link"), text(sc, "node"), text(sc, "srlg"),
                        optDouble(sc, "capacityBps"), optDouble(sc, "factor"));
            }
            case FORECAST -> new IntentSpec.Forecast(text(s, "link"), text(s, "origin"), text(s, "destination"),
                    s.get("horizonSteps").asInt());
            case DETECT_ANOMALY -> {
                List<Double> series = null;
                if (s.has("series")) {
                    series = new ArrayList<>();
                    for (JsonNode v : s.get("series")) {
                        series.add(v.asDouble());
                    }
                }
                yield new IntentSpec.DetectAnomaly(text(s, "link"), series, s.get("windowSteps").asInt());
            }
            case ASSURE_QOS -> {
                List<QosClass> classes = new ArrayList<>();
                for (JsonNode c : s.get("classes")) {
                    List<QosClass.Endpoints> eps = new ArrayList<>();
                    for (JsonNode f : c.get("flows")) {
                        eps.add(new QosClass.Endpoints(text(f, "source"), text(f, "destination")));
                    }
                    classes.add(new QosClass(text(c, "name"), c.get("adequateBps").asDouble(),
                            c.get("desiredBps").asDouble(), eps));
                }
                yield new IntentSpec.AssureQos(classes, s.get("targetSatisfaction").asDouble());
            }
        };
        List<Expectation> expectations = new ArrayList<>();
        if (root.has("expectations")) {
            for (JsonNode e : root.get("expectations")) {
                expectations.add(new Expectation(Metric.fromWire(e.get("metric").asText()),
                        Comparison.fromSymbol(e.get("op").asText()), e.get("target").asDouble()));
            }
        }
        Flags flags = Flags.NONE;
        if (root.has("flags")) {
            flags = new Flags(numbers(root.get("flags").get("weights")), numbers(root.get("flags").get("limits")));
        }
        return new Intent(root.get("key").asText(), type, root.has("priority") ? root.get("priority").asInt() : 0,
                spec, expectations, flags, root.has("mode") ? Mode.fromWire(root.get("mode").asText()) : Mode.APPLY);
    }

    /** The canonical envelope of an intent (defaults written out). */
    public static ObjectNode toTree(Intent intent) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("key", intent.key());
        root.put("type", intent.type().wire());
        root.put("priority", intent.priority());
        ObjectNode s = root.putObject("spec");
        IntentSpec spec = intent.spec();
        switch (spec.type()) {
            case CONNECTIVITY -> {
                IntentSpec.Connectivity c = (IntentSpec.Connectivity) spec;
                s.put("source", c.source()).put("destination", c.destination()).put("bandwidthBps", c.bandwidthBps());
                if (c.maxDelayMs() != null) {
                    s.put("maxDelayMs", c.maxDelayMs());
                }
            }
            case ADMIT_FLOWS -> {
                IntentSpec.AdmitFlows a = (IntentSpec.AdmitFlows) spec;
                ArrayNode arr = s.putArray("flows");
                for (FlowSpec f : a.flows()) {
                    ObjectNode o = arr.addObject().put("id", f.id()).put("source", f.source())
                            .put("destination", f.destination()).put("bandwidthBps", f.bandwidthBps());
                    if (f.priority() != null) {
                        o.put("priority", f.priority());
                    }
                    if (f.maxDelayMs() != null) {
                        o.put("maxDelayMs", f.maxDelayMs());
                    }
                }
                s.put("solver", a.solver());
            }
            case ROUTING_POLICY -> {
                IntentSpec.RoutingPolicy r = (IntentSpec.RoutingPolicy) spec;
                s.put("policy", r.policy());
            }
            case WHAT_IF -> {
                IntentSpec.WhatIf w = (IntentSpec.WhatIf) spec;
                ObjectNode sc = s.putObject("scenario").put("kind", w.kind());
                putIf(sc, "link", w.link());
                putIf(sc, "node", w.node());
                putIf(sc, "srlg", w.srlg());
                if (w.capacityBps() != null) {
                    sc.put("capacityBps", w.capacityBps());
                }
                if (w.factor() != null) {
                    sc.put("factor", w.factor());
                }
            }
            case FORECAST -> {
                IntentSpec.Forecast f = (IntentSpec.Forecast) spec;
                putIf(s, "link", f.link());
                putIf(s, "origin", f.origin());
                putIf(s, "destination", f.destination());
                s.put("horizonSteps", f.horizonSteps());
            }
            case DETECT_ANOMALY -> {
                IntentSpec.DetectAnomaly d = (IntentSpec.DetectAnomaly) spec;
                putIf(s, "link", d.link());
                if (d.series() != null) {
                    ArrayNode arr = s.putArray("series");
                    d.series().forEach(arr::add);
                }
                s.put("windowSteps", d.windowSteps());
            }
            case ASSURE_QOS -> {
                IntentSpec.AssureQos q = (IntentSpec.AssureQos) spec;
                s.put("targetSatisfaction", q.targetSatisfaction());
                ArrayNode arr = s.putArray("classes");
                for (QosClass c : q.classes()) {
                    ObjectNode o = arr.addObject().put("name", c.name()).put("adequateBps", c.adequateBps())
                            .put("desiredBps", c.desiredBps());
                    ArrayNode fl = o.putArray("flows");
                    c.flows().forEach(e -> fl.addObject().put("source", e.source()).put("destination", e.destination()));
                }
            }
        }
        ArrayNode ex = root.putArray("expectations");
        for (Expectation e : intent.expectations()) {
            ex.addObject().put("metric", e.metric().wire()).put("op", e.op().symbol()).put("target", e.target());
        }
        ObjectNode flags = root.putObject("flags");
        ObjectNode w = flags.putObject("weights");
        intent.flags().weights().forEach(w::put);
        ObjectNode l = flags.putObject("limits");
        intent.flags().limits().forEach(l::put);
        root.put("mode", intent.mode().wire());
        return root;
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double optDouble(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static Map<String, Double> numbers(JsonNode n) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (n != null) {
            n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
        }
        return m;
    }
}
