package io.thalamus.twin.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.format.InputJson;
import io.thalamus.network.format.TopologyFormatException;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes scenarios as JSON (format in {@code docs/twin.md}):
 * {@code {"name":"...","steps":[{"type":"link-down","links":["L1"]}, ...]}}, a bare array of steps, or one
 * step object. Everything is checked against the topology and the twin's flows before anything runs;
 * errors are {@link ScenarioException}s naming the field by JSON pointer.
 */
public final class ScenarioJson {

    private static final ObjectMapper MAPPER = InputJson.mapper();

    private ScenarioJson() {
    }

    /** Reads a scenario file. */
    public static Scenario read(Path file, Topology topology, List<Flow> flows) {
        try {
            return parse(Files.readString(file), topology, flows);
        } catch (IOException e) {
            throw new ScenarioException("", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Parses scenario JSON, checking ids against {@code topology} and the twin's current {@code flows}. */
    public static Scenario parse(String json, Topology topology, List<Flow> flows) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("", "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException("", "empty document; expected a scenario object");
        }
        return fromTree(root, topology, flows);
    }

    /** Builds a scenario from a JSON tree. */
    public static Scenario fromTree(JsonNode root, Topology topology, List<Flow> flows) {
        Set<String> flowIds = new HashSet<>();
        flows.forEach(f -> flowIds.add(f.id()));
        String name = null;
        JsonNode steps;
        String prefix;
        if (root.isArray()) {
            steps = root;
            prefix = "";
        } else if (root.isObject() && root.has("type")) {
            return new Scenario(null, List.of(step(root, "", topology, flowIds)));
        } else if (root.isObject()) {
            allowOnly(root, "", "name", "steps", "description");
            if (root.has("name")) {
                if (!root.get("name").isTextual()) {
                    throw new ScenarioException("/name", "expected a string");
                }
                name = root.get("name").asText();
            }
            steps = root.get("steps");
            prefix = "/steps";
            if (steps == null || !steps.isArray()) {
                throw new ScenarioException("/steps", "expected an array of steps");
            }
        } else {
            throw new ScenarioException("", "expected a scenario object, an array of steps or one step");
        }
        if (steps.isEmpty()) {
            throw new ScenarioException(prefix.isEmpty() ? "" : prefix, "a scenario needs at least one step");
        }
        List<ScenarioStep> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(step(steps.get(i), prefix + "/" + i, topology, flowIds));
        }
        return new Scenario(name, out);
    }

    private static ScenarioStep step(JsonNode s, String at, Topology topology, Set<String> flowIds) {
        if (!s.isObject()) {
            throw new ScenarioException(at, "expected a step object with a \"type\"");
        }
        JsonNode typeNode = s.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new ScenarioException(at + "/type", "expected one of link-down, node-down, srlg-down, capacity-change, "
                    + "traffic-scale, add-flows, remove-flows, drain");
        }
        String type = typeNode.asText();
        switch (type) {
            case "link-down" -> {
                allowOnly(s, at, "type", "links", "link");
                List<String> links = ids(s, at, "links", "link");
                for (int i = 0; i < links.size(); i++) {
                    checkLink(topology, links.get(i), pointer(s, at, "links", "link", i));
                }
                return new ScenarioStep.LinkDown(links);
            }
            case "node-down" -> {
                allowOnly(s, at, "type", "nodes", "node");
                List<String> nodes = ids(s, at, "nodes", "node");
                for (int i = 0; i < nodes.size(); i++) {
                    checkNode(topology, nodes.get(i), pointer(s, at, "nodes", "node", i));
                }
                return new ScenarioStep.NodeDown(nodes);
            }
            case "srlg-down" -> {
                allowOnly(s, at, "type", "srlgs", "srlg");
                List<String> groups = ids(s, at, "srlgs", "srlg");
                Set<String> known = new HashSet<>();
                for (Link l : topology.links()) {
                    known.addAll(l.srlgs());
                }
                for (int i = 0; i < groups.size(); i++) {
                    if (!known.contains(groups.get(i))) {
                        throw new ScenarioException(pointer(s, at, "srlgs", "srlg", i), "unknown shared-risk link group '"
                                + groups.get(i) + "' (no link of topology '" + topology.name() + "' belongs to it)");
                    }
                }
                return new ScenarioStep.SrlgDown(groups);
            }
            case "capacity-change" -> {
                allowOnly(s, at, "type", "link", "capacityBps", "factor");
                String link = text(s, at, "link");
                checkLink(topology, link, at + "/link");
                boolean hasCap = s.has("capacityBps");
                boolean hasFactor = s.has("factor");
                if (hasCap == hasFactor) {
                    throw new ScenarioException(at, "expected exactly one of \"capacityBps\" or \"factor\"");
                }
                if (hasCap) {
                    double c = number(s, at, "capacityBps");
                    if (!(c > 0)) {
                        throw new ScenarioException(at + "/capacityBps", "expected a positive number of bit/s, got " + c);
                    }
                    return new ScenarioStep.CapacityChange(link, c, null);
                }
                double f = number(s, at, "factor");
                if (!(f > 0)) {
                    throw new ScenarioException(at + "/factor", "expected a positive factor, got " + f);
                }
                return new ScenarioStep.CapacityChange(link, null, f);
            }
            case "traffic-scale" -> {
                allowOnly(s, at, "type", "factor", "source", "destination");
                double f = number(s, at, "factor");
                if (!(f >= 0)) {
                    throw new ScenarioException(at + "/factor", "expected a factor >= 0, got " + f);
                }
                String src = s.has("source") ? text(s, at, "source") : null;
                String dst = s.has("destination") ? text(s, at, "destination") : null;
                if (src != null) {
                    checkNode(topology, src, at + "/source");
                }
                if (dst != null) {
                    checkNode(topology, dst, at + "/destination");
                }
                return new ScenarioStep.TrafficScale(f, src, dst);
            }
            case "add-flows" -> {
                allowOnly(s, at, "type", "flows");
                JsonNode arr = s.get("flows");
                if (arr == null || !arr.isArray() || arr.isEmpty()) {
                    throw new ScenarioException(at + "/flows", "expected a non-empty array of flow objects");
                }
                List<Flow> added = new ArrayList<>();
                for (int i = 0; i < arr.size(); i++) {
                    Flow f;
                    try {
                        f = FlowJson.flow(arr.get(i), at + "/flows/" + i, "scenario", topology, null);
                    } catch (TopologyFormatException e) {
                        throw new ScenarioException(e.location(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
                    }
                    if (!flowIds.add(f.id())) {
                        throw new ScenarioException(at + "/flows/" + i + "/id", "flow id '" + f.id() + "' already exists");
                    }
                    added.add(f);
                }
                return new ScenarioStep.AddFlows(added);
            }
            case "remove-flows" -> {
                allowOnly(s, at, "type", "flows", "flow");
                List<String> ids = ids(s, at, "flows", "flow");
                for (int i = 0; i < ids.size(); i++) {
                    if (!flowIds.remove(ids.get(i))) {
                        throw new ScenarioException(pointer(s, at, "flows", "flow", i), "unknown flow '" + ids.get(i) + "'");
                    }
                }
                return new ScenarioStep.RemoveFlows(ids);
            }
            case "drain" -> {
                allowOnly(s, at, "type", "node", "link");
                boolean hasNode = s.has("node");
                if (hasNode == s.has("link")) {
                    throw new ScenarioException(at, "expected exactly one of \"node\" or \"link\"");
                }
                if (hasNode) {
                    String node = text(s, at, "node");
                    checkNode(topology, node, at + "/node");
                    return new ScenarioStep.Drain(node, null);
                }
                String link = text(s, at, "link");
                checkLink(topology, link, at + "/link");
                return new ScenarioStep.Drain(null, link);
            }
            default -> throw new ScenarioException(at + "/type", "unknown step type '" + type + "'; expected one of "
                    + "link-down, node-down, srlg-down, capacity-change, traffic-scale, add-flows, remove-flows, drain");
        }
    }

    /** The JSON tree of a scenario (the inverse of {@link #fromTree}). */
    public static ObjectNode toTree(Scenario scenario) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", scenario.name());
        ArrayNode steps = root.putArray("steps");
        for (ScenarioStep step : scenario.steps()) {
            ObjectNode o = steps.addObject();
            o.put("type", step.type());
            if (step instanceof ScenarioStep.LinkDown d) {
                d.links().forEach(o.putArray("links")::add);
            } else if (step instanceof ScenarioStep.NodeDown d) {
                d.nodes().forEach(o.putArray("nodes")::add);
            } else if (step instanceof ScenarioStep.SrlgDown d) {
                d.srlgs().forEach(o.putArray("srlgs")::add);
            } else if (step instanceof ScenarioStep.CapacityChange c) {
                o.put("link", c.link());
                if (c.capacityBps() != null) {
                    o.put("capacityBps", c.capacityBps());
                } else {
                    o.put("factor", c.factor());
                }
            } else if (step instanceof ScenarioStep.TrafficScale t) {
                o.put("factor", t.factor());
                if (t.source() != null) {
                    o.put("source", t.source());
                }
                if (t.destination() != null) {
                    o.put("destination", t.destination());
                }
            } else if (step instanceof ScenarioStep.AddFlows a) {
                ArrayNode arr = o.putArray("flows");
                a.flows().forEach(f -> arr.add(FlowJson.toTree(f)));
            } else if (step instanceof ScenarioStep.RemoveFlows r) {
                r.flowIds().forEach(o.putArray("flows")::add);
            } else if (step instanceof ScenarioStep.Drain d) {
                if (d.node() != null) {
                    o.put("node", d.node());
                } else {
                    o.put("link", d.link());
                }
            }
        }
        return root;
    }

    private static void checkLink(Topology t, String id, String at) {
        if (!t.hasLink(id) && t.linksOfPhysical(id).isEmpty()) {
            throw new ScenarioException(at, "unknown link '" + id + "' (neither a directed nor a physical link id of topology '"
                    + t.name() + "')");
        }
    }

    private static void checkNode(Topology t, String id, String at) {
        if (!t.hasNode(id)) {
            throw new ScenarioException(at, "unknown node '" + id + "' (not in topology '" + t.name() + "')");
        }
    }

    private static void allowOnly(JsonNode o, String at, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new ScenarioException(at + "/" + f, "unexpected field; allowed here: " + String.join(", ", fields));
            }
        }
    }

    private static String pointer(JsonNode s, String at, String plural, String singular, int i) {
        return s.has(plural) ? at + "/" + plural + "/" + i : at + "/" + singular;
    }

    private static List<String> ids(JsonNode s, String at, String plural, String singular) {
        if (s.has(plural) == s.has(singular)) {
            throw new ScenarioException(at + "/" + plural, "expected \"" + plural + "\" (an array of ids) or \"" + singular
                    + "\" (one id), not both or neither");
        }
        if (s.has(singular)) {
            return List.of(text(s, at, singular));
        }
        JsonNode arr = s.get(plural);
        if (!arr.isArray() || arr.isEmpty()) {
            throw new ScenarioException(at + "/" + plural, "expected a non-empty array of ids");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode v = arr.get(i);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new ScenarioException(at + "/" + plural + "/" + i, "expected a non-empty string id, got " + v);
            }
            out.add(v.asText());
        }
        return out;
    }

    private static String text(JsonNode s, String at, String field) {
        JsonNode v = s.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ScenarioException(at + "/" + field, "expected a non-empty string, got " + v);
        }
        return v.asText();
    }

    private static double number(JsonNode s, String at, String field) {
        JsonNode v = s.get(field);
        if (v == null || !v.isNumber()) {
            throw new ScenarioException(at + "/" + field, "expected a number, got " + v);
        }
        return v.asDouble();
    }
}
