package io.thalamus.network.format;

import io.thalamus.network.topology.Demand;
import io.thalamus.network.topology.GeoPoint;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects what an SNDlib file says (native or XML) and turns it into a {@link Topology} with the same
 * rules for both syntaxes, so the two readers of one instance give identical topologies.
 *
 * <p>Rules (also in {@code docs/formats.md}):
 * <ul>
 *   <li>Unit: the META unit when the file has one ({@code BITSPERSEC}, {@code KBITPERSEC}, {@code MBITPERSEC},
 *       {@code GBITPERSEC}); otherwise Mbit/s, recorded as a default for every capacity and demand value.</li>
 *   <li>Capacity: the pre-installed capacity when it is positive; otherwise the largest additional capacity
 *       module (one module installed), recorded as a default. A link with neither is an error.</li>
 *   <li>Weight: the routing cost when positive, otherwise 1 (recorded).</li>
 *   <li>Delay: great-circle distance / 200 km per ms for geographic coordinates, else 1 ms (recorded).</li>
 * </ul>
 */
final class SndlibAssembly {

    static final String MODULE_RULE = "largest capacity module (no pre-installed capacity)";
    static final String UNIT_RULE = "Mbit/s (file states no unit)";

    private final String source;
    private final String name;
    private double unitBps = Double.NaN;
    private final Map<String, RawNode> nodes = new LinkedHashMap<>();
    private final List<RawLink> links = new ArrayList<>();
    private final Set<String> linkIds = new HashSet<>();
    private final List<Demand> demands = new ArrayList<>();
    private final Set<String> demandIds = new HashSet<>();
    /** Null: decide from the coordinate ranges (native files); otherwise what the file declares. */
    private Boolean geographic;

    private record RawNode(String id, double x, double y, String where) {
        boolean hasCoordinates() {
            return !Double.isNaN(x);
        }
    }

    private record RawLink(String id, String source, String target, double preInstalled, double routingCost,
                           double largestModule, String where) {
    }

    SndlibAssembly(String source, String name) {
        this.source = source;
        this.name = name;
    }

    void unit(String unit, String where) {
        unitBps = switch (unit.trim().toUpperCase(Locale.ROOT)) {
            case "BITSPERSEC", "BITPERSEC" -> 1.0;
            case "KBITSPERSEC", "KBITPERSEC" -> 1e3;
            case "MBITSPERSEC", "MBITPERSEC" -> 1e6;
            case "GBITSPERSEC", "GBITPERSEC" -> 1e9;
            default -> throw new TopologyFormatException(source, where,
                    "unknown unit '" + unit + "' (expected BITSPERSEC, KBITPERSEC, MBITPERSEC or GBITPERSEC)");
        };
    }

    void declareCoordinates(String type, String where) {
        if (type == null) {
            return;
        }
        geographic = switch (type) {
            case "geographical" -> true;
            case "pixel" -> false;
            default -> throw new TopologyFormatException(source, where,
                    "unknown coordinatesType '" + type + "' (expected geographical or pixel)");
        };
    }

    void node(String id, double x, double y, String where) {
        if (id == null || id.isBlank()) {
            throw new TopologyFormatException(source, where, "expected a node id");
        }
        if (nodes.containsKey(id)) {
            throw new TopologyFormatException(source, where, "duplicate node id '" + id + "'");
        }
        if (!Double.isNaN(x) && (!Double.isFinite(x) || !Double.isFinite(y))) {
            throw new TopologyFormatException(source, where, "node '" + id + "': coordinates must be finite numbers");
        }
        nodes.put(id, new RawNode(id, x, y, where));
    }

    void link(String id, String from, String to, double preInstalled, double routingCost, double[] modules, String where) {
        if (id == null || id.isBlank()) {
            throw new TopologyFormatException(source, where, "expected a link id");
        }
        if (!linkIds.add(id)) {
            throw new TopologyFormatException(source, where, "duplicate link id '" + id + "'");
        }
        knownNode(from, "link '" + id + "'", where);
        knownNode(to, "link '" + id + "'", where);
        if (from.equals(to)) {
            throw new TopologyFormatException(source, where, "link '" + id + "' connects node '" + from + "' to itself");
        }
        checkNonNegative(preInstalled, "link '" + id + "': pre-installed capacity", where);
        checkNonNegative(routingCost, "link '" + id + "': routing cost", where);
        double largest = 0;
        for (double m : modules) {
            checkNonNegative(m, "link '" + id + "': module capacity", where);
            largest = Math.max(largest, m);
        }
        if (preInstalled <= 0 && largest <= 0) {
            throw new TopologyFormatException(source, where,
                    "link '" + id + "' has no capacity (expected a positive pre-installed capacity or capacity module)");
        }
        links.add(new RawLink(id, from, to, preInstalled, routingCost, largest, where));
    }

    void demand(String id, String from, String to, double value, String where) {
        if (id == null || id.isBlank()) {
            throw new TopologyFormatException(source, where, "expected a demand id");
        }
        if (!demandIds.add(id)) {
            throw new TopologyFormatException(source, where, "duplicate demand id '" + id + "'");
        }
        knownNode(from, "demand '" + id + "'", where);
        knownNode(to, "demand '" + id + "'", where);
        checkNonNegative(value, "demand '" + id + "': value", where);
        demands.add(new Demand(id, from, to, value));
    }

    private void knownNode(String id, String what, String where) {
        if (id == null || !nodes.containsKey(id)) {
            throw new TopologyFormatException(source, where, what + ": unknown node '" + id + "' (expected a node of the NODES section)");
        }
    }

    private void checkNonNegative(double v, String what, String where) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new TopologyFormatException(source, where, what + " must be a non-negative number, got " + v);
        }
    }

    Topology build() {
        if (nodes.isEmpty()) {
            throw new TopologyFormatException(source, "", "no nodes (expected a NODES section with at least one node)");
        }
        DefaultLedger ledger = new DefaultLedger();
        double unit = unitBps;
        if (Double.isNaN(unit)) {
            unit = 1e6;
            ledger.add("unit", UNIT_RULE, links.size() * 2 + demands.size());
        }
        boolean geo = geographic != null ? geographic : allWithinGeographicRange();
        Map<String, Node> built = new LinkedHashMap<>();
        for (RawNode r : nodes.values()) {
            Node n;
            if (!r.hasCoordinates()) {
                n = new Node(r.id, r.id, null);
            } else if (geo) {
                try {
                    n = new Node(r.id, r.id, new GeoPoint(r.y, r.x));
                } catch (IllegalArgumentException e) {
                    throw new TopologyFormatException(source, r.where, "node '" + r.id + "': " + e.getMessage());
                }
            } else {
                n = new Node(r.id, r.id, null, r.x, r.y);
            }
            built.put(n.id(), n);
        }
        List<Link> out = new ArrayList<>(links.size() * 2);
        for (RawLink l : links) {
            double cap;
            if (l.preInstalled > 0) {
                cap = l.preInstalled * unit;
            } else {
                cap = l.largestModule * unit;
                ledger.add("capacityBps", MODULE_RULE, 2);
            }
            double weight = l.routingCost;
            if (!(weight > 0)) {
                weight = DefaultLedger.DEFAULT_WEIGHT;
                ledger.add("weight", DefaultLedger.WEIGHT_RULE, 2);
            }
            Node a = built.get(l.source);
            Node b = built.get(l.target);
            DefaultLedger.addUndirected(out, l.id, a, b, cap, ledger.delayMs(a, b, 2), weight);
        }
        List<Demand> scaled = new ArrayList<>(demands.size());
        for (Demand d : demands) {
            scaled.add(new Demand(d.id(), d.source(), d.target(), d.valueBps() * unit));
        }
        try {
            return new Topology(name, built.values(), out, scaled, ledger.toList());
        } catch (IllegalArgumentException e) {
            throw new TopologyFormatException(source, "", e.getMessage(), e);
        }
    }

    /** SNDlib native files do not say whether coordinates are geographic; pixel layouts leave the lon/lat range. */
    private boolean allWithinGeographicRange() {
        for (RawNode r : nodes.values()) {
            if (r.hasCoordinates() && (r.x < -180 || r.x > 180 || r.y < -90 || r.y > 90)) {
                return false;
            }
        }
        return true;
    }
}
