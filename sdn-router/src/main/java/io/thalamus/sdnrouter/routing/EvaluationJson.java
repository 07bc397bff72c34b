package io.thalamus.sdnrouter.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Evaluation results as JSON: one object per setting or graph with
 * {@code setting, graphs, pairs, accuracy, missRate, meanStretch, p95Stretch, meanHops}, and an
 * overall summary pooled over all pairs. Undefined values (no delivered pair) are {@code null}.
 */
public final class EvaluationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationJson() {
    }

    /** A fresh JSON object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** One metrics object. */
    public static ObjectNode metrics(RoutingMetrics m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("setting", m.setting());
        o.put("graphs", m.graphs());
        o.put("pairs", m.pairs());
        number(o, "accuracy", m.accuracy());
        number(o, "missRate", m.missRate());
        number(o, "meanStretch", m.meanStretch());
        number(o, "p95Stretch", m.p95Stretch());
        number(o, "meanHops", m.meanHops());
        return o;
    }

    /** The report of one policy: {@code policy}, {@code settings[]}, {@code overall}, {@code skipped}. */
    public static ObjectNode singlePolicy(PolicyEvaluator.Report report, String policy) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("policy", policy);
        ArrayNode settings = root.putArray("settings");
        for (PolicyEvaluator.SettingResult s : report.settings()) {
            settings.add(metrics(s.byPolicy().get(policy)));
        }
        root.set("overall", metrics(report.overall().get(policy)));
        ObjectNode skipped = root.putObject("skipped");
        for (Map.Entry<String, String> e : report.skipped().entrySet()) {
            skipped.put(e.getKey(), e.getValue());
        }
        return root;
    }

    /** Pretty-printed JSON text ending with a newline. */
    public static String text(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
