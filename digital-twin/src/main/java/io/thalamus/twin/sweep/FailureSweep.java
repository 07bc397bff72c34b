package io.thalamus.twin.sweep;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.core.TwinModel;
import io.thalamus.twin.sim.FlowSimulator;
import io.thalamus.twin.sim.Kpis;
import io.thalamus.twin.sim.TwinState;
import io.thalamus.twin.sim.MaxMinAllocator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Worst-case report of a planning tool: fails every physical link, node or shared-risk group in turn and
 * ranks the failures by damage. Incremental: only the flows whose route crosses the failed element are
 * re-routed, link loads are the baseline minus their old routes plus their new ones, and the max-min
 * sharing runs only when some link is over-subscribed. {@link #evaluateNaive} recomputes everything
 * from scratch with the twin's own code (every flow re-routed by {@link TwinModel#reconverge}, the state
 * simulated by {@link FlowSimulator}) and serves as the baseline (and as the check that both agree).
 *
 * <p>The model's state is honoured as the twin honours it: links and nodes already down stay down;
 * re-routed flows avoid drained links and nodes wherever another path exists (and cross them only when
 * none does); a link with a load measured by telemetry keeps that load as its offered load (utilisation,
 * overload and the worst link use it) while it is up, as in {@link FlowSimulator}. Sharing (demand lost)
 * is computed on the flows' routes, as the simulator does.
 */
public final class FailureSweep {

    private static final Comparator<FailureImpact> WORST_FIRST = Comparator
            .comparingDouble(FailureImpact::demandLostBps).reversed()
            .thenComparing(Comparator.comparingDouble(FailureImpact::maxUtilisation).reversed())
            .thenComparing(i -> i.failure().element());

    private final TwinModel model;
    private final RoutingFunction routing;
    private final Topology topology;
    private final List<Flow> flows;
    private final double[] demand;
    private final int[] priority;
    private final double[] capacity;
    private final boolean[] baseDown;
    private final int[][] baseRoutes;
    private final double[] baseLoad;
    private final int[][] flowsOnLink;
    private final boolean[] drained;
    private final boolean anyDrained;
    private final double[] measured;

    /** Prepares a sweep over the model as it is (its routes are the baseline). */
    public FailureSweep(TwinModel model, RoutingFunction routing) {
        this.model = model;
        this.routing = routing;
        this.topology = model.topology();
        this.flows = model.flows();
        int nf = flows.size();
        int nl = topology.linkCount();
        demand = new double[nf];
        priority = new int[nf];
        for (int f = 0; f < nf; f++) {
            demand[f] = flows.get(f).bandwidthBps();
            priority[f] = flows.get(f).priority();
        }
        capacity = new double[nl];
        baseDown = new boolean[nl];
        drained = new boolean[nl];
        measured = new double[nl];
        Arrays.fill(measured, Double.NaN);
        boolean any = false;
        for (int l = 0; l < nl; l++) {
            Link link = topology.links().get(l);
            baseDown[l] = model.isDown(link);
            drained[l] = model.isDrained(link);
            any |= drained[l];
            capacity[l] = baseDown[l] ? 0 : link.capacityBps();
            Double m = model.measuredLoadBps().get(link.id());
            if (m != null) {
                measured[l] = m;
            }
        }
        anyDrained = any;
        int[][] routes = FlowSimulator.linkIndices(topology, flows, model.routes());
        for (int f = 0; f < nf; f++) {
            if (routes[f] != null && crosses(routes[f], baseDown)) {
                routes[f] = null;
            }
        }
        baseRoutes = routes;
        baseLoad = new double[nl];
        int[] count = new int[nl];
        for (int f = 0; f < nf; f++) {
            if (baseRoutes[f] != null) {
                for (int l : baseRoutes[f]) {
                    baseLoad[l] += demand[f];
                    count[l]++;
                }
            }
        }
        flowsOnLink = new int[nl][];
        for (int l = 0; l < nl; l++) {
            flowsOnLink[l] = new int[count[l]];
        }
        Arrays.fill(count, 0);
        for (int f = 0; f < nf; f++) {
            if (baseRoutes[f] != null) {
                for (int l : baseRoutes[f]) {
                    flowsOnLink[l][count[l]++] = f;
                }
            }
        }
    }

    /** Every failure of a kind, in a stable order. */
    public List<Failure> candidates(FailureKind kind) {
        List<Failure> out = new ArrayList<>();
        switch (kind) {
            case SINGLE_LINK -> {
                Map<String, List<String>> byPhysical = new LinkedHashMap<>();
                for (int l = 0; l < topology.linkCount(); l++) {
                    if (!baseDown[l]) {
                        Link link = topology.links().get(l);
                        byPhysical.computeIfAbsent(link.physicalId(), k -> new ArrayList<>()).add(link.id());
                    }
                }
                byPhysical.forEach((p, ids) -> out.add(new Failure(kind, p, ids, null)));
            }
            case SINGLE_NODE -> {
                for (int v = 0; v < topology.nodeCount(); v++) {
                    String id = topology.nodes().get(v).id();
                    if (model.downNodes().contains(id)) {
                        continue;
                    }
                    List<String> ids = new ArrayList<>();
                    for (int l : topology.outLinkIndices(v)) {
                        ids.add(topology.links().get(l).id());
                    }
                    for (int l : topology.inLinkIndices(v)) {
                        ids.add(topology.links().get(l).id());
                    }
                    out.add(new Failure(kind, id, ids, id));
                }
            }
            case SRLG -> {
                Map<String, List<String>> groups = new TreeMap<>();
                for (int l = 0; l < topology.linkCount(); l++) {
                    if (!baseDown[l]) {
                        Link link = topology.links().get(l);
                        for (String g : link.srlgs()) {
                            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(link.id());
                        }
                    }
                }
                groups.forEach((g, ids) -> out.add(new Failure(kind, g, ids, null)));
            }
        }
        return out;
    }

    /** Runs every failure of a kind, incrementally, and ranks them worst first. */
    public SweepResult run(FailureKind kind) {
        return run(kind, false);
    }

    /** Runs every failure of a kind, incrementally or naively, and ranks them worst first. */
    public SweepResult run(FailureKind kind, boolean naive) {
        long t0 = System.nanoTime();
        List<FailureImpact> impacts = new ArrayList<>();
        for (Failure f : candidates(kind)) {
            impacts.add(naive ? evaluateNaive(f) : evaluate(f));
        }
        impacts.sort(WORST_FIRST);
        double[] rate = MaxMinAllocator.allocate(baseRoutes, demand, priority, capacity);
        double lost = 0;
        for (int f = 0; f < demand.length; f++) {
            lost += demand[f] - rate[f];
        }
        double maxU = 0;
        for (int l = 0; l < capacity.length; l++) {
            if (capacity[l] > 0) {
                maxU = Math.max(maxU, (Double.isNaN(measured[l]) ? baseLoad[l] : measured[l]) / capacity[l]);
            }
        }
        return new SweepResult(kind, maxU, lost, impacts, System.nanoTime() - t0);
    }

    /** The damage of one failure, re-routing only the flows it touches. */
    public FailureImpact evaluate(Failure failure) {
        int nl = topology.linkCount();
        boolean[] failed = new boolean[nl];
        for (String id : failure.linkIds()) {
            failed[topology.indexOfLink(id)] = true;
        }
        boolean[] touched = new boolean[flows.size()];
        List<Integer> affected = new ArrayList<>();
        for (String id : failure.linkIds()) {
            for (int f : flowsOnLink[topology.indexOfLink(id)]) {
                if (!touched[f]) {
                    touched[f] = true;
                    affected.add(f);
                }
            }
        }
        double[] load = baseLoad.clone();
        int[][] routes = baseRoutes;
        int rerouted = 0;
        if (!affected.isEmpty()) {
            routes = baseRoutes.clone();
            List<Flow> toRoute = new ArrayList<>(affected.size());
            for (int f : affected) {
                for (int l : baseRoutes[f]) {
                    load[l] -= demand[f];
                }
                routes[f] = null;
                toRoute.add(flows.get(f));
            }
            Map<String, Path> newRoutes = route(failed, toRoute);
            for (int f : affected) {
                Path p = newRoutes.get(flows.get(f).id());
                if (p != null) {
                    routes[f] = FlowSimulator.linkIndices(topology, p);
                    for (int l : routes[f]) {
                        load[l] += demand[f];
                    }
                    rerouted++;
                }
            }
        }
        return impact(failure, failed, routes, load, affected.size(), rerouted);
    }

    /**
     * The damage of one failure, recomputed in full by the twin's own code (the baseline): the failed links
     * go down, every flow is routed again by {@link TwinModel#reconverge} (which honours drains), and
     * {@link FlowSimulator} gives the loads (measured ones included) and utilisations.
     */
    public FailureImpact evaluateNaive(Failure failure) {
        TwinModel after = model.withDown(Set.copyOf(failure.linkIds()), Set.of()).withRoutes(Map.of()).reconverge(routing);
        int[][] routes = FlowSimulator.linkIndices(topology, flows, after.routes());
        TwinState state = new FlowSimulator().simulate(topology, flows, after.routes(), after.downLinks(), after.downNodes(),
                after.measuredLoadBps(), after.version());
        int nl = topology.linkCount();
        boolean[] failed = new boolean[nl];
        for (String id : failure.linkIds()) {
            failed[topology.indexOfLink(id)] = true;
        }
        double[] cap = capacity.clone();
        for (int l = 0; l < nl; l++) {
            if (failed[l]) {
                cap[l] = 0;
            }
        }
        double[] rate = MaxMinAllocator.allocate(routes, demand, priority, cap);
        double lost = 0;
        int affected = 0;
        int rerouted = 0;
        for (int f = 0; f < flows.size(); f++) {
            lost += demand[f] - rate[f];
            if (baseRoutes[f] != null && crosses(baseRoutes[f], failed)) {
                affected++;
                if (routes[f] != null) {
                    rerouted++;
                }
            }
        }
        Kpis k = state.kpis();
        return new FailureImpact(failure, affected, rerouted, k.flowsDisconnected(), lost, k.maxUtilisation(),
                k.mostUtilisedLink(), k.linksOverloaded());
    }

    /**
     * Routes flows around the failed and down links, as {@link TwinModel#reconverge} does: on the links that
     * are neither drained nor down where that finds a path, else on every link still up.
     */
    private Map<String, Path> route(boolean[] failed, List<Flow> toRoute) {
        Topology up = without(failed, false);
        if (!anyDrained) {
            return routing.route(up, toRoute);
        }
        Map<String, Path> out = new java.util.HashMap<>(routing.route(without(failed, true), toRoute));
        List<Flow> rest = toRoute.stream().filter(f -> !out.containsKey(f.id())).toList();
        if (!rest.isEmpty()) {
            out.putAll(routing.route(up, rest));
        }
        return out;
    }

    private Topology without(boolean[] failed, boolean alsoDrained) {
        Set<String> gone = new HashSet<>();
        for (int l = 0; l < failed.length; l++) {
            if (failed[l] || baseDown[l] || (alsoDrained && drained[l])) {
                gone.add(topology.links().get(l).id());
            }
        }
        return topology.withoutLinks(l -> gone.contains(l.id()));
    }

    private FailureImpact impact(Failure failure, boolean[] failed, int[][] routes, double[] load, int affected, int rerouted) {
        int nl = load.length;
        double[] cap = capacity.clone();
        for (int l = 0; l < nl; l++) {
            if (failed[l]) {
                cap[l] = 0;
            }
        }
        double maxU = 0;
        String worst = null;
        int overloaded = 0;
        // Sharing cuts demand only where the flows themselves over-subscribe a link (measured loads aside).
        boolean shared = false;
        for (int l = 0; l < nl; l++) {
            if (cap[l] > 0) {
                double u = (Double.isNaN(measured[l]) ? load[l] : measured[l]) / cap[l];
                if (worst == null || u > maxU) {
                    maxU = u;
                    worst = topology.links().get(l).id();
                }
                if (u > 1 + 1e-9) {
                    overloaded++;
                }
                shared |= load[l] > cap[l] * (1 + 1e-9);
            }
        }
        double lost = 0;
        int disconnected = 0;
        for (int f = 0; f < routes.length; f++) {
            if (routes[f] == null) {
                disconnected++;
                lost += demand[f];
            }
        }
        if (shared) {
            double[] rate = MaxMinAllocator.allocate(routes, demand, priority, cap);
            lost = 0;
            for (int f = 0; f < rate.length; f++) {
                lost += demand[f] - rate[f];
            }
        }
        return new FailureImpact(failure, affected, rerouted, disconnected, lost, maxU, worst, overloaded);
    }

    private static boolean crosses(int[] route, boolean[] set) {
        for (int l : route) {
            if (set[l]) {
                return true;
            }
        }
        return false;
    }
}
