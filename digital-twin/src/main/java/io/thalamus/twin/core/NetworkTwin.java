package io.thalamus.twin.core;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.spi.TelemetryListener;
import io.thalamus.network.topology.Topology;
import io.thalamus.twin.sim.FlowSimulator;
import io.thalamus.twin.sim.TwinState;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The live digital twin: an immutable {@link TwinModel} behind an atomic reference. Readers take a
 * snapshot without locking; writers are serialised and publish a new model with a higher version.
 * {@link #fork()} shares the current model (copy-on-write), so a what-if never touches the live twin.
 * Telemetry arrives through {@link TelemetryListener}: measured loads override the simulated ones, and a
 * link going down makes the twin re-converge through its {@link RoutingFunction}.
 */
public final class NetworkTwin implements TelemetryListener {

    private final AtomicReference<TwinModel> model;
    private final RoutingFunction routing;
    private final FlowSimulator simulator;
    private final List<TwinChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();
    private volatile TwinState cached;

    /** A twin of {@code topology} with {@code flows} routed by {@code routing}. */
    public NetworkTwin(Topology topology, List<Flow> flows, RoutingFunction routing, FlowSimulator simulator) {
        this(TwinModel.initial(topology, flows, routing), routing, simulator);
    }

    /** A twin with shortest-path routing and the default queueing model. */
    public NetworkTwin(Topology topology, List<Flow> flows) {
        this(topology, flows, RoutingFunction.shortestPath(), new FlowSimulator());
    }

    /** A twin starting from an existing model. */
    public NetworkTwin(TwinModel model, RoutingFunction routing, FlowSimulator simulator) {
        this.model = new AtomicReference<>(model);
        this.routing = routing;
        this.simulator = simulator;
    }

    /** The current model (immutable). */
    public TwinModel model() {
        return model.get();
    }

    public RoutingFunction routing() {
        return routing;
    }

    public FlowSimulator simulator() {
        return simulator;
    }

    public Topology topology() {
        return model.get().topology();
    }

    /** The simulated state of the current model, computed once per version. */
    public TwinState state() {
        TwinModel m = model.get();
        TwinState s = cached;
        if (s != null && s.version() == m.version()) {
            return s;
        }
        s = simulate(m);
        cached = s;
        return s;
    }

    /** Simulates any model with this twin's simulator. */
    public TwinState simulate(TwinModel m) {
        return simulator.simulate(m.topology(), m.flows(), m.routes(), m.downLinks(), m.downNodes(),
                m.measuredLoadBps(), m.version());
    }

    /** A detached copy sharing the current model: changes to it never reach this twin, and vice versa. */
    public NetworkTwin fork() {
        TwinModel m = model.get();
        TwinState s = cached;
        if (s == null || s.version() != m.version()) {
            // Simulate once here so the live twin and every later fork of this version share the state.
            s = simulate(m);
            if (model.get() == m) {
                cached = s;
            }
        }
        NetworkTwin f = new NetworkTwin(m, routing, simulator);
        f.cached = s;
        return f;
    }

    /**
     * Applies a change atomically: the new model gets the next version, listeners get the new state.
     * If {@code change} throws, nothing changes.
     */
    public TwinState update(UnaryOperator<TwinModel> change) {
        TwinState s;
        synchronized (writeLock) {
            TwinModel current = model.get();
            TwinModel next = change.apply(current).withVersion(current.version() + 1);
            model.set(next);
            s = simulate(next);
            cached = s;
        }
        for (TwinChangeListener l : listeners) {
            l.onChange(s);
        }
        return s;
    }

    /** Replaces the offered flows and routes the new ones. */
    public TwinState setFlows(List<Flow> flows) {
        return update(m -> m.withFlows(flows).reconverge(routing));
    }

    /** Registers a listener for changes. */
    public void addChangeListener(TwinChangeListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void removeChangeListener(TwinChangeListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void onLinkStatistics(LinkStatistics statistics) {
        if (!model.get().topology().hasLink(statistics.linkId())) {
            return;
        }
        double load = statistics.meanLoadBps();
        if (!(load >= 0) || Double.isInfinite(load)) {
            load = statistics.meanUtilization() * model.get().topology().link(statistics.linkId()).capacityBps();
        }
        if (!(load >= 0) || Double.isInfinite(load)) {
            return;
        }
        double measured = load;
        update(m -> m.withMeasuredLoad(statistics.linkId(), measured));
    }

    @Override
    public void onLinkStatus(String linkId, boolean up, Instant time) {
        if (!model.get().topology().hasLink(linkId)) {
            return;
        }
        if (up) {
            update(m -> m.withLinkUp(linkId).withRoutes(java.util.Map.of()).reconverge(routing));
        } else {
            update(m -> m.withDown(Set.of(linkId), Set.of()).reconverge(routing));
        }
    }
}
