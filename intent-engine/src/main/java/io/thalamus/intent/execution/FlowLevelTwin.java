package io.thalamus.intent.execution;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The intent engine's own flow-level twin: installed routes, measured background load per link (from
 * telemetry) and link status, with cheap forks (a copy of the per-link loads plus an overlay of changed
 * routes, so forking costs O(links), not O(flows)). Links that fail re-converge the flows crossing them
 * through a {@link RoutingFunction}. Thread-safe.
 */
public final class FlowLevelTwin implements NetworkTwinPort {

    private final Topology base;
    private final RoutingFunction reconverge;
    private final double[] capacity;
    private final double[] background;
    private final double[] routedLoad;
    private final boolean[] up;
    private final Map<String, RoutedFlow> routes = new HashMap<>();
    /**
     * Intent id → its installed flow ids: the one flow id itself (a String) for the usual one-flow intent, a set when
     * it has several (a set per intent cost four objects more for each of the 100,000s an intake run keeps).
     */
    private final Map<String, Object> flowsByIntent = new HashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong measuredVersion = new AtomicLong();
    private Topology upTopology;

    /** A twin of {@code base} with no routes; failures re-converge with {@code reconverge}. */
    public FlowLevelTwin(Topology base, RoutingFunction reconverge) {
        this.base = base;
        this.reconverge = reconverge;
        int n = base.linkCount();
        capacity = new double[n];
        background = new double[n];
        routedLoad = new double[n];
        up = new boolean[n];
        for (int i = 0; i < n; i++) {
            capacity[i] = base.links().get(i).capacityBps();
            up[i] = true;
        }
        upTopology = base;
    }

    @Override
    public synchronized Topology topology() {
        return upTopology;
    }

    @Override
    public Topology baseTopology() {
        return base;
    }

    @Override
    public long version() {
        return version.get();
    }

    /**
     * Increases when the network itself changed (telemetry, link status), not when the engine installed or
     * removed routes: installs are checked against every expectation before they happen.
     */
    public long measuredVersion() {
        return measuredVersion.get();
    }

    /** Records routed flows as installed (the twin controller driver calls this). */
    public synchronized void install(RoutedFlow f) {
        RoutedFlow old = routes.put(f.flow().id(), f);
        if (old != null) {
            addLoad(routedLoad, old.path(), -old.flow().bandwidthBps());
        }
        index(f);
        addLoad(routedLoad, f.path(), f.flow().bandwidthBps());
        version.incrementAndGet();
    }

    /** Forgets an installed flow; unknown ids are ignored. */
    public synchronized void remove(String flowId) {
        RoutedFlow old = routes.remove(flowId);
        if (old != null) {
            addLoad(routedLoad, old.path(), -old.flow().bandwidthBps());
            unindex(old);
            version.incrementAndGet();
        }
    }

    /** Every installed flow. */
    public synchronized List<RoutedFlow> installed() {
        return new ArrayList<>(routes.values());
    }

    /** Current utilisation, capacity, load and status of every directed link. */
    public synchronized List<LinkState> links() {
        List<LinkState> out = new ArrayList<>();
        for (int i = 0; i < capacity.length; i++) {
            Link l = base.links().get(i);
            double load = background[i] + routedLoad[i];
            out.add(new LinkState(l.id(), l.physicalId(), l.source(), l.target(), capacity[i], load,
                    background[i], load / capacity[i], up[i]));
        }
        return out;
    }

    @Override
    public synchronized void onLinkStatistics(LinkStatistics s) {
        int i = indexOrMinus(s.linkId());
        if (i < 0) {
            return;
        }
        // telemetry measures the whole link; what the engine routed itself is not background.
        double measured = s.meanLoadBps() > 0 ? s.meanLoadBps() : s.ewmaUtilization() * capacity[i];
        background[i] = Math.max(0.0, measured - routedLoad[i]);
        version.incrementAndGet();
        measuredVersion.incrementAndGet();
    }

    /** Sets the background load of one directed link directly (tests, replays). */
    public synchronized void setBackgroundLoad(String linkId, double bps) {
        background[base.indexOfLink(linkId)] = bps;
        version.incrementAndGet();
        measuredVersion.incrementAndGet();
    }

    @Override
    public synchronized void onLinkStatus(String linkId, boolean isUp, Instant time) {
        List<Integer> idx = indices(linkId);
        boolean changed = false;
        for (int i : idx) {
            changed |= up[i] != isUp;
            up[i] = isUp;
        }
        if (!changed) {
            return;
        }
        upTopology = base.withoutLinks(l -> !up[base.indexOfLink(l.id())]);
        if (!isUp) {
            // the network re-converges: flows on a dead link move to whatever the routing function picks
            List<RoutedFlow> affected = routes.values().stream()
                    .filter(r -> r.path().links().stream().anyMatch(l -> !up[base.indexOfLink(l.id())])).toList();
            Map<String, Path> rerouted = reconverge.route(upTopology, affected.stream().map(RoutedFlow::flow).toList());
            for (RoutedFlow r : affected) {
                addLoad(routedLoad, r.path(), -r.flow().bandwidthBps());
                Path p = rerouted.get(r.flow().id());
                if (p == null) {
                    routes.remove(r.flow().id());
                    unindex(r);
                } else {
                    RoutedFlow moved = new RoutedFlow(r.intentId(), r.flow(), rebase(p));
                    routes.put(r.flow().id(), moved);
                    addLoad(routedLoad, moved.path(), r.flow().bandwidthBps());
                }
            }
        }
        version.incrementAndGet();
        measuredVersion.incrementAndGet();
    }

    @Override
    public synchronized TwinFork fork() {
        return new Fork(this);
    }

    @Override
    public synchronized TwinKpis evaluate() {
        return fork().evaluate();
    }

    private void index(RoutedFlow r) {
        String flowId = r.flow().id();
        flowsByIntent.merge(r.intentId(), flowId, (had, one) -> {
            if (had instanceof String s) {
                if (s.equals(one)) {
                    return s;
                }
                Set<String> ids = new HashSet<>();
                ids.add(s);
                ids.add(flowId);
                return ids;
            }
            @SuppressWarnings("unchecked")
            Set<String> ids = (Set<String>) had;
            ids.add(flowId);
            return ids;
        });
    }

    private void unindex(RoutedFlow r) {
        Object had = flowsByIntent.get(r.intentId());
        if (had instanceof String s) {
            if (s.equals(r.flow().id())) {
                flowsByIntent.remove(r.intentId());
            }
        } else if (had != null) {
            @SuppressWarnings("unchecked")
            Set<String> ids = (Set<String>) had;
            ids.remove(r.flow().id());
            if (ids.isEmpty()) {
                flowsByIntent.remove(r.intentId());
            }
        }
    }

    /** The flow ids of one intent (none, one, or several). */
    @SuppressWarnings("unchecked")
    private Collection<String> flowIdsOf(String intentId) {
        Object had = flowsByIntent.get(intentId);
        if (had == null) {
            return Set.of();
        }
        return had instanceof String s ? List.of(s) : (Set<String>) had;
    }

    /** The installed flows of one intent. */
    public synchronized List<RoutedFlow> installedOf(String intentId) {
        List<RoutedFlow> out = new ArrayList<>();
        for (String id : flowIdsOf(intentId)) {
            out.add(routes.get(id));
        }
        return out;
    }

    private Path rebase(Path p) {
        List<Link> links = new ArrayList<>();
        for (Link l : p.links()) {
            links.add(base.link(l.id()));
        }
        return new Path(links);
    }

    private int indexOrMinus(String linkId) {
        return base.hasLink(linkId) ? base.indexOfLink(linkId) : -1;
    }

    private List<Integer> indices(String linkId) {
        List<Integer> out = new ArrayList<>();
        if (base.hasLink(linkId)) {
            out.add(base.indexOfLink(linkId));
        } else {
            for (Link l : base.linksOfPhysical(linkId)) {
                out.add(base.indexOfLink(l.id()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("unknown link '" + linkId + "'");
        }
        return out;
    }

    private void addLoad(double[] load, Path p, double bps) {
        for (Link l : p.links()) {
            load[base.indexOfLink(l.id())] += bps;
        }
    }

    /** One directed link as the twin sees it now. */
    public record LinkState(String id, String physicalId, String source, String target, double capacityBps,
                            double loadBps, double backgroundBps, double utilization, boolean up) {
    }

    /** A fork: copied arrays plus an overlay of routes added or removed since the fork. */
    private static final class Fork implements TwinFork {
        private final FlowLevelTwin live;
        private final Topology base;
        private final double[] capacity;
        private final double[] background;
        private final double[] routedLoad;
        private final boolean[] up;
        private final Map<String, RoutedFlow> added = new LinkedHashMap<>();
        private final Set<String> removed = new HashSet<>();
        private Topology upTopology;
        private Map<String, Double> utilCache;
        private double[] loadCache;

        Fork(FlowLevelTwin live) {
            this.live = live;
            this.base = live.base;
            this.capacity = live.capacity.clone();
            this.background = live.background.clone();
            this.routedLoad = live.routedLoad.clone();
            this.up = live.up.clone();
            this.upTopology = live.upTopology;
        }

        @Override
        public Topology topology() {
            return upTopology;
        }

        @Override
        public Map<String, RoutedFlow> routes() {
            Map<String, RoutedFlow> all = new LinkedHashMap<>();
            synchronized (live) {
                live.routes.forEach((k, v) -> {
                    if (!removed.contains(k)) {
                        all.put(k, v);
                    }
                });
            }
            all.putAll(added);
            return all;
        }

        private RoutedFlow current(String flowId) {
            if (added.containsKey(flowId)) {
                return added.get(flowId);
            }
            if (removed.contains(flowId)) {
                return null;
            }
            synchronized (live) {
                return live.routes.get(flowId);
            }
        }

        @Override
        public void addRoutes(Collection<RoutedFlow> flows) {
            for (RoutedFlow f : flows) {
                RoutedFlow old = current(f.flow().id());
                if (old != null) {
                    live.addLoad(routedLoad, old.path(), -old.flow().bandwidthBps());
                }
                added.put(f.flow().id(), f);
                live.addLoad(routedLoad, f.path(), f.flow().bandwidthBps());
            }
        }

        private List<RoutedFlow> flowsOf(String intentId) {
            List<RoutedFlow> out = new ArrayList<>();
            for (RoutedFlow r : live.installedOf(intentId)) {
                if (!removed.contains(r.flow().id()) && !added.containsKey(r.flow().id())) {
                    out.add(r);
                }
            }
            for (RoutedFlow r : added.values()) {
                if (r.intentId().equals(intentId)) {
                    out.add(r);
                }
            }
            return out;
        }

        @Override
        public void removeIntent(String intentId) {
            for (RoutedFlow r : flowsOf(intentId)) {
                live.addLoad(routedLoad, r.path(), -r.flow().bandwidthBps());
                added.remove(r.flow().id());
                removed.add(r.flow().id());
            }
        }

        @Override
        public void failLink(String linkId) {
            for (int i : live.indices(linkId)) {
                up[i] = false;
            }
            reconverge();
        }

        @Override
        public void failNode(String nodeId) {
            if (!base.hasNode(nodeId)) {
                throw new IllegalArgumentException("unknown node '" + nodeId + "'");
            }
            for (Link l : base.links()) {
                if (l.source().equals(nodeId) || l.target().equals(nodeId)) {
                    up[base.indexOfLink(l.id())] = false;
                }
            }
            reconverge();
        }

        @Override
        public void failSrlg(String srlg) {
            boolean any = false;
            for (Link l : base.links()) {
                if (l.srlgs().contains(srlg)) {
                    up[base.indexOfLink(l.id())] = false;
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException("no link belongs to shared-risk group '" + srlg + "'");
            }
            reconverge();
        }

        private void reconverge() {
            upTopology = base.withoutLinks(l -> !up[base.indexOfLink(l.id())]);
            List<RoutedFlow> affected = routes().values().stream()
                    .filter(r -> r.path().links().stream().anyMatch(l -> !up[base.indexOfLink(l.id())])).toList();
            Map<String, Path> rerouted = live.reconverge.route(upTopology, affected.stream().map(RoutedFlow::flow).toList());
            for (RoutedFlow r : affected) {
                live.addLoad(routedLoad, r.path(), -r.flow().bandwidthBps());
                Path p = rerouted.get(r.flow().id());
                if (p == null) {
                    added.remove(r.flow().id());
                    removed.add(r.flow().id());
                } else {
                    RoutedFlow moved = new RoutedFlow(r.intentId(), r.flow(), live.rebase(p));
                    added.put(r.flow().id(), moved);
                    live.addLoad(routedLoad, moved.path(), r.flow().bandwidthBps());
                }
            }
        }

        @Override
        public void setCapacity(String linkId, double capacityBps) {
            for (int i : live.indices(linkId)) {
                capacity[i] = capacityBps;
            }
        }

        @Override
        public void scaleTraffic(double factor) {
            for (int i = 0; i < background.length; i++) {
                background[i] *= factor;
                routedLoad[i] *= factor;
            }
            List<RoutedFlow> scaled = new ArrayList<>();
            for (RoutedFlow r : routes().values()) {
                scaled.add(new RoutedFlow(r.intentId(), r.flow().scaled(factor), r.path()));
            }
            added.clear();
            scaled.forEach(r -> added.put(r.flow().id(), r));
        }

        @Override
        public Map<String, Double> backgroundLoadBps() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < background.length; i++) {
                m.put(base.links().get(i).id(), background[i]);
            }
            return m;
        }

        /** Loads and utilisation of the fork's current state, computed once until the fork changes. */
        private void linkState() {
            if (utilCache != null && loadCache != null && unchangedSinceSnapshot()) {
                return;
            }
            double[] load = new double[capacity.length];
            Map<String, Double> util = new LinkedHashMap<>();
            for (int i = 0; i < load.length; i++) {
                load[i] = background[i] + Math.max(0.0, routedLoad[i]);
                if (up[i]) {
                    util.put(base.links().get(i).id(), load[i] / capacity[i]);
                }
            }
            loadCache = load;
            // immutable once, so every TwinKpis made from this state shares it instead of copying it
            utilCache = Map.copyOf(util);
            snapshotKey = key();
        }

        private double[] snapshotKey;

        /** Everything the link state depends on, flattened (a few arrays of link length). */
        private double[] key() {
            int n = capacity.length;
            double[] k = new double[4 * n];
            for (int i = 0; i < n; i++) {
                k[i] = capacity[i];
                k[n + i] = background[i];
                k[2 * n + i] = routedLoad[i];
                k[3 * n + i] = up[i] ? 1 : 0;
            }
            return k;
        }

        /** Whether the state equals the one {@link #snapshotKey} was taken of (compared in place: no copy). */
        private boolean unchangedSinceSnapshot() {
            double[] k = snapshotKey;
            int n = capacity.length;
            if (k == null || k.length != 4 * n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (Double.compare(k[i], capacity[i]) != 0 || Double.compare(k[n + i], background[i]) != 0
                        || Double.compare(k[2 * n + i], routedLoad[i]) != 0 || k[3 * n + i] != (up[i] ? 1 : 0)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public TwinKpis evaluate() {
            linkState();
            double[] load = loadCache;
            Map<String, Double> util = utilCache;
            Map<String, FlowKpi> kpis = new HashMap<>();
            for (RoutedFlow r : added.values()) {
                Flow f = r.flow();
                kpis.put(f.id(), LinkLoadModel.kpi(f.id(), f.bandwidthBps(), r.path(), base, load, capacity));
            }
            return new TwinKpis(util, kpis);
        }

        @Override
        public TwinKpis evaluateIntent(String intentId) {
            linkState();
            double[] load = loadCache;
            Map<String, FlowKpi> kpis = new HashMap<>();
            for (RoutedFlow r : flowsOf(intentId)) {
                if (r != null) {
                    kpis.put(r.flow().id(), LinkLoadModel.kpi(r.flow().id(), r.flow().bandwidthBps(), r.path(), base, load, capacity));
                }
            }
            return new TwinKpis(utilCache, kpis);
        }
    }

    @Override
    public synchronized TwinKpis evaluateIntent(String intentId) {
        return new Fork(this).evaluateIntent(intentId);
    }
}
