package io.thalamus.network.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.topology.AppliedDefault;
import io.thalamus.network.topology.Demand;
import io.thalamus.network.topology.GeoPoint;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project's own topology format (JSON, documented in {@code docs/formats.md}). Links are
 * undirected unless {@code "directed": true}; an undirected link {@code L} becomes the directed links
 * {@code L:a-b} and {@code L:b-a}, both with physical id {@code L}.
 */
public final class TopologyJson {

    /** Value of the {@code format} field. */
    public static final String FORMAT = "thalamus-topology";
    /** Current format version. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = InputJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopologyJson() {
    }

    /** Id of the directed half of undirected link {@code physicalId} that goes from {@code source} to {@code target}. */
    public static String directedId(String physicalId, String source, String target) {
        return physicalId + ":" + source + "-" + target;
    }

    /** Reads a topology file. */
    public static Topology read(Path file) {
        String name = file.toString();
        try {
            return parse(Files.readString(file), name);
        } catch (IOException e) {
            throw new TopologyFormatException(name, "", "cannot read file: " + e.getMessage(), e);
        }
    }

    /** Parses topology JSON; {@code source} names it in errors. */
    public static Topology parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TopologyFormatException(source, "line " + e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        }
        return fromTree(root, source);
    }

    /** Builds a topology from an already parsed JSON tree. */
    public static Topology fromTree(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new TopologyFormatException(source, "/", "expected a JSON object");
        }
        JsonNode format = root.get("format");
        if (format != null && !FORMAT.equals(format.asText())) {
            throw new TopologyFormatException(source, "/format", "expected \"" + FORMAT + "\", got " + format);
        }
        JsonNode version = root.get("version");
        if (version != null && version.asInt(-1) != VERSION) {
            throw new TopologyFormatException(source, "/version", "expected " + VERSION + ", got " + version);
        }
        String name = root.path("name").asText("unnamed");
        List<Node> nodes = new ArrayList<>();
        JsonNode ns = array(root, "nodes", source, true);
        for (int i = 0; i < ns.size(); i++) {
            JsonNode n = ns.get(i);
            String at = "/nodes/" + i;
            String id = text(n, "id", at, source);
            GeoPoint loc = null;
            if (n.hasNonNull("latitude") || n.hasNonNull("longitude")) {
                double lat = number(n, "latitude", at, source);
                double lon = number(n, "longitude", at, source);
                try {
                    loc = new GeoPoint(lat, lon);
                } catch (IllegalArgumentException e) {
                    throw new TopologyFormatException(source, at, e.getMessage());
                }
            }
            double x = n.hasNonNull("x") ? number(n, "x", at, source) : Double.NaN;
            double y = n.hasNonNull("y") ? number(n, "y", at, source) : Double.NaN;
            nodes.add(new Node(id, n.path("name").asText(id), loc, x, y));
        }
        Map<String, Node> byId = new LinkedHashMap<>();
        for (Node n : nodes) {
            byId.put(n.id(), n);
        }
        List<Link> links = new ArrayList<>();
        JsonNode ls = array(root, "links", source, true);
        for (int i = 0; i < ls.size(); i++) {
            JsonNode l = ls.get(i);
            String at = "/links/" + i;
            String id = text(l, "id", at, source);
            String s = text(l, "source", at, source);
            String t = text(l, "target", at, source);
            if (!byId.containsKey(s)) {
                throw new TopologyFormatException(source, at + "/source", "unknown node '" + s + "'");
            }
            if (!byId.containsKey(t)) {
                throw new TopologyFormatException(source, at + "/target", "unknown node '" + t + "'");
            }
            double cap = number(l, "capacityBps", at, source);
            double delay = number(l, "propagationDelayMs", at, source);
            double weight = l.has("weight") ? number(l, "weight", at, source) : 1.0;
            Set<String> srlgs = new TreeSet<>();
            for (JsonNode g : l.path("srlgs")) {
                srlgs.add(g.asText());
            }
            boolean directed = l.path("directed").asBoolean(false);
            try {
                if (directed) {
                    links.add(new Link(id, l.path("physicalId").asText(id), s, t, cap, delay, weight, srlgs));
                } else {
                    links.add(new Link(directedId(id, s, t), id, s, t, cap, delay, weight, srlgs));
                    links.add(new Link(directedId(id, t, s), id, t, s, cap, delay, weight, srlgs));
                }
            } catch (IllegalArgumentException e) {
                throw new TopologyFormatException(source, at, e.getMessage());
            }
        }
        List<Demand> demands = new ArrayList<>();
        JsonNode ds = array(root, "demands", source, false);
        for (int i = 0; i < ds.size(); i++) {
            JsonNode d = ds.get(i);
            String at = "/demands/" + i;
            String s = text(d, "source", at, source);
            String t = text(d, "target", at, source);
            for (String[] end : new String[][] {{"source", s}, {"target", t}}) {
                if (!byId.containsKey(end[1])) {
                    throw new TopologyFormatException(source, at + "/" + end[0], "unknown node '" + end[1] + "'");
                }
            }
            try {
                demands.add(new Demand(d.path("id").asText("D" + i), s, t, number(d, "valueBps", at, source)));
            } catch (IllegalArgumentException e) {
                throw new TopologyFormatException(source, at, e.getMessage());
            }
        }
        List<AppliedDefault> defaults = new ArrayList<>();
        for (JsonNode d : root.path("defaultsApplied")) {
            defaults.add(new AppliedDefault(d.path("field").asText(), d.path("rule").asText(), d.path("count").asInt()));
        }
        try {
            return new Topology(name, nodes, links, demands, defaults);
        } catch (IllegalArgumentException e) {
            throw new TopologyFormatException(source, "", e.getMessage());
        }
    }

    /** The JSON tree of a topology; symmetric pairs of directed links are written as one undirected link. */
    public static ObjectNode toTree(Topology topology) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", topology.name());
        ArrayNode ns = root.putArray("nodes");
        for (Node n : topology.nodes()) {
            ObjectNode o = ns.addObject();
            o.put("id", n.id());
            if (!n.name().equals(n.id())) {
                o.put("name", n.name());
            }
            if (n.hasLocation()) {
                o.put("latitude", n.location().latitude());
                o.put("longitude", n.location().longitude());
            }
            if (n.hasPlanarPosition()) {
                o.put("x", n.x());
                o.put("y", n.y());
            }
        }
        ArrayNode ls = root.putArray("links");
        Map<String, List<Link>> byPhysical = new LinkedHashMap<>();
        for (Link l : topology.links()) {
            byPhysical.computeIfAbsent(l.physicalId(), k -> new ArrayList<>()).add(l);
        }
        for (Map.Entry<String, List<Link>> e : byPhysical.entrySet()) {
            List<Link> group = e.getValue();
            if (group.size() == 2 && isSymmetricPair(e.getKey(), group.get(0), group.get(1))) {
                writeLink(ls.addObject(), e.getKey(), group.get(0), false);
            } else {
                for (Link l : group) {
                    ObjectNode o = ls.addObject();
                    writeLink(o, l.id(), l, true);
                    if (!l.physicalId().equals(l.id())) {
                        o.put("physicalId", l.physicalId());
                    }
                }
            }
        }
        if (!topology.demands().isEmpty()) {
            ArrayNode ds = root.putArray("demands");
            for (Demand d : topology.demands()) {
                ds.addObject().put("id", d.id()).put("source", d.source()).put("target", d.target()).put("valueBps", d.valueBps());
            }
        }
        if (!topology.defaultsApplied().isEmpty()) {
            ArrayNode da = root.putArray("defaultsApplied");
            for (AppliedDefault d : topology.defaultsApplied()) {
                da.addObject().put("field", d.field()).put("rule", d.rule()).put("count", d.count());
            }
        }
        return root;
    }

    /** The topology as pretty-printed JSON. */
    public static String write(Topology topology) {
        try {
            return MAPPER.writeValueAsString(toTree(topology));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the topology to a file. */
    public static void write(Topology topology, Path file) throws IOException {
        Files.writeString(file, write(topology));
    }

    private static boolean isSymmetricPair(String physicalId, Link a, Link b) {
        return a.source().equals(b.target()) && a.target().equals(b.source())
                && a.id().equals(directedId(physicalId, a.source(), a.target()))
                && b.id().equals(directedId(physicalId, b.source(), b.target()))
                && a.capacityBps() == b.capacityBps() && a.propagationDelayMs() == b.propagationDelayMs()
                && a.weight() == b.weight() && a.srlgs().equals(b.srlgs());
    }

    private static void writeLink(ObjectNode o, String id, Link l, boolean directed) {
        o.put("id", id);
        o.put("source", l.source());
        o.put("target", l.target());
        o.put("capacityBps", l.capacityBps());
        o.put("propagationDelayMs", l.propagationDelayMs());
        o.put("weight", l.weight());
        if (!l.srlgs().isEmpty()) {
            ArrayNode g = o.putArray("srlgs");
            new TreeSet<>(l.srlgs()).forEach(g::add);
        }
        if (directed) {
            o.put("directed", true);
        }
    }

    private static JsonNode array(JsonNode root, String field, String source, boolean required) {
        JsonNode a = root.get(field);
        if (a == null || a.isNull()) {
            if (required) {
                throw new TopologyFormatException(source, "/" + field, "missing required array '" + field + "'");
            }
            return MAPPER.createArrayNode();
        }
        if (!a.isArray()) {
            throw new TopologyFormatException(source, "/" + field, "expected an array");
        }
        return a;
    }

    /** The non-blank string at {@code field}, or an error naming {@code at/field}. */
    static String text(JsonNode n, String field, String at, String source) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new TopologyFormatException(source, at + "/" + field, "expected a non-empty string");
        }
        return v.asText();
    }

    /** The number at {@code field}, or an error naming {@code at/field}. */
    static double number(JsonNode n, String field, String at, String source) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new TopologyFormatException(source, at + "/" + field, "expected a number");
        }
        return v.asDouble();
    }
}
