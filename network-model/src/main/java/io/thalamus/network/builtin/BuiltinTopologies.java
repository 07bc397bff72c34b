package io.thalamus.network.builtin;

import io.thalamus.network.format.TopologyJson;
import io.thalamus.network.topology.AppliedDefault;
import io.thalamus.network.topology.GeoPoint;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Topologies shipped with Thalamus, written from public facts, so it runs with no data files. */
public final class BuiltinTopologies {

    /** Signal speed in fibre used for propagation delay: about two thirds of c, in km per ms. */
    public static final double FIBRE_KM_PER_MS = 200.0;

    private BuiltinTopologies() {
    }

    /**
     * The Abilene (Internet2) backbone as of 2004: 11 PoPs and 14 bidirectional 10 Gbit/s links. Delay is
     * the great-circle distance over fibre; IGP weight is the delay rounded up to whole milliseconds.
     */
    public static Topology abilene() {
        Map<String, Object[]> pops = new java.util.LinkedHashMap<>();
        pops.put("ATLA", new Object[] {"Atlanta", 33.749, -84.388});
        pops.put("CHIN", new Object[] {"Chicago", 41.878, -87.630});
        pops.put("DNVR", new Object[] {"Denver", 39.739, -104.990});
        pops.put("HSTN", new Object[] {"Houston", 29.760, -95.370});
        pops.put("IPLS", new Object[] {"Indianapolis", 39.768, -86.158});
        pops.put("KSCY", new Object[] {"Kansas City", 39.100, -94.579});
        pops.put("LOSA", new Object[] {"Los Angeles", 34.052, -118.244});
        pops.put("NYCM", new Object[] {"New York", 40.713, -74.006});
        pops.put("SNVA", new Object[] {"Sunnyvale", 37.369, -122.036});
        pops.put("STTL", new Object[] {"Seattle", 47.606, -122.332});
        pops.put("WASH", new Object[] {"Washington", 38.907, -77.037});
        List<Node> nodes = new ArrayList<>();
        pops.forEach((id, v) -> nodes.add(new Node(id, (String) v[0], new GeoPoint((double) v[1], (double) v[2]))));
        Map<String, Node> byId = new java.util.HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        String[][] cables = {
            {"STTL", "SNVA"}, {"STTL", "DNVR"}, {"SNVA", "LOSA"}, {"SNVA", "DNVR"}, {"LOSA", "HSTN"},
            {"DNVR", "KSCY"}, {"KSCY", "HSTN"}, {"KSCY", "IPLS"}, {"HSTN", "ATLA"}, {"IPLS", "ATLA"},
            {"IPLS", "CHIN"}, {"CHIN", "NYCM"}, {"NYCM", "WASH"}, {"WASH", "ATLA"},
        };
        List<Link> links = new ArrayList<>();
        for (String[] c : cables) {
            String id = c[0] + "-" + c[1];
            double km = byId.get(c[0]).location().distanceKm(byId.get(c[1]).location());
            double delayMs = km / FIBRE_KM_PER_MS;
            double weight = Math.ceil(delayMs);
            links.add(new Link(TopologyJson.directedId(id, c[0], c[1]), id, c[0], c[1], 10e9, delayMs, weight, Set.of()));
            links.add(new Link(TopologyJson.directedId(id, c[1], c[0]), id, c[1], c[0], 10e9, delayMs, weight, Set.of()));
        }
        return new Topology("abilene-builtin", nodes, links, List.of(),
                List.of(new AppliedDefault("propagationDelayMs", "great-circle distance / 200 km per ms", links.size())));
    }
}
