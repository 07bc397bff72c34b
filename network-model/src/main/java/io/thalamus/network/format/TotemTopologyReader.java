package io.thalamus.network.format;

import io.thalamus.network.topology.GeoPoint;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

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
 * Reads a TOTEM domain file ({@code <domain>}, as published with the GEANT TOTEM matrices): nodes, directed
 * links with optional {@code <capacity value>} in the file's bandwidth unit, and optional IGP static
 * metrics. Node ids match the TOTEM matrices' ids. A link and its reverse share the physical id
 * {@code a-b} (a the smaller id); directed ids follow {@link TopologyJson#directedId}. Location (0, 0) is
 * the anonymised "unknown" and is dropped (recorded); missing capacity is 10 Gbit/s and missing metric 1
 * (both recorded); delay by the common rule (1 ms without coordinates).
 */
public final class TotemTopologyReader {

    static final String ZERO_LOCATION_RULE = "latitude 0 and longitude 0 taken as unknown (anonymised)";

    private TotemTopologyReader() {
    }

    /** Reads a TOTEM domain file; the topology is named after the file. */
    public static Topology read(Path file) {
        String source = file.toString();
        XmlTree.Element root = XmlTree.read(file);
        if (!root.name().equals("domain")) {
            throw new TopologyFormatException(source, root.where(), "expected root element <domain>");
        }
        double unit = bandwidthUnit(root, source);
        DefaultLedger ledger = new DefaultLedger();
        XmlTree.Element topology = root.require("topology", source);
        Map<String, Node> nodes = new LinkedHashMap<>();
        int zeroed = 0;
        for (XmlTree.Element n : topology.require("nodes", source).children("node")) {
            String id = n.attr("id");
            if (id == null || id.isBlank()) {
                throw new TopologyFormatException(source, n.where(), "expected an id attribute on <node>");
            }
            if (nodes.containsKey(id)) {
                throw new TopologyFormatException(source, n.where(), "duplicate node id '" + id + "'");
            }
            GeoPoint loc = null;
            XmlTree.Element l = n.child("location");
            if (l != null && l.attr("latitude") != null && l.attr("longitude") != null) {
                double lat = Fields.number(l.attr("latitude"), "latitude", source, l.where());
                double lon = Fields.number(l.attr("longitude"), "longitude", source, l.where());
                if (lat == 0 && lon == 0) {
                    zeroed++;
                } else {
                    try {
                        loc = new GeoPoint(lat, lon);
                    } catch (IllegalArgumentException e) {
                        throw new TopologyFormatException(source, l.where(), "node '" + id + "': " + e.getMessage());
                    }
                }
            }
            nodes.put(id, new Node(id, id, loc));
        }
        ledger.add("location", ZERO_LOCATION_RULE, zeroed);
        Map<String, Double> metrics = metrics(root, source);
        List<Link> links = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        for (XmlTree.Element l : topology.require("links", source).children("link")) {
            String id = l.attr("id");
            if (id == null || !ids.add(id)) {
                throw new TopologyFormatException(source, l.where(), id == null ? "expected an id attribute on <link>"
                        : "duplicate link id '" + id + "'");
            }
            String from = endpoint(l, "from", nodes, source);
            String to = endpoint(l, "to", nodes, source);
            if (from.equals(to)) {
                throw new TopologyFormatException(source, l.where(), "link '" + id + "' connects node '" + from + "' to itself");
            }
            if (!pairs.add(from + "\u0000" + to)) {
                throw new TopologyFormatException(source, l.where(), "second link from '" + from + "' to '" + to + "'");
            }
            double cap;
            XmlTree.Element c = l.child("capacity");
            if (c == null) {
                cap = DefaultLedger.DEFAULT_CAPACITY_BPS;
                ledger.add("capacityBps", DefaultLedger.CAPACITY_RULE, 1);
            } else {
                cap = Fields.number(String.valueOf(c.attr("value")), "capacity value", source, c.where()) * unit;
                if (!(cap > 0) || Double.isInfinite(cap)) {
                    throw new TopologyFormatException(source, c.where(), "link '" + id + "': capacity must be positive, got " + c.attr("value"));
                }
            }
            Double metric = metrics.get(id);
            if (metric == null) {
                metric = DefaultLedger.DEFAULT_WEIGHT;
                ledger.add("weight", DefaultLedger.WEIGHT_RULE, 1);
            }
            String physical = compareIds(from, to) < 0 ? from + "-" + to : to + "-" + from;
            double delay = ledger.delayMs(nodes.get(from), nodes.get(to), 1);
            links.add(new Link(TopologyJson.directedId(physical, from, to), physical, from, to, cap, delay, metric, Set.of()));
        }
        try {
            return new Topology(TopologyReaders.baseName(file), nodes.values(), links, List.of(), ledger.toList());
        } catch (IllegalArgumentException e) {
            throw new TopologyFormatException(source, "", e.getMessage(), e);
        }
    }

    private static int compareIds(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static double bandwidthUnit(XmlTree.Element root, String source) {
        XmlTree.Element info = root.child("info");
        XmlTree.Element units = info == null ? null : info.child("units");
        if (units != null) {
            for (XmlTree.Element u : units.children("unit")) {
                if ("bandwidth".equals(u.attr("type"))) {
                    return switch (String.valueOf(u.attr("value")).toLowerCase(Locale.ROOT)) {
                        case "bps" -> 1;
                        case "kbps" -> 1e3;
                        case "mbps" -> 1e6;
                        case "gbps" -> 1e9;
                        default -> throw new TopologyFormatException(source, u.where(),
                                "unknown bandwidth unit '" + u.attr("value") + "' (expected bps, kbps, mbps or gbps)");
                    };
                }
            }
        }
        return 1e3; // TOTEM's default bandwidth unit
    }

    private static Map<String, Double> metrics(XmlTree.Element root, String source) {
        Map<String, Double> out = new HashMap<>();
        XmlTree.Element igp = root.child("igp");
        XmlTree.Element links = igp == null ? null : igp.child("links");
        if (links == null) {
            return out;
        }
        for (XmlTree.Element l : links.children("link")) {
            XmlTree.Element st = l.child("static");
            XmlTree.Element m = st == null ? null : st.child("metric");
            if (m != null && m.attr("value") != null) {
                double v = Fields.number(m.attr("value"), "metric", source, m.where());
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new TopologyFormatException(source, m.where(), "metric must be positive, got " + m.attr("value"));
                }
                out.put(l.attr("id"), v);
            }
        }
        return out;
    }

    private static String endpoint(XmlTree.Element link, String end, Map<String, Node> nodes, String source) {
        XmlTree.Element e = link.child(end);
        if (e == null || e.attr("node") == null) {
            throw new TopologyFormatException(source, link.where(), "missing <" + end + " node=...> in link '" + link.attr("id") + "'");
        }
        if (!nodes.containsKey(e.attr("node"))) {
            throw new TopologyFormatException(source, e.where(), "link '" + link.attr("id") + "': unknown node '" + e.attr("node") + "'");
        }
        return e.attr("node");
    }
}
