package io.thalamus.network.format;

import io.thalamus.network.topology.AppliedDefault;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a TOTEM domain file (Domain-v1_2 XML: {@code <domain><topology><nodes><node id>} and
 * {@code <links><link id><from node/><to node/><capacity value/>}), as the GEANT TOTEM traffic set ships
 * its topology. Capacities are in the file's bandwidth unit (kbit/s unless {@code <units>} says otherwise).
 * The two directions of a node pair share a physical id {@code a_b} with a &lt; b. IGP metrics are taken
 * from {@code <igp><links><link id><static><metric value>} when present, else 1 (hop count, reported as a
 * default); propagation delays are 0 (the file has no positions), also reported.
 */
public final class TotemDomainReader {

    private TotemDomainReader() {
    }

    /** True when the file's root element is a TOTEM {@code <domain>}. */
    public static boolean isTotemDomain(Path file) {
        try {
            return "domain".equals(XmlTree.read(file).name());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Reads the topology. @throws TopologyFormatException naming the element that is wrong */
    public static Topology read(Path file) {
        String source = file.toString();
        XmlTree.Element root = XmlTree.read(file);
        if (!"domain".equals(root.name())) {
            throw new TopologyFormatException(source, "line " + root.line(), "expected a TOTEM <domain> root, got <" + root.name() + ">");
        }
        double unit = 1e3;
        XmlTree.Element info = root.child("info");
        if (info != null && info.child("units") != null) {
            for (XmlTree.Element u : info.child("units").children("unit")) {
                if ("bandwidth".equals(u.attr("type"))) {
                    unit = switch (String.valueOf(u.attr("value")).toLowerCase(Locale.ROOT)) {
                        case "bps" -> 1;
                        case "kbps" -> 1e3;
                        case "mbps" -> 1e6;
                        case "gbps" -> 1e9;
                        default -> throw new TopologyFormatException(source, "line " + u.line(),
                                "unknown bandwidth unit '" + u.attr("value") + "' (expected bps, kbps, mbps or gbps)");
                    };
                }
            }
        }
        XmlTree.Element topo = root.child("topology");
        if (topo == null || topo.child("nodes") == null || topo.child("links") == null) {
            throw new TopologyFormatException(source, "line " + root.line(), "expected <topology> with <nodes> and <links>");
        }
        List<Node> nodes = new ArrayList<>();
        for (XmlTree.Element n : topo.child("nodes").children("node")) {
            String id = n.attr("id");
            if (id == null || id.isBlank()) {
                throw new TopologyFormatException(source, "line " + n.line(), "<node> without an id");
            }
            nodes.add(new Node(id, id, null));
        }
        java.util.Map<String, Double> metrics = new java.util.HashMap<>();
        XmlTree.Element igp = root.child("igp");
        if (igp != null && igp.child("links") != null) {
            for (XmlTree.Element l : igp.child("links").children("link")) {
                XmlTree.Element st = l.child("static");
                XmlTree.Element metric = st == null ? null : st.child("metric");
                if (metric != null && metric.attr("value") != null && !metric.attr("value").isBlank()) {
                    metrics.put(l.attr("id"), number(metric.attr("value"), source, metric, "metric"));
                }
            }
        }
        List<Link> links = new ArrayList<>();
        int defaultedWeights = 0;
        for (XmlTree.Element l : topo.child("links").children("link")) {
            String id = l.attr("id");
            XmlTree.Element from = l.child("from");
            XmlTree.Element to = l.child("to");
            XmlTree.Element cap = l.child("capacity");
            if (id == null || from == null || to == null) {
                throw new TopologyFormatException(source, "line " + l.line(), "<link> needs an id, <from node> and <to node>");
            }
            if (cap == null || cap.attr("value") == null) {
                throw new TopologyFormatException(source, "line " + l.line(), "link '" + id
                        + "' has no <capacity value>; use a capacity-annotated domain file");
            }
            String a = from.attr("node");
            String b = to.attr("node");
            double c = number(cap.attr("value"), source, cap, "capacity") * unit;
            Double w = metrics.get(id);
            if (w == null) {
                defaultedWeights++;
            }
            String physical = a.compareTo(b) <= 0 ? a + "_" + b : b + "_" + a;
            try {
                links.add(new Link(id, physical, a, b, c, 0, w == null ? 1 : w, Set.of()));
            } catch (IllegalArgumentException e) {
                throw new TopologyFormatException(source, "line " + l.line(), e.getMessage());
            }
        }
        List<AppliedDefault> defaults = new ArrayList<>();
        if (defaultedWeights > 0) {
            defaults.add(new AppliedDefault("weight", "1 (no IGP metric in the file)", defaultedWeights));
        }
        defaults.add(new AppliedDefault("propagationDelayMs", "0 (no node positions in the file)", links.size()));
        try {
            return new Topology("totem-" + root.attr("ASID"), nodes, links, List.of(), defaults);
        } catch (IllegalArgumentException e) {
            throw new TopologyFormatException(source, "", e.getMessage());
        }
    }

    private static double number(String s, String source, XmlTree.Element e, String what) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException ex) {
            throw new TopologyFormatException(source, "line " + e.line(), what + " is not a number: '" + s + "'");
        }
    }
}
