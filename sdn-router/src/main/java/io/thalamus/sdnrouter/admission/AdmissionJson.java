package io.thalamus.sdnrouter.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.FlowJson;
import io.thalamus.network.format.InputJson;
import io.thalamus.network.format.TopologyFormatException;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Topology;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admission results as JSON (documented in docs/admission.md) and the reader of admitted flows, so that
 * one run's output can be the next run's {@code --existing} input.
 */
public final class AdmissionJson {

    private static final ObjectMapper MAPPER = InputJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AdmissionJson() {
    }

    /** The JSON tree of a result. */
    public static ObjectNode toTree(AdmissionResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("solver", r.solver());
        o.put("status", r.status().name());
        o.put("objectiveMode", r.mode().label());
        ArrayNode classes = o.putArray("classes");
        r.classes().forEach(classes::add);
        ArrayNode obj = o.putArray("objective");
        r.objective().forEach(obj::add);
        o.put("weightedObjective", r.weightedObjective());
        if (r.bound().isEmpty()) {
            o.putNull("bound");
        } else {
            ArrayNode b = o.putArray("bound");
            r.bound().forEach(b::add);
        }
        if (Double.isNaN(r.gap())) {
            o.putNull("gap");
        } else {
            o.put("gap", r.gap());
        }
        o.put("pathWeight", r.pathWeight());
        o.put("timeMs", r.timeMs());
        ArrayNode adm = o.putArray("admitted");
        for (AdmittedFlow a : r.admitted()) {
            ObjectNode f = FlowJson.toTree(a.flow());
            ArrayNode nodes = f.putArray("path");
            a.path().nodes().forEach(nodes::add);
            ArrayNode links = f.putArray("links");
            a.path().linkIds().forEach(links::add);
            adm.add(f);
        }
        ArrayNode rej = o.putArray("rejected");
        for (Rejection x : r.rejected()) {
            rej.addObject().put("id", x.flow().id()).put("priority", x.flow().priority()).put("reason", x.reason());
        }
        ArrayNode ev = o.putArray("evictions");
        for (Eviction e : r.evictions()) {
            ev.addObject().put("id", e.flow().id()).put("priority", e.flow().priority()).put("by", e.byFlowId());
        }
        ArrayNode loads = o.putArray("linkLoads");
        for (LinkLoad l : r.linkLoads()) {
            loads.addObject().put("link", l.linkId()).put("loadBps", l.loadBps()).put("capacityBps", l.capacityBps())
                    .put("utilisation", l.utilisation());
        }
        ObjectNode params = o.putObject("parameters");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.parameters()).entrySet()) {
            params.put(e.getKey(), e.getValue());
        }
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        return o;
    }

    /** A result as pretty-printed JSON. */
    public static String write(AdmissionResult r) {
        try {
            return MAPPER.writeValueAsString(toTree(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads admitted flows: a result document (its {@code admitted} array) or a bare array of flow objects,
     * each with {@code links} (link ids) or {@code path} (node ids).
     */
    public static List<AdmittedFlow> readAdmitted(java.nio.file.Path file, Topology topology) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TopologyFormatException(file.toString(), "", "cannot read file: " + e.getMessage(), e);
        }
        return parseAdmitted(text, file.toString(), topology);
    }

    /** Parses admitted flows from JSON text; {@code source} names it in errors. */
    public static List<AdmittedFlow> parseAdmitted(String json, String source, Topology topology) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TopologyFormatException(source, "line " + e.getLocation().getLineNr(), "malformed JSON: " + e.getOriginalMessage(), e);
        }
        String prefix = "";
        JsonNode array = root;
        if (root != null && root.isObject()) {
            array = root.get("admitted");
            prefix = "/admitted";
        }
        if (array == null || !array.isArray()) {
            throw new TopologyFormatException(source, prefix.isEmpty() ? "/" : prefix, "expected an array of admitted flows");
        }
        List<AdmittedFlow> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = prefix + "/" + i;
            Flow f = FlowJson.flow(array.get(i), at, source, topology, ids);
            JsonNode links = array.get(i).get("links");
            JsonNode nodes = array.get(i).get("path");
            try {
                Path p;
                if (links != null && links.isArray() && !links.isEmpty()) {
                    List<String> ls = new ArrayList<>();
                    links.forEach(x -> ls.add(x.asText()));
                    p = Path.ofLinkIds(topology, ls);
                } else if (nodes != null && nodes.isArray()) {
                    List<String> ns = new ArrayList<>();
                    nodes.forEach(x -> ns.add(x.asText()));
                    p = Path.ofNodes(topology, ns);
                } else {
                    throw new TopologyFormatException(source, at, "expected \"links\" (link ids) or \"path\" (node ids)");
                }
                out.add(new AdmittedFlow(f, p));
            } catch (IllegalArgumentException e) {
                throw new TopologyFormatException(source, at, e.getMessage());
            }
        }
        return List.copyOf(out);
    }
}
