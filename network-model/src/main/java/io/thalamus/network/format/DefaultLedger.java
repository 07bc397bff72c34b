package io.thalamus.network.format;

import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.topology.AppliedDefault;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the defaults a reader applies, per field and rule, so the resulting topology reports every
 * one of them; also holds the shared default rules for links (delay, capacity, weight).
 */
final class DefaultLedger {

    /** Propagation delay used when a link's ends have no geographic coordinates. */
    static final double NO_COORDINATES_DELAY_MS = 1.0;
    /** Capacity used when a file gives none for a link. */
    static final double DEFAULT_CAPACITY_BPS = 10e9;
    /** IGP weight used when a file gives none: every hop costs 1. */
    static final double DEFAULT_WEIGHT = 1.0;

    static final String GREAT_CIRCLE_RULE = "great-circle distance / 200 km per ms";
    static final String NO_COORDINATES_RULE = "1 ms (no geographic coordinates on both ends)";
    static final String CAPACITY_RULE = "10 Gbit/s (file gives no capacity)";
    static final String WEIGHT_RULE = "1 (hop count; file gives no weight)";

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, String[]> keys = new LinkedHashMap<>();

    /** Records that {@code count} elements received {@code rule} for {@code field}. */
    void add(String field, String rule, int count) {
        if (count <= 0) {
            return;
        }
        String k = field + '\u0000' + rule;
        keys.putIfAbsent(k, new String[] {field, rule});
        counts.computeIfAbsent(k, x -> new int[1])[0] += count;
    }

    /** The propagation delay between two nodes, by distance when both have coordinates; recorded for two directions. */
    double delayMs(Node a, Node b, int directions) {
        if (a.hasLocation() && b.hasLocation()) {
            add("propagationDelayMs", GREAT_CIRCLE_RULE, directions);
            return a.location().distanceKm(b.location()) / BuiltinTopologies.FIBRE_KM_PER_MS;
        }
        add("propagationDelayMs", NO_COORDINATES_RULE, directions);
        return NO_COORDINATES_DELAY_MS;
    }

    /** Adds the two directed halves of undirected link {@code physicalId} between {@code a} and {@code b}. */
    static void addUndirected(List<Link> out, String physicalId, Node a, Node b,
                              double capacityBps, double delayMs, double weight) {
        out.add(new Link(TopologyJson.directedId(physicalId, a.id(), b.id()), physicalId, a.id(), b.id(),
                capacityBps, delayMs, weight, Set.of()));
        out.add(new Link(TopologyJson.directedId(physicalId, b.id(), a.id()), physicalId, b.id(), a.id(),
                capacityBps, delayMs, weight, Set.of()));
    }

    /** The defaults recorded so far, in the order first seen. */
    List<AppliedDefault> toList() {
        List<AppliedDefault> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            String[] k = keys.get(e.getKey());
            out.add(new AppliedDefault(k[0], k[1], e.getValue()[0]));
        }
        return out;
    }
}
