package io.thalamus.network.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.flow.ZoneOfTolerance;
import io.thalamus.network.topology.Topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The project's flow-set format (JSON, documented in {@code docs/formats.md}):
 * {@code {"format":"thalamus-flows","version":1,"flows":[{"id","source","destination","bandwidthBps","priority",...}]}}
 * or a bare array of flows.
 */
public final class FlowJson {

    /** Value of the {@code format} field. */
    public static final String FORMAT = "thalamus-flows";

    private static final ObjectMapper MAPPER = InputJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FlowJson() {
    }

    /** Reads flows from a file and checks them against {@code topology} (may be null to skip node checks). */
    public static List<Flow> read(Path file, Topology topology) {
        try {
            return parse(Files.readString(file), file.toString(), topology);
        } catch (IOException e) {
            throw new TopologyFormatException(file.toString(), "", "cannot read file: " + e.getMessage(), e);
        }
    }

    /** Parses flow JSON; {@code source} names it in errors. */
    public static List<Flow> parse(String json, String source, Topology topology) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TopologyFormatException(source, "line " + e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        }
        return fromTree(root, source, topology);
    }

    /** Builds flows from a JSON tree: an object with a {@code flows} array, or the array itself. */
    public static List<Flow> fromTree(JsonNode root, String source, Topology topology) {
        String prefix = "";
        JsonNode array = root;
        if (root != null && root.isObject()) {
            JsonNode format = root.get("format");
            if (format != null && !FORMAT.equals(format.asText())) {
                throw new TopologyFormatException(source, "/format", "expected \"" + FORMAT + "\", got " + format);
            }
            array = root.get("flows");
            prefix = "/flows";
        }
        if (array == null || !array.isArray()) {
            throw new TopologyFormatException(source, prefix.isEmpty() ? "/" : prefix, "expected an array of flows");
        }
        List<Flow> flows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            flows.add(flow(array.get(i), prefix + "/" + i, source, topology, ids));
        }
        return List.copyOf(flows);
    }

    /** Parses one flow object at JSON pointer {@code at}. */
    public static Flow flow(JsonNode f, String at, String source, Topology topology, Set<String> seenIds) {
        if (f == null || !f.isObject()) {
            throw new TopologyFormatException(source, at, "expected a flow object");
        }
        String id = TopologyJson.text(f, "id", at, source);
        if (seenIds != null && !seenIds.add(id)) {
            throw new TopologyFormatException(source, at + "/id", "duplicate flow id '" + id + "'");
        }
        String s = TopologyJson.text(f, "source", at, source);
        String d = TopologyJson.text(f, "destination", at, source);
        if (topology != null) {
            if (!topology.hasNode(s)) {
                throw new TopologyFormatException(source, at + "/source", "unknown node '" + s + "' (not in topology '" + topology.name() + "')");
            }
            if (!topology.hasNode(d)) {
                throw new TopologyFormatException(source, at + "/destination", "unknown node '" + d + "' (not in topology '" + topology.name() + "')");
            }
        }
        double bw = TopologyJson.number(f, "bandwidthBps", at, source);
        if (!(bw > 0)) {
            throw new TopologyFormatException(source, at + "/bandwidthBps", "expected a positive number of bit/s, got " + bw);
        }
        JsonNode p = f.get("priority");
        int priority = 0;
        if (p != null) {
            if (!p.canConvertToInt() || !p.isIntegralNumber() || p.asInt() < 0) {
                throw new TopologyFormatException(source, at + "/priority", "expected an integer >= 0, got " + p);
            }
            priority = p.asInt();
        }
        Double maxDelay = f.hasNonNull("maxDelayMs") ? TopologyJson.number(f, "maxDelayMs", at, source) : null;
        if (maxDelay != null && !(maxDelay > 0)) {
            throw new TopologyFormatException(source, at + "/maxDelayMs", "expected a positive number of ms, got " + maxDelay);
        }
        ZoneOfTolerance zot = null;
        if (f.hasNonNull("tolerance")) {
            JsonNode z = f.get("tolerance");
            try {
                String tolAt = at + "/tolerance";
                zot = new ZoneOfTolerance(TopologyJson.text(z, "metric", tolAt, source),
                        TopologyJson.number(z, "adequate", tolAt, source),
                        TopologyJson.number(z, "desired", tolAt, source));
            } catch (IllegalArgumentException e) {
                throw new TopologyFormatException(source, at + "/tolerance", e.getMessage());
            }
        }
        double value = f.has("value") ? TopologyJson.number(f, "value", at, source) : 1.0;
        if (!(value > 0)) {
            throw new TopologyFormatException(source, at + "/value", "expected a positive number, got " + value);
        }
        try {
            return new Flow(id, s, d, bw, priority, maxDelay, zot, value);
        } catch (IllegalArgumentException e) {
            throw new TopologyFormatException(source, at, e.getMessage());
        }
    }

    /** The JSON tree of one flow. */
    public static ObjectNode toTree(Flow f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", f.id());
        o.put("source", f.source());
        o.put("destination", f.destination());
        o.put("bandwidthBps", f.bandwidthBps());
        o.put("priority", f.priority());
        if (f.maxDelayMs() != null) {
            o.put("maxDelayMs", f.maxDelayMs());
        }
        if (f.tolerance() != null) {
            o.putObject("tolerance").put("metric", f.tolerance().metric())
                    .put("adequate", f.tolerance().adequate()).put("desired", f.tolerance().desired());
        }
        if (f.value() != 1.0) {
            o.put("value", f.value());
        }
        return o;
    }

    /** A flow set as pretty-printed JSON. */
    public static String write(List<Flow> flows, String topologyName) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        if (topologyName != null) {
            root.put("topology", topologyName);
        }
        ArrayNode a = root.putArray("flows");
        flows.forEach(f -> a.add(toTree(f)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
