package io.thalamus.twin.core;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One immutable version of what the twin knows: the topology (with current capacities), the flows and
 * their routes, which links and nodes are down or drained, and the loads telemetry measured. Every
 * change makes a new model, so a fork is a pointer copy and readers never see half a change.
 *
 * @param topology       the full topology, capacities as they are now
 * @param flows          offered flows, in order
 * @param routes         route per flow id (absent = not routed)
 * @param downLinks      directed links that are down
 * @param downNodes      nodes that are down
 * @param drainedLinks   directed links under maintenance: traffic is moved off them where possible
 * @param drainedNodes   nodes under maintenance
 * @param measuredLoadBps latest measured load per directed link, overriding the simulated load
 * @param version        increases with every change of the live twin
 */
public record TwinModel(Topology topology, List<Flow> flows, Map<String, Path> routes, Set<String> downLinks,
                        Set<String> downNodes, Set<String> drainedLinks, Set<String> drainedNodes,
                        Map<String, Double> measuredLoadBps, long version) {

    public TwinModel {
        flows = List.copyOf(flows);
        routes = Map.copyOf(routes);
        downLinks = Set.copyOf(downLinks);
        downNodes = Set.copyOf(downNodes);
        drainedLinks = Set.copyOf(drainedLinks);
        drainedNodes = Set.copyOf(drainedNodes);
        measuredLoadBps = Map.copyOf(measuredLoadBps);
    }

    /** A model with everything up and the given flows routed by {@code routing}. */
    public static TwinModel initial(Topology topology, List<Flow> flows, RoutingFunction routing) {
        TwinModel m = new TwinModel(topology, flows, Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), 0);
        return m.reconverge(routing);
    }

    /** The flow with this id, or null. */
    public Flow flow(String id) {
        for (Flow f : flows) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        return null;
    }

    /** True when the link itself, or one of its end nodes, is down. */
    public boolean isDown(Link l) {
        return downLinks.contains(l.id()) || downNodes.contains(l.source()) || downNodes.contains(l.target());
    }

    /** True when the link itself, or one of its end nodes, is drained. */
    public boolean isDrained(Link l) {
        return drainedLinks.contains(l.id()) || drainedNodes.contains(l.source()) || drainedNodes.contains(l.target());
    }

    /** The topology routing may use: links that are up. */
    public Topology upTopology() {
        if (downLinks.isEmpty() && downNodes.isEmpty()) {
            return topology;
        }
        return topology.withoutLinks(this::isDown);
    }

    /** The topology routing should prefer: links that are up and not drained. */
    public Topology preferredTopology() {
        if (downLinks.isEmpty() && downNodes.isEmpty() && drainedLinks.isEmpty() && drainedNodes.isEmpty()) {
            return topology;
        }
        return topology.withoutLinks(l -> isDown(l) || isDrained(l));
    }

    /** This model with other flows (routes of flows that are gone are dropped). */
    public TwinModel withFlows(List<Flow> newFlows) {
        Map<String, Flow> oldById = new java.util.HashMap<>(flows.size() * 2);
        for (Flow f : flows) {
            oldById.put(f.id(), f);
        }
        Map<String, Path> r = new LinkedHashMap<>();
        for (Flow f : newFlows) {
            Path p = routes.get(f.id());
            Flow old = oldById.get(f.id());
            if (p != null && old != null && old.source().equals(f.source()) && old.destination().equals(f.destination())) {
                r.put(f.id(), p);
            }
        }
        return new TwinModel(topology, newFlows, r, downLinks, downNodes, drainedLinks, drainedNodes, measuredLoadBps, version);
    }

    /** This model on another topology (same node and link ids, e.g. new capacities). */
    public TwinModel withTopology(Topology newTopology) {
        return new TwinModel(newTopology, flows, routes, downLinks, downNodes, drainedLinks, drainedNodes, measuredLoadBps, version);
    }

    /** This model with more links and nodes down. */
    public TwinModel withDown(Set<String> links, Set<String> nodes) {
        return new TwinModel(topology, flows, routes, union(downLinks, links), union(downNodes, nodes), drainedLinks,
                drainedNodes, measuredLoadBps, version);
    }

    /** This model with one link up again. */
    public TwinModel withLinkUp(String linkId) {
        Set<String> d = new HashSet<>(downLinks);
        d.remove(linkId);
        return new TwinModel(topology, flows, routes, d, downNodes, drainedLinks, drainedNodes, measuredLoadBps, version);
    }

    /** This model with more links and nodes drained. */
    public TwinModel withDrained(Set<String> links, Set<String> nodes) {
        return new TwinModel(topology, flows, routes, downLinks, downNodes, union(drainedLinks, links),
                union(drainedNodes, nodes), measuredLoadBps, version);
    }

    /** This model with a measured load on one link. */
    public TwinModel withMeasuredLoad(String linkId, double loadBps) {
        Map<String, Double> m = new LinkedHashMap<>(measuredLoadBps);
        m.put(linkId, loadBps);
        return new TwinModel(topology, flows, routes, downLinks, downNodes, drainedLinks, drainedNodes, m, version);
    }

    /** This model with a new version number. */
    public TwinModel withVersion(long v) {
        return new TwinModel(topology, flows, routes, downLinks, downNodes, drainedLinks, drainedNodes, measuredLoadBps, v);
    }

    /** This model with other routes. */
    public TwinModel withRoutes(Map<String, Path> newRoutes) {
        return new TwinModel(topology, flows, newRoutes, downLinks, downNodes, drainedLinks, drainedNodes, measuredLoadBps, version);
    }

    /**
     * Re-converges as a network does after a change: flows whose route is missing or crosses a link or
     * node that is down or drained are routed again by {@code routing}; every other flow keeps its route.
     * A drained element is avoided only where another path exists (maintenance never disconnects a flow).
     */
    public TwinModel reconverge(RoutingFunction routing) {
        List<Flow> affected = new ArrayList<>();
        for (Flow f : flows) {
            Path p = routes.get(f.id());
            if (p == null || crossesDownOrDrained(p)) {
                affected.add(f);
            }
        }
        if (affected.isEmpty()) {
            return this;
        }
        Map<String, Path> r = new LinkedHashMap<>(routes);
        for (Flow f : affected) {
            r.remove(f.id());
        }
        Map<String, Path> preferred = routeOn(preferredTopology(), affected, routing);
        r.putAll(preferred);
        if (!drainedLinks.isEmpty() || !drainedNodes.isEmpty()) {
            List<Flow> rest = new ArrayList<>();
            for (Flow f : affected) {
                if (!preferred.containsKey(f.id())) {
                    Path old = routes.get(f.id());
                    if (old != null && !crossesDown(old)) {
                        r.put(f.id(), old);
                    } else {
                        rest.add(f);
                    }
                }
            }
            if (!rest.isEmpty()) {
                r.putAll(routeOn(upTopology(), rest, routing));
            }
        }
        return withRoutes(r);
    }

    private static Map<String, Path> routeOn(Topology t, List<Flow> flows, RoutingFunction routing) {
        List<Flow> routable = flows.stream().filter(f -> t.hasNode(f.source()) && t.hasNode(f.destination())).toList();
        return routable.isEmpty() ? Map.of() : routing.route(t, routable);
    }

    /** True when the path crosses a link or node that is down. */
    public boolean crossesDown(Path p) {
        for (Link l : p.links()) {
            if (isDown(l)) {
                return true;
            }
        }
        return false;
    }

    private boolean crossesDownOrDrained(Path p) {
        for (Link l : p.links()) {
            if (isDown(l) || isDrained(l)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
