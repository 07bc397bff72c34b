package io.thalamus.sdnrouter.controller;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.ControllerEvent;
import io.thalamus.network.spi.InstallReceipt;
import io.thalamus.network.spi.RoutingFunction;
import io.thalamus.network.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A running lab: the emulated network, Thalamus's OpenFlow controller it is connected to, and what is
 * installed on it (a network-wide forwarding table, admitted flows' paths, or both). When a cable goes down
 * or comes back the controller's LinkStatus event re-plans: the forwarding table is recompiled on the live
 * topology and flows whose path crossed a dead cable are re-routed by the {@link RoutingFunction} given at
 * install time, then re-installed with barriers. Each re-plan is recorded with its timing.
 */
public final class LabSession implements AutoCloseable {

    /** Owner id of the network-wide forwarding table's rules. */
    public static final String TABLE_OWNER = "policy";

    private static final Logger LOG = LoggerFactory.getLogger(LabSession.class);

    private final Topology topology;
    private final LabNetwork network;
    private final OpenFlowController controller;
    private final Object planLock = new Object();
    private final List<Replan> replans = new CopyOnWriteArrayList<>();
    private Function<Topology, ForwardingTable> policy;
    private String policyName;
    private RoutingFunction rerouter = RoutingFunction.shortestPath();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final Map<String, Path> paths = new LinkedHashMap<>();
    private final Map<String, FlowMatch> matches = new HashMap<>();
    private Set<String> plannedDown = Set.of();

    /**
     * How to build a lab.
     *
     * @param prefix         name prefix (2 to 4 lowercase letters)
     * @param rateScale      capacity divisor
     * @param controllerPort OpenFlow listen port on 127.0.0.1 (0 = any free port)
     * @param stateFile      where the lab records what it made
     */
    public record Options(String prefix, double rateScale, int controllerPort, java.nio.file.Path stateFile) {
    }

    /**
     * One re-plan after a link event.
     *
     * @param trigger    the event that caused it
     * @param downCables cables down when it ran
     * @param moved      flows whose path changed
     * @param dropped    flows left without a path
     * @param took       from the event reaching the controller to all new rules confirmed
     */
    public record Replan(ControllerEvent trigger, Set<String> downCables, int moved, int dropped, Duration took) {
    }

    private LabSession(Topology topology, LabNetwork network, OpenFlowController controller) {
        this.topology = topology;
        this.network = network;
        this.controller = controller;
    }

    /**
     * Starts the controller, builds the lab and waits until every switch is connected. On failure nothing
     * stays behind.
     */
    public static LabSession start(Topology topology, Options options) {
        LabPlan plan = LabPlan.of(topology, options.prefix(), options.rateScale());
        OpenFlowController controller = OpenFlowController.start(topology, plan.wiring(topology), options.controllerPort());
        LabNetwork network = null;
        try {
            network = LabNetwork.up(topology, plan, controller.port(), options.stateFile());
            if (!controller.awaitSwitches(Duration.ofSeconds(30))) {
                throw new LabException("only " + controller.connectedNodes().size() + " of " + topology.nodeCount()
                        + " switches connected to the controller within 30 s");
            }
        } catch (RuntimeException e) {
            controller.close();
            if (network != null) {
                try {
                    network.close();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
        LabSession s = new LabSession(topology, network, controller);
        controller.addListener(s::onEvent);
        return s;
    }

    /** The emulated network. */
    public LabNetwork network() {
        return network;
    }

    /** The OpenFlow controller. */
    public OpenFlowController controller() {
        return controller;
    }

    /** The topology. */
    public Topology topology() {
        return topology;
    }

    /** Compiles a policy on the live topology and installs it network-wide (replacing an earlier one). */
    public InstallReceipt installPolicy(String name, Function<Topology, ForwardingTable> compiler) {
        synchronized (planLock) {
            InstallReceipt r = controller.installTable(TABLE_OWNER, compiler.apply(controller.liveTopology()));
            this.policy = compiler;
            this.policyName = name;
            return r;
        }
    }

    /** Name of the installed policy, or null. */
    public String policyName() {
        synchronized (planLock) {
            return policyName;
        }
    }

    /**
     * Installs admitted flows' paths in one confirmed burst; they are re-routed by {@code rerouter} after
     * failures. Flows that share a source and destination are told apart by UDP destination port (5001,
     * 5002, ... in the given order); a flow alone between its hosts matches all IPv4 between them.
     */
    public OpenFlowController.BulkReceipt installFlows(Map<Flow, Path> admitted, RoutingFunction rerouter) {
        synchronized (planLock) {
            Map<String, Integer> perPair = new HashMap<>();
            admitted.keySet().forEach(f -> perPair.merge(f.source() + ">" + f.destination(), 1, Integer::sum));
            Map<String, Integer> seen = new HashMap<>();
            Map<String, FlowMatch> m = new HashMap<>();
            for (Flow f : admitted.keySet()) {
                String pair = f.source() + ">" + f.destination();
                String src = controller.wiring().node(f.source()).hostIpv4();
                String dst = controller.wiring().node(f.destination()).hostIpv4();
                if (perPair.get(pair) == 1) {
                    m.put(f.id(), FlowMatch.between(src, dst));
                } else {
                    int k = seen.merge(pair, 1, Integer::sum);
                    m.put(f.id(), new FlowMatch(src, dst, FlowMatch.UDP, 5000 + k));
                }
            }
            OpenFlowController.BulkReceipt r = controller.installAll(admitted, m);
            admitted.forEach((f, p) -> {
                flows.put(f.id(), f);
                paths.put(f.id(), p);
            });
            matches.putAll(m);
            this.rerouter = rerouter;
            return r;
        }
    }

    /** Removes every installed flow and table. */
    public void clear() {
        synchronized (planLock) {
            controller.removeAll();
            flows.clear();
            paths.clear();
            matches.clear();
            policy = null;
            policyName = null;
        }
    }

    /** Removes every installed flow's rules, keeping the forwarding table. */
    public void clearFlows() {
        synchronized (planLock) {
            flows.keySet().forEach(controller::remove);
            flows.clear();
            paths.clear();
            matches.clear();
        }
    }

    /** Current path of every installed flow. */
    public Map<String, Path> paths() {
        synchronized (planLock) {
            return new LinkedHashMap<>(paths);
        }
    }

    /** The match each installed flow's rules use. */
    public Map<String, FlowMatch> matches() {
        synchronized (planLock) {
            return new LinkedHashMap<>(matches);
        }
    }

    /** Re-plans so far, oldest first. */
    public List<Replan> replans() {
        return List.copyOf(replans);
    }

    /**
     * Feeds a telemetry listener (the digital twin implements {@code TelemetryListener}): link up/down as the
     * switches report it, and, when {@code period} is not null, measured link loads from port statistics.
     *
     * @return the sampler, to close when done (null when {@code period} is null)
     */
    public LinkLoadSampler feed(io.thalamus.network.spi.TelemetryListener listener, Duration period) {
        controller.addListener(e -> {
            if (e instanceof ControllerEvent.LinkStatus ls) {
                listener.onLinkStatus(ls.linkId(), ls.up(), ls.time());
            }
        });
        return period == null ? null : new LinkLoadSampler(controller, network.plan().rateScale(), listener).start(period);
    }

    /** Cuts a cable in the data plane; the controller learns of it from the switches, not from this call. */
    public void cut(String physicalId) {
        network.cut(physicalId);
    }

    /** Restores a cable. */
    public void restore(String physicalId) {
        network.restore(physicalId);
    }

    private void onEvent(ControllerEvent event) {
        if (event instanceof ControllerEvent.LinkStatus) {
            replan(event);
        }
    }

    private void replan(ControllerEvent trigger) {
        long t0 = System.nanoTime();
        synchronized (planLock) {
            Set<String> down = controller.downCables();
            if (down.equals(plannedDown)) {
                return; // the other direction of the same cable, already handled
            }
            Topology live = controller.liveTopology();
            int moved = 0;
            int dropped = 0;
            try {
                if (policy != null) {
                    controller.installTable(TABLE_OWNER, policy.apply(live));
                }
                if (!flows.isEmpty()) {
                    List<Flow> all = new ArrayList<>(flows.values());
                    Map<String, Path> routed = rerouter.route(live, all);
                    for (Flow f : all) {
                        Path now = routed.get(f.id());
                        Path before = paths.get(f.id());
                        if (now == null) {
                            if (before != null) {
                                controller.remove(f.id());
                                paths.remove(f.id());
                                dropped++;
                            }
                        } else if (before == null || !now.linkIds().equals(before.linkIds())) {
                            controller.install(f, now, matches.get(f.id()));
                            paths.put(f.id(), now);
                            moved++;
                        }
                    }
                }
                plannedDown = down;
            } catch (RuntimeException e) {
                LOG.warn("re-plan after {} failed: {}", trigger, e.getMessage());
                return;
            }
            Replan r = new Replan(trigger, down, moved, dropped, Duration.ofNanos(System.nanoTime() - t0));
            replans.add(r);
            LOG.info("re-planned after {}: down {}, {} flows moved, {} dropped, {} ms", trigger, down, moved, dropped,
                    r.took().toMillis());
        }
    }

    /** Closes the controller and removes the lab. */
    @Override
    public void close() {
        controller.close();
        network.close();
    }
}
