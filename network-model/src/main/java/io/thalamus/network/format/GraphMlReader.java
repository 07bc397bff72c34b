package io.thalamus.network.format;

import io.thalamus.network.topology.GeoPoint;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Internet Topology Zoo GraphML (yEd-style {@code <key>} declarations) with the JDK's StAX parser.
 *
 * <ul>
 *   <li>Nodes: GraphML id; name from {@code label}; location from {@code Latitude}/{@code Longitude} when both are present.</li>
 *   <li>Edges: link id = the edge's {@code id} attribute, else {@code e<n>} with n its position among the file's edges,
 *       so parallel edges stay distinct links. Undirected edges (the default) become two directed links.</li>
 *   <li>Capacity: {@code LinkSpeedRaw} (bit/s); else {@code LinkSpeed} x {@code LinkSpeedUnits} (K, M, G, T);
 *       else 10 Gbit/s (recorded as a default).</li>
 *   <li>Delay from great-circle distance, else 1 ms; weight 1 (both recorded). Self-loops are dropped (recorded).</li>
 *   <li>Disconnected graphs are kept whole; use {@link Topology#largestComponent()}.</li>
 * </ul>
 */
public final class GraphMlReader {

    static final String SELF_LOOP_RULE = "self-loop edge dropped";
    static final String SPEED_RULE = "LinkSpeed x LinkSpeedUnits (no LinkSpeedRaw)";

    private GraphMlReader() {
    }

    /** Reads a GraphML file; the topology is named after the file. */
    public static Topology read(Path file) {
        return fromTree(XmlTree.read(file), file.toString(), TopologyReaders.baseName(file));
    }

    /** Parses GraphML text; {@code source} names it in errors. */
    public static Topology parse(String xml, String source, String name) {
        return fromTree(XmlTree.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), source), source, name);
    }

    private static Topology fromTree(XmlTree.Element root, String source, String name) {
        if (!root.name().equals("graphml")) {
            throw new TopologyFormatException(source, root.where(), "expected root element <graphml>");
        }
        Map<String, String> keyNames = new HashMap<>();
        for (XmlTree.Element k : root.children("key")) {
            if (k.attr("id") == null || k.attr("attr.name") == null) {
                throw new TopologyFormatException(source, k.where(), "expected attributes id and attr.name on <key>");
            }
            keyNames.put(k.attr("id"), k.attr("attr.name"));
        }
        XmlTree.Element graph = root.require("graph", source);
        boolean directedDefault = "directed".equals(graph.attr("edgedefault"));
        DefaultLedger ledger = new DefaultLedger();
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (XmlTree.Element n : graph.children("node")) {
            String id = n.attr("id");
            if (id == null || id.isBlank()) {
                throw new TopologyFormatException(source, n.where(), "expected an id attribute on <node>");
            }
            if (nodes.containsKey(id)) {
                throw new TopologyFormatException(source, n.where(), "duplicate node id '" + id + "'");
            }
            Map<String, XmlTree.Element> data = data(n, keyNames, source);
            GeoPoint loc = null;
            if (data.containsKey("Latitude") && data.containsKey("Longitude")) {
                double lat = data.get("Latitude").number("Latitude", source);
                double lon = data.get("Longitude").number("Longitude", source);
                try {
                    loc = new GeoPoint(lat, lon);
                } catch (IllegalArgumentException e) {
                    throw new TopologyFormatException(source, n.where(), "node '" + id + "': " + e.getMessage());
                }
            }
            XmlTree.Element label = data.get("label");
            nodes.put(id, new Node(id, label == null ? id : label.text(), loc));
        }
        List<Link> links = new ArrayList<>();
        Set<String> linkIds = new HashSet<>();
        int ordinal = 0;
        for (XmlTree.Element e : graph.children("edge")) {
            String id = e.attr("id") != null && !e.attr("id").isBlank() ? e.attr("id") : "e" + ordinal;
            ordinal++;
            if (!linkIds.add(id)) {
                throw new TopologyFormatException(source, e.where(), "duplicate edge id '" + id + "'");
            }
            Node a = endpoint(nodes, e, "source", source);
            Node b = endpoint(nodes, e, "target", source);
            if (a.id().equals(b.id())) {
                ledger.add("links", SELF_LOOP_RULE, 1);
                continue;
            }
            Map<String, XmlTree.Element> data = data(e, keyNames, source);
            boolean directed = directedOf(e, directedDefault);
            int directions = directed ? 1 : 2;
            double cap = capacity(data, id, source, e, ledger, directions);
            ledger.add("weight", DefaultLedger.WEIGHT_RULE, directions);
            double delay = ledger.delayMs(a, b, directions);
            if (directed) {
                links.add(new Link(id, id, a.id(), b.id(), cap, delay, DefaultLedger.DEFAULT_WEIGHT, Set.of()));
            } else {
                DefaultLedger.addUndirected(links, id, a, b, cap, delay, DefaultLedger.DEFAULT_WEIGHT);
            }
        }
        try {
            return new Topology(name, nodes.values(), links, List.of(), ledger.toList());
        } catch (IllegalArgumentException ex) {
            throw new TopologyFormatException(source, "", ex.getMessage(), ex);
        }
    }

    private static boolean directedOf(XmlTree.Element e, boolean directedDefault) {
        String d = e.attr("directed");
        return d == null ? directedDefault : d.equals("true");
    }

    private static double capacity(Map<String, XmlTree.Element> data, String id, String source, XmlTree.Element e,
                                   DefaultLedger ledger, int directions) {
        XmlTree.Element raw = data.get("LinkSpeedRaw");
        double cap;
        if (raw != null) {
            cap = raw.number("LinkSpeedRaw", source);
        } else if (data.containsKey("LinkSpeed") && data.containsKey("LinkSpeedUnits")) {
            double speed = data.get("LinkSpeed").number("LinkSpeed", source);
            cap = speed * unitMultiplier(data.get("LinkSpeedUnits"), source);
            ledger.add("capacityBps", SPEED_RULE, directions);
        } else {
            ledger.add("capacityBps", DefaultLedger.CAPACITY_RULE, directions);
            return DefaultLedger.DEFAULT_CAPACITY_BPS;
        }
        if (!(cap > 0) || Double.isInfinite(cap)) {
            throw new TopologyFormatException(source, e.where(),
                    "edge '" + id + "': link speed must be a positive number of bit/s, got " + cap);
        }
        return cap;
    }

    private static double unitMultiplier(XmlTree.Element units, String source) {
        return switch (units.text().trim().toUpperCase(Locale.ROOT)) {
            case "", "B" -> 1;
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "T" -> 1e12;
            default -> throw new TopologyFormatException(source, units.where(),
                    "unknown LinkSpeedUnits '" + units.text() + "' (expected K, M, G or T)");
        };
    }

    private static Node endpoint(Map<String, Node> nodes, XmlTree.Element e, String end, String source) {
        String id = e.attr(end);
        if (id == null) {
            throw new TopologyFormatException(source, e.where(), "missing " + end + " attribute on <edge>");
        }
        Node n = nodes.get(id);
        if (n == null) {
            throw new TopologyFormatException(source, e.where(), "edge " + end + " names unknown node '" + id + "'");
        }
        return n;
    }

    private static Map<String, XmlTree.Element> data(XmlTree.Element owner, Map<String, String> keyNames, String source) {
        Map<String, XmlTree.Element> out = new HashMap<>(16);
        for (XmlTree.Element d : owner.children()) {
            if (!d.name().equals("data")) {
                continue;
            }
            String attrName = keyNames.get(d.attr("key"));
            if (attrName == null) {
                throw new TopologyFormatException(source, d.where(), "data key '" + d.attr("key") + "' is not declared by any <key>");
            }
            out.put(attrName, d);
        }
        return out;
    }
}
