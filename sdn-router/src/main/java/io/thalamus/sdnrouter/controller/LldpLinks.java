package io.thalamus.sdnrouter.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The links LLDP has seen, each with when it was last seen; a link not seen again within the expiry age is
 * dropped (the probe stopped arriving: cable cut, far switch gone, or its LLDP rule lost). Thread-safe.
 */
final class LldpLinks {

    private final Map<DiscoveredLink, Long> lastSeenNanos = new ConcurrentHashMap<>();

    /** Records a sighting at {@code nowNanos}; true when the link was not known. */
    boolean observe(DiscoveredLink link, long nowNanos) {
        return lastSeenNanos.put(link, nowNanos) == null;
    }

    /** Drops and returns the links last seen more than {@code maxAgeNanos} before {@code nowNanos}. */
    List<DiscoveredLink> expire(long nowNanos, long maxAgeNanos) {
        List<DiscoveredLink> gone = new ArrayList<>();
        lastSeenNanos.forEach((l, seen) -> {
            if (nowNanos - seen > maxAgeNanos && lastSeenNanos.remove(l, seen)) {
                gone.add(l);
            }
        });
        return gone;
    }

    /** Drops and returns the links with an end on this switch port (the port went down). */
    List<DiscoveredLink> dropPort(long dpid, long port) {
        return drop(l -> (l.srcDpid() == dpid && l.srcPort() == port) || (l.dstDpid() == dpid && l.dstPort() == port));
    }

    /** Drops and returns the links with an end on this switch (it disconnected). */
    List<DiscoveredLink> dropSwitch(long dpid) {
        return drop(l -> l.srcDpid() == dpid || l.dstDpid() == dpid);
    }

    private List<DiscoveredLink> drop(java.util.function.Predicate<DiscoveredLink> which) {
        List<DiscoveredLink> gone = new ArrayList<>();
        for (DiscoveredLink l : lastSeenNanos.keySet()) {
            if (which.test(l) && lastSeenNanos.remove(l) != null) {
                gone.add(l);
            }
        }
        return gone;
    }

    /** The live links, sorted. */
    Set<DiscoveredLink> links() {
        Set<DiscoveredLink> s = new TreeSet<>(java.util.Comparator.comparingLong(DiscoveredLink::srcDpid)
                .thenComparingLong(DiscoveredLink::srcPort).thenComparingLong(DiscoveredLink::dstDpid)
                .thenComparingLong(DiscoveredLink::dstPort));
        s.addAll(lastSeenNanos.keySet());
        return s;
    }
}
