package io.thalamus.sdnrouter.controller;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.ControllerEvent;
import io.thalamus.network.spi.ControllerView;
import io.thalamus.network.spi.InstallReceipt;
import io.thalamus.network.spi.InstalledRule;
import io.thalamus.network.spi.SdnController;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import org.projectfloodlight.openflow.protocol.OFBarrierRequest;
import org.projectfloodlight.openflow.protocol.OFEchoRequest;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFeaturesReply;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsReply;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsReply;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFPortStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortStatsReply;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFType;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.TransportPort;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Thalamus as an OpenFlow 1.3 controller (wire format by openflowj, the library ONOS uses). It listens on a
 * loopback port; each switch that connects goes through HELLO, FEATURES (datapath id) and a port
 * description, has its flow table cleared and every rule Thalamus holds for it pushed again (so a
 * reconnect reconciles), and is kept alive with ECHO requests. FLOW_MODs are sent in one burst per
 * switch and followed by a BARRIER: an install returns only when every involved switch has answered its
 * barrier with no error for any of the FLOW_MODs, and otherwise rolls its rules back and throws.
 *
 * <p>Topology comes from the {@link DataPlaneWiring} the lab built (which bridge is which node, which port is
 * which link), checked against the datapath ids and port descriptions the switches report; that is the lab's
 * mode ({@link TopologyDiscovery#wiring()}). With {@link TopologyDiscovery#lldp()} the controller also discovers
 * links by LLDP, as ONOS does: at connect it installs a rule sending EtherType 0x88cc to the controller and
 * sends an {@link LldpFrame} PACKET_OUT on every port (chassis id = datapath id, port id = port number), repeats
 * that every probe interval, and turns each probe that comes back in a PACKET_IN into a {@link DiscoveredLink};
 * {@link #discover()} then lists only topology links LLDP confirmed, and a link whose probes stop arriving for
 * the expiry age is dropped and reported down (LinkStatus), up again when probes return. Port state changes
 * (PORT_STATUS) become
 * {@link ControllerEvent.PortStatus} and, when a link's end goes down or comes back,
 * {@link ControllerEvent.LinkStatus} for both directions of the cable.
 *
 * <p>Every rule carries a cookie whose upper 48 bits identify its owner (a flow or a forwarding table)
 * and whose lower 16 bits number the rule, so one FLOW_DELETE per switch removes an owner's rules.
 */
public final class OpenFlowController implements SdnController {

    /** The IANA OpenFlow port. */
    public static final int DEFAULT_PORT = 6653;
    /** Priority of destination-based forwarding-table rules. */
    public static final int TABLE_PRIORITY = 100;
    /** Base priority of per-flow rules; the flow's priority class is added. */
    public static final int FLOW_PRIORITY = 1000;
    /** Priority of the rule sending LLDP to the controller (above every forwarding rule, as ONOS's). */
    public static final int LLDP_PRIORITY = 40000;
    /** Cookie of the LLDP rule (outside the owners' serial range). */
    static final long LLDP_COOKIE = 0x4C4C_4450_0000_0000L;

    private static final Logger LOG = LoggerFactory.getLogger(OpenFlowController.class);
    private static final long OWNER_MASK = 0xFFFF_FFFF_FFFF_0000L;
    private static final int MAX_RULES_PER_OWNER = 0xFFFF;

    private final OFFactory of = OFFactories.getFactory(OFVersion.OF_13);
    private final Topology topology;
    private final DataPlaneWiring wiring;
    private final Map<Long, String> nodeByDpid = new HashMap<>();
    private final Map<String, Map<Integer, String>> linkByOutPort;
    private final Duration timeout;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(daemon("openflow-switch"));
    private final ScheduledExecutorService keepalive = Executors.newSingleThreadScheduledExecutor(daemon("openflow-echo"));
    private final ExecutorService events = Executors.newSingleThreadExecutor(daemon("openflow-events"));
    private final Map<Long, SwitchConnection> ready = new ConcurrentHashMap<>();
    private final Map<Long, Map<Integer, ControllerView.Port>> ports = new ConcurrentHashMap<>();
    private final Map<String, Boolean> cableUp = new ConcurrentHashMap<>();
    private final List<Consumer<ControllerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong serials = new AtomicLong(1);
    private final Object rulesLock = new Object();
    private final Map<String, Owner> owners = new LinkedHashMap<>();
    private final Map<RuleKey, String> ownerOfKey = new HashMap<>();
    private final TopologyDiscovery discovery;
    private final LldpLinks lldp = new LldpLinks();
    private final Map<DiscoveredLink, String> wiredLinks = new HashMap<>();
    private final Set<String> lldpExpired = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A rule as Thalamus recorded it. */
    private record Rule(long cookie, String owner, String nodeId, long dpid, FlowMatch match, int priority,
                        int outPort) {
        RuleKey key() {
            return new RuleKey(dpid, match, priority);
        }
    }

    /** What makes two rules the same table entry in OpenFlow (an add with an equal key replaces). */
    private record RuleKey(long dpid, FlowMatch match, int priority) {
    }

    private record Owner(String id, long serial, List<Rule> rules) {
    }

    /** A request to install one owner's rules. */
    private record Batch(String owner, List<RuleSpec> specs) {
    }

    /** One rule before it has a cookie. */
    private record RuleSpec(String nodeId, FlowMatch match, int priority, int outPort) {
    }

    /** The outcome of a bulk install: how many rules, over how many switches, confirmed after how long. */
    public record BulkReceipt(int owners, int rules, int switches, Duration elapsed) {
    }

    private OpenFlowController(Topology topology, DataPlaneWiring wiring, ServerSocket server, Duration timeout,
                               TopologyDiscovery discovery) {
        this.topology = topology;
        this.wiring = wiring;
        this.server = server;
        this.timeout = timeout;
        this.discovery = discovery;
        wiring.nodes().values().forEach(a -> nodeByDpid.put(a.dpid(), a.nodeId()));
        this.linkByOutPort = wiring.linkByOutPort(topology);
        topology.links().forEach(l -> cableUp.put(l.physicalId(), true));
        for (Link l : topology.links()) {
            DataPlaneWiring.LinkPorts p = wiring.link(l.id());
            wiredLinks.put(new DiscoveredLink(wiring.node(l.source()).dpid(), p.sourcePort(),
                    wiring.node(l.target()).dpid(), p.targetPort()), l.id());
        }
    }

    /**
     * Starts listening on {@code 127.0.0.1:port} (0 picks a free port).
     *
     * @throws IllegalArgumentException when the wiring does not cover the topology
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public static OpenFlowController start(Topology topology, DataPlaneWiring wiring, int port) {
        return start(topology, wiring, port, Duration.ofSeconds(10));
    }

    /** As {@link #start(Topology, DataPlaneWiring, int)}, with the time to wait for any switch reply. */
    public static OpenFlowController start(Topology topology, DataPlaneWiring wiring, int port, Duration timeout) {
        return start(topology, wiring, port, timeout, TopologyDiscovery.wiring());
    }

    /** As {@link #start(Topology, DataPlaneWiring, int, Duration)}, discovering links as {@code discovery} says. */
    public static OpenFlowController start(Topology topology, DataPlaneWiring wiring, int port, Duration timeout,
                                           TopologyDiscovery discovery) {
        wiring.requireCovers(topology);
        ServerSocket s;
        try {
            s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot listen for OpenFlow on 127.0.0.1:" + port, e);
        }
        OpenFlowController c = new OpenFlowController(topology, wiring, s, timeout, discovery);
        c.connections.execute(c::acceptLoop);
        c.keepalive.scheduleWithFixedDelay(c::echoAll, 2, 2, TimeUnit.SECONDS);
        if (discovery.lldpOn()) {
            long every = discovery.probeInterval().toMillis();
            c.keepalive.scheduleWithFixedDelay(c::lldpRound, every, every, TimeUnit.MILLISECONDS);
        }
        return c;
    }

    @Override
    public String name() {
        return "openflow";
    }

    /** The TCP port the controller listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** The topology this controller drives. */
    public Topology topology() {
        return topology;
    }

    /** The wiring it trusts. */
    public DataPlaneWiring wiring() {
        return wiring;
    }

    /** Waits until every wired switch has finished its handshake; false on timeout. */
    public boolean awaitSwitches(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (connectedNodes().size() == wiring.nodes().size()) {
                return true;
            }
            sleep(20);
        }
        return connectedNodes().size() == wiring.nodes().size();
    }

    /** Node ids whose switch is connected and ready. */
    public Set<String> connectedNodes() {
        Set<String> s = new java.util.TreeSet<>();
        ready.keySet().forEach(d -> s.add(nodeByDpid.getOrDefault(d, String.format("%016x", d))));
        return s;
    }

    /** Physical link ids currently down (an end's port reports link down or is administratively down). */
    public Set<String> downCables() {
        Set<String> s = new java.util.TreeSet<>();
        cableUp.forEach((k, v) -> {
            if (!v) {
                s.add(k);
            }
        });
        return s;
    }

    /** The topology without the links of cables that are down. */
    public Topology liveTopology() {
        Set<String> down = downCables();
        return topology.withoutLinks(l -> down.contains(l.physicalId()));
    }

    /** How this controller learns links. */
    public TopologyDiscovery discovery() {
        return discovery;
    }

    /** The links LLDP currently sees (empty in wiring mode), sorted. */
    public Set<DiscoveredLink> lldpLinks() {
        return lldp.links();
    }

    /**
     * Connected switches as nodes and the links between them that are up; in LLDP mode only the links whose
     * probes come back on the wired ports.
     */
    @Override
    public ControllerView discover() {
        Set<String> nodes = connectedNodes();
        Set<String> down = downCables();
        Set<String> confirmed = new HashSet<>();
        lldp.links().forEach(d -> {
            String id = wiredLinks.get(d);
            if (id != null) {
                confirmed.add(id);
            }
        });
        Topology live = topology.induced(nodes, topology.name())
                .withoutLinks(l -> down.contains(l.physicalId()) || (discovery.lldpOn() && !confirmed.contains(l.id())));
        List<ControllerView.Port> all = new ArrayList<>();
        ports.values().forEach(m -> all.addAll(m.values()));
        all.sort(java.util.Comparator.comparing(ControllerView.Port::deviceId).thenComparingLong(ControllerView.Port::number));
        return new ControllerView(live, all);
    }

    @Override
    public InstallReceipt install(Flow flow, Path path) {
        return install(flow, path, FlowMatch.between(wiring.node(flow.source()).hostIpv4(),
                wiring.node(flow.destination()).hostIpv4()));
    }

    /**
     * Installs {@code path} for {@code flow} with an explicit match (e.g. a protocol and port to tell flows
     * between the same hosts apart). Re-installing a flow replaces its rules make-before-break.
     */
    public InstallReceipt install(Flow flow, Path path, FlowMatch match) {
        long t0 = System.nanoTime();
        List<Long> cookies = installBatches(List.of(new Batch(flow.id(), pathRules(flow, path, match))));
        List<String> ids = cookies.stream().map(OpenFlowController::ruleId).toList();
        return new InstallReceipt(flow.id(), name(), ids, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Installs many flows' paths in one pipelined burst: all FLOW_MODs of every switch back to back, then
     * one barrier per switch; returns when every switch has confirmed.
     */
    public BulkReceipt installAll(Map<Flow, Path> paths, Map<String, FlowMatch> matches) {
        long t0 = System.nanoTime();
        List<Batch> batches = new ArrayList<>();
        for (Map.Entry<Flow, Path> e : paths.entrySet()) {
            Flow f = e.getKey();
            FlowMatch m = matches.getOrDefault(f.id(), FlowMatch.between(wiring.node(f.source()).hostIpv4(),
                    wiring.node(f.destination()).hostIpv4()));
            batches.add(new Batch(f.id(), pathRules(f, e.getValue(), m)));
        }
        List<Long> cookies = installBatches(batches);
        Set<Long> dpids = new HashSet<>();
        for (Batch b : batches) {
            b.specs().forEach(s -> dpids.add(wiring.node(s.nodeId()).dpid()));
        }
        return new BulkReceipt(batches.size(), cookies.size(), dpids.size(), Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Installs a destination-based forwarding table under {@code ownerId}: at every node, one rule per
     * destination (matching the destination host's address) out of the table's link; at the destination
     * itself, a rule to its host. Replaces an earlier table with the same owner id make-before-break.
     */
    public InstallReceipt installTable(String ownerId, ForwardingTable table) {
        long t0 = System.nanoTime();
        List<RuleSpec> specs = new ArrayList<>();
        for (var n : topology.nodes()) {
            DataPlaneWiring.NodeAttachment a = wiring.node(n.id());
            specs.add(new RuleSpec(n.id(), FlowMatch.toward(a.hostIpv4()), TABLE_PRIORITY, a.hostPort()));
        }
        table.nextLink().forEach((node, byDst) -> byDst.forEach((dst, linkId) -> {
            Link l = topology.link(linkId);
            if (!l.source().equals(node)) {
                throw new IllegalArgumentException("table " + table.name() + ": at " + node + " toward " + dst
                        + " the link " + linkId + " does not leave " + node);
            }
            specs.add(new RuleSpec(node, FlowMatch.toward(wiring.node(dst).hostIpv4()), TABLE_PRIORITY,
                    wiring.link(linkId).sourcePort()));
        }));
        List<Long> cookies = installBatches(List.of(new Batch(ownerId, specs)));
        return new InstallReceipt(ownerId, name(), cookies.stream().map(OpenFlowController::ruleId).toList(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The OpenFlow priority of a flow's rules: {@link #FLOW_PRIORITY} plus its priority class (capped at 30000). */
    public static int flowPriority(Flow flow) {
        return FLOW_PRIORITY + Math.min(flow.priority(), 30000);
    }

    private List<RuleSpec> pathRules(Flow flow, Path path, FlowMatch match) {
        if (!path.source().equals(flow.source()) || !path.destination().equals(flow.destination())) {
            throw new IllegalArgumentException("flow " + flow.id() + ": path " + path + " does not run from "
                    + flow.source() + " to " + flow.destination());
        }
        int priority = flowPriority(flow);
        List<RuleSpec> specs = new ArrayList<>();
        for (Link l : path.links()) {
            if (!topology.hasLink(l.id())) {
                throw new IllegalArgumentException("flow " + flow.id() + ": unknown link '" + l.id() + "'");
            }
            specs.add(new RuleSpec(l.source(), match, priority, wiring.link(l.id()).sourcePort()));
        }
        specs.add(new RuleSpec(flow.destination(), match, priority, wiring.node(flow.destination()).hostPort()));
        return specs;
    }

    /** Installs owners' rules with barriers; all or nothing. Returns the new cookies. */
    private List<Long> installBatches(List<Batch> batches) {
        synchronized (rulesLock) {
            Map<String, Owner> fresh = new LinkedHashMap<>();
            Map<RuleKey, String> claimed = new HashMap<>();
            Set<String> replacing = new HashSet<>();
            batches.forEach(b -> replacing.add(b.owner()));
            for (Batch b : batches) {
                if (b.specs().size() > MAX_RULES_PER_OWNER) {
                    throw new IllegalArgumentException(b.owner() + ": " + b.specs().size() + " rules, at most "
                            + MAX_RULES_PER_OWNER + " per owner");
                }
                if (fresh.containsKey(b.owner())) {
                    throw new IllegalArgumentException("owner '" + b.owner() + "' appears twice in one install");
                }
                long serial = serials.getAndIncrement();
                List<Rule> rules = new ArrayList<>();
                for (int i = 0; i < b.specs().size(); i++) {
                    RuleSpec s = b.specs().get(i);
                    long dpid = wiring.node(s.nodeId()).dpid();
                    Rule r = new Rule((serial << 16) | i, b.owner(), s.nodeId(), dpid, s.match(), s.priority(), s.outPort());
                    String holder = ownerOfKey.get(r.key());
                    String other = claimed.put(r.key(), b.owner());
                    if (other != null && !other.equals(b.owner())) {
                        throw new IllegalArgumentException("flows '" + other + "' and '" + b.owner()
                                + "' have the same match (" + s.match().describe() + ") and priority on " + s.nodeId()
                                + "; give them different protocols or ports");
                    }
                    if (holder != null && !replacing.contains(holder)) {
                        throw new IllegalArgumentException("'" + b.owner() + "' has the same match ("
                                + s.match().describe() + ") and priority on " + s.nodeId() + " as installed '" + holder
                                + "'; remove it first or give a different protocol or port");
                    }
                    rules.add(r);
                }
                fresh.put(b.owner(), new Owner(b.owner(), serial, rules));
            }
            Map<Long, List<Rule>> bySwitch = new TreeMap<>();
            fresh.values().forEach(o -> o.rules().forEach(r -> bySwitch.computeIfAbsent(r.dpid(), k -> new ArrayList<>()).add(r)));
            for (long dpid : bySwitch.keySet()) {
                requireReady(dpid);
            }
            try {
                pushAndConfirm(bySwitch);
            } catch (RuntimeException e) {
                // nothing half-applied: take back whatever landed (old owners' overwritten entries are lost
                // to OpenFlow's add-replaces semantics, so restore them too)
                deleteOwners(fresh.values());
                List<Owner> previous = new ArrayList<>();
                for (String id : fresh.keySet()) {
                    Owner old = owners.get(id);
                    if (old != null) {
                        previous.add(old);
                    }
                }
                reassert(previous);
                throw e;
            }
            List<Owner> superseded = new ArrayList<>();
            for (Owner o : fresh.values()) {
                Owner old = owners.put(o.id(), o);
                if (old != null) {
                    superseded.add(old);
                    old.rules().forEach(r -> ownerOfKey.remove(r.key(), old.id()));
                }
                o.rules().forEach(r -> ownerOfKey.put(r.key(), o.id()));
            }
            deleteOwners(superseded);
            List<Long> cookies = new ArrayList<>();
            fresh.values().forEach(o -> o.rules().forEach(r -> cookies.add(r.cookie())));
            return cookies;
        }
    }

    private void reassert(List<Owner> previous) {
        Map<Long, List<Rule>> bySwitch = new TreeMap<>();
        previous.forEach(o -> o.rules().forEach(r -> bySwitch.computeIfAbsent(r.dpid(), k -> new ArrayList<>()).add(r)));
        try {
            pushAndConfirm(bySwitch);
        } catch (RuntimeException e) {
            LOG.warn("could not restore earlier rules after a failed install: {}", e.getMessage());
        }
    }

    /** Sends each switch its FLOW_ADDs and a barrier, then waits for all barriers and checks for errors. */
    private void pushAndConfirm(Map<Long, List<Rule>> bySwitch) {
        Map<Long, Long> barrierXid = new HashMap<>();
        Map<Long, List<Long>> modXids = new HashMap<>();
        Map<Long, java.util.concurrent.CompletableFuture<OFMessage>> barriers = new HashMap<>();
        for (Map.Entry<Long, List<Rule>> e : bySwitch.entrySet()) {
            SwitchConnection c = requireReady(e.getKey());
            List<OFMessage> msgs = new ArrayList<>(e.getValue().size() + 1);
            List<Long> xs = new ArrayList<>();
            for (Rule r : e.getValue()) {
                long xid = c.nextXid();
                xs.add(xid);
                msgs.add(flowAdd(r, xid));
            }
            modXids.put(e.getKey(), xs);
            OFBarrierRequest barrier = of.buildBarrierRequest().setXid(c.nextXid()).build();
            barrierXid.put(e.getKey(), barrier.getXid());
            msgs.add(barrier);
            barriers.put(e.getKey(), java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    // request() registers the barrier before writing, so the reply cannot be missed
                    return requestBatch(c, msgs, barrier);
                } catch (TimeoutException ex) {
                    throw new IllegalStateException("switch " + nodeOf(e.getKey()) + " did not confirm within " + timeout);
                }
            }, connections));
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Long, java.util.concurrent.CompletableFuture<OFMessage>> e : barriers.entrySet()) {
            try {
                e.getValue().join();
            } catch (java.util.concurrent.CompletionException ex) {
                failures.add(ex.getCause().getMessage());
            }
        }
        for (Map.Entry<Long, List<Long>> e : modXids.entrySet()) {
            SwitchConnection c = ready.get(e.getKey());
            for (long xid : e.getValue()) {
                OFErrorMsg err = c == null ? null : c.takeError(xid);
                if (err != null) {
                    failures.add("switch " + nodeOf(e.getKey()) + " rejected a FLOW_MOD: " + err.getErrType() + " " + err);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("install not confirmed: " + String.join("; ", failures));
        }
    }

    private OFMessage requestBatch(SwitchConnection c, List<OFMessage> msgs, OFBarrierRequest barrier)
            throws TimeoutException {
        return c.requestAfter(msgs.subList(0, msgs.size() - 1), barrier, timeout);
    }

    private OFFlowMod flowAdd(Rule r, long xid) {
        OFAction out = of.actions().buildOutput().setPort(OFPort.of(r.outPort())).setMaxLen(0xFFFF).build();
        OFInstruction apply = of.instructions().applyActions(List.of(out));
        return of.buildFlowAdd()
                .setXid(xid)
                .setCookie(U64.of(r.cookie()))
                .setPriority(r.priority())
                .setTableId(TableId.of(0))
                .setBufferId(OFBufferId.NO_BUFFER)
                .setIdleTimeout(0)
                .setHardTimeout(0)
                .setMatch(match(r.match()))
                .setInstructions(List.of(apply))
                .build();
    }

    private Match match(FlowMatch m) {
        Match.Builder b = of.buildMatch();
        b.setExact(MatchField.ETH_TYPE, EthType.IPv4);
        if (m.sourceIpv4() != null) {
            b.setExact(MatchField.IPV4_SRC, IPv4Address.of(m.sourceIpv4()));
        }
        b.setExact(MatchField.IPV4_DST, IPv4Address.of(m.destinationIpv4()));
        if (m.ipProtocol() != null) {
            b.setExact(MatchField.IP_PROTO, IpProtocol.of(m.ipProtocol().shortValue()));
            if (m.destinationPort() != null) {
                b.setExact(m.ipProtocol() == FlowMatch.TCP ? MatchField.TCP_DST : MatchField.UDP_DST,
                        TransportPort.of(m.destinationPort()));
            }
        }
        return b.build();
    }

    @Override
    public void remove(String flowId) {
        synchronized (rulesLock) {
            Owner o = owners.remove(flowId);
            if (o == null) {
                return;
            }
            o.rules().forEach(r -> ownerOfKey.remove(r.key(), o.id()));
            deleteOwners(List.of(o));
        }
    }

    /** Removes every rule this controller installed. */
    public void removeAll() {
        synchronized (rulesLock) {
            List<Owner> all = new ArrayList<>(owners.values());
            owners.clear();
            ownerOfKey.clear();
            deleteOwners(all);
        }
    }

    /** Ids of the flows and tables with rules installed. */
    public Set<String> owners() {
        synchronized (rulesLock) {
            return new java.util.LinkedHashSet<>(owners.keySet());
        }
    }

    /** One FLOW_DELETE per (owner, switch) by cookie and mask, then barriers. Unreachable switches are skipped. */
    private void deleteOwners(Collection<Owner> gone) {
        Map<Long, List<OFMessage>> bySwitch = new TreeMap<>();
        for (Owner o : gone) {
            Set<Long> dpids = new java.util.TreeSet<>();
            o.rules().forEach(r -> dpids.add(r.dpid()));
            for (long dpid : dpids) {
                SwitchConnection c = ready.get(dpid);
                if (c == null) {
                    continue;
                }
                bySwitch.computeIfAbsent(dpid, k -> new ArrayList<>()).add(of.buildFlowDelete()
                        .setXid(c.nextXid())
                        .setCookie(U64.of(o.serial() << 16))
                        .setCookieMask(U64.of(OWNER_MASK))
                        .setTableId(TableId.ALL)
                        .setOutPort(OFPort.ANY)
                        .setOutGroup(OFGroup.ANY)
                        .setMatch(of.matchWildcardAll())
                        .build());
            }
        }
        for (Map.Entry<Long, List<OFMessage>> e : bySwitch.entrySet()) {
            SwitchConnection c = ready.get(e.getKey());
            if (c == null) {
                continue;
            }
            try {
                c.requestAfter(e.getValue(), of.buildBarrierRequest().setXid(c.nextXid()).build(), timeout);
            } catch (TimeoutException | RuntimeException ex) {
                LOG.warn("switch {}: delete not confirmed: {}", nodeOf(e.getKey()), ex.getMessage());
            }
        }
    }

    @Override
    public List<InstalledRule> rules() {
        Map<Long, Rule> byCookie = new HashMap<>();
        synchronized (rulesLock) {
            owners.values().forEach(o -> o.rules().forEach(r -> byCookie.put(r.cookie(), r)));
        }
        List<InstalledRule> out = new ArrayList<>();
        for (Map.Entry<Long, SwitchConnection> e : ready.entrySet()) {
            for (OFFlowStatsEntry entry : flowStats(e.getValue())) {
                Rule r = byCookie.get(entry.getCookie().getValue());
                if (r == null) {
                    continue;
                }
                out.add(new InstalledRule(ruleId(r.cookie()), r.owner(), r.nodeId(), r.match().describe(),
                        "output:" + r.outPort(), entry.getPacketCount().getValue(), entry.getByteCount().getValue()));
            }
        }
        out.sort(java.util.Comparator.comparing(InstalledRule::flowId).thenComparing(InstalledRule::ruleId));
        return out;
    }

    private List<OFFlowStatsEntry> flowStats(SwitchConnection c) {
        OFMessage req = of.buildFlowStatsRequest()
                .setXid(c.nextXid())
                .setTableId(TableId.ALL)
                .setOutPort(OFPort.ANY)
                .setOutGroup(OFGroup.ANY)
                .setCookie(U64.ZERO)
                .setCookieMask(U64.ZERO)
                .setMatch(of.matchWildcardAll())
                .build();
        List<OFFlowStatsEntry> entries = new ArrayList<>();
        try {
            for (OFStatsReply r : c.multipartRequest(req, timeout)) {
                if (r instanceof OFFlowStatsReply fr) {
                    entries.addAll(fr.getEntries());
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("switch " + nodeOf(c.dpid()) + ": no flow statistics within " + timeout);
        }
        return entries;
    }

    /** Port counters of every connected switch (a PORT_STATS multipart request each). */
    public List<PortCounters> portStatistics() {
        List<PortCounters> out = new ArrayList<>();
        for (Map.Entry<Long, SwitchConnection> e : ready.entrySet()) {
            SwitchConnection c = e.getValue();
            String node = nodeOf(e.getKey());
            OFMessage req = of.buildPortStatsRequest().setXid(c.nextXid()).setPortNo(OFPort.ANY).build();
            try {
                for (OFStatsReply r : c.multipartRequest(req, timeout)) {
                    if (r instanceof OFPortStatsReply pr) {
                        for (OFPortStatsEntry s : pr.getEntries()) {
                            int port = s.getPortNo().getPortNumber();
                            String link = linkByOutPort.getOrDefault(node, Map.of()).get(port);
                            out.add(new PortCounters(node, port, link, s.getRxPackets().getValue(),
                                    s.getTxPackets().getValue(), s.getRxBytes().getValue(), s.getTxBytes().getValue()));
                        }
                    }
                }
            } catch (TimeoutException ex) {
                throw new IllegalStateException("switch " + node + ": no port statistics within " + timeout);
            }
        }
        out.sort(java.util.Comparator.comparing(PortCounters::deviceId).thenComparingLong(PortCounters::port));
        return out;
    }

    @Override
    public void addListener(Consumer<ControllerEvent> listener) {
        listeners.add(listener);
    }

    // ---- connections -------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept failed: {}", e.getMessage());
                    sleep(100);
                }
            }
        }
    }

    private void serve(Socket socket) {
        SwitchConnection c;
        try {
            c = new SwitchConnection(socket);
        } catch (IOException e) {
            return;
        }
        try {
            c.send(of.buildHello().setXid(c.nextXid()).build());
            c.readLoop(msg -> onMessage(c, msg));
        } catch (RuntimeException e) {
            LOG.debug("switch {} dropped: {}", c.describe(), e.getMessage());
        } finally {
            c.close();
            if (c.dpid() >= 0 && ready.remove(c.dpid(), c)) {
                lldp.dropSwitch(c.dpid());
                LOG.info("switch {} ({}) disconnected", nodeOf(c.dpid()), c.describe());
            }
        }
    }

    private void onMessage(SwitchConnection c, OFMessage msg) {
        OFType type = msg.getType();
        switch (type) {
            case HELLO -> {
                if (msg.getVersion().compareTo(OFVersion.OF_13) < 0) {
                    LOG.warn("switch {} speaks {} only; OpenFlow 1.3 is required", c.remote(), msg.getVersion());
                    c.close();
                    return;
                }
                connections.execute(() -> handshake(c));
            }
            case ECHO_REQUEST -> c.send(of.buildEchoReply().setXid(msg.getXid())
                    .setData(((OFEchoRequest) msg).getData()).build());
            case PORT_STATUS -> onPortStatus(c, (OFPortStatus) msg);
            case PACKET_IN -> onPacketIn(c, (OFPacketIn) msg);
            default -> {
                // FLOW_REMOVED, stray replies
            }
        }
    }

    /** FEATURES, port description, table reset and rule reconciliation, then the switch is ready. */
    private void handshake(SwitchConnection c) {
        try {
            OFFeaturesReply features = (OFFeaturesReply) c.request(of.buildFeaturesRequest().setXid(c.nextXid()).build(), timeout);
            long dpid = features.getDatapathId().getLong();
            c.dpid(dpid);
            String node = nodeByDpid.get(dpid);
            if (node == null) {
                LOG.warn("switch {} is not in the wiring; ignoring it", c.describe());
                c.close();
                return;
            }
            Map<Integer, ControllerView.Port> portMap = new ConcurrentHashMap<>();
            for (OFStatsReply r : c.multipartRequest(of.buildPortDescStatsRequest().setXid(c.nextXid()).build(), timeout)) {
                if (r instanceof OFPortDescStatsReply pd) {
                    for (OFPortDesc d : pd.getEntries()) {
                        if (d.getPortNo().getPortNumber() > 0 && d.getPortNo().getPortNumber() < 0xff00) {
                            portMap.put(d.getPortNo().getPortNumber(), port(node, d));
                        }
                    }
                }
            }
            ports.put(dpid, portMap);
            List<OFMessage> reset = new ArrayList<>();
            reset.add(of.buildFlowDelete().setXid(c.nextXid()).setTableId(TableId.ALL).setOutPort(OFPort.ANY)
                    .setOutGroup(OFGroup.ANY).setMatch(of.matchWildcardAll()).build());
            if (discovery.lldpOn()) {
                reset.add(lldpToController(c.nextXid()));
            }
            synchronized (rulesLock) {
                for (Owner o : owners.values()) {
                    for (Rule r : o.rules()) {
                        if (r.dpid() == dpid) {
                            reset.add(flowAdd(r, c.nextXid()));
                        }
                    }
                }
                c.requestAfter(reset, of.buildBarrierRequest().setXid(c.nextXid()).build(), timeout);
                SwitchConnection previous = ready.put(dpid, c);
                if (previous != null && previous != c) {
                    previous.close();
                }
            }
            LOG.info("switch {} ({}) ready, {} ports", node, c.describe(), portMap.size());
            for (ControllerView.Port p : portMap.values()) {
                updateCable(node, (int) p.number(), p.up(), false);
            }
            if (discovery.lldpOn()) {
                // all ready switches, so links toward this one are found now rather than next round
                ready.values().forEach(this::probe);
            }
        } catch (TimeoutException | RuntimeException e) {
            LOG.warn("handshake with {} failed: {}", c.describe(), e.getMessage());
            c.close();
        }
    }

    private static ControllerView.Port port(String node, OFPortDesc d) {
        boolean up = !d.getState().contains(OFPortState.LINK_DOWN) && !d.getConfig().contains(OFPortConfig.PORT_DOWN);
        return new ControllerView.Port(node, d.getPortNo().getPortNumber(), d.getName(), up);
    }

    private void onPortStatus(SwitchConnection c, OFPortStatus status) {
        String node = nodeByDpid.get(c.dpid());
        if (node == null) {
            return;
        }
        OFPortDesc d = status.getDesc();
        int number = d.getPortNo().getPortNumber();
        Map<Integer, ControllerView.Port> portMap = ports.computeIfAbsent(c.dpid(), k -> new ConcurrentHashMap<>());
        boolean up = status.getReason() != OFPortReason.DELETE && port(node, d).up();
        ControllerView.Port before = portMap.get(number);
        ControllerView.Port now = new ControllerView.Port(node, number, d.getName(), up);
        if (status.getReason() == OFPortReason.DELETE) {
            portMap.remove(number);
        } else {
            portMap.put(number, now);
        }
        if (!up) {
            lldp.dropPort(c.dpid(), number); // the cable's PORT_STATUS event below already says it is down
        }
        if (before == null || before.up() != up) {
            Instant t = Instant.now();
            emit(new ControllerEvent.PortStatus(node, number, up, t));
            updateCable(node, number, up, true);
        }
    }

    /** A cable is up when both of its ends' ports are up; emits LinkStatus for both directions on change. */
    private void updateCable(String node, int port, boolean portUp, boolean notify) {
        String linkId = linkByOutPort.getOrDefault(node, Map.of()).get(port);
        if (linkId == null) {
            return;
        }
        Link link = topology.link(linkId);
        boolean up = portUp && peerUp(link);
        Boolean before = cableUp.put(link.physicalId(), up);
        if (notify && (before == null || before != up)) {
            Instant t = Instant.now();
            for (Link l : topology.linksOfPhysical(link.physicalId())) {
                emit(new ControllerEvent.LinkStatus(l.id(), up, t));
            }
        }
    }

    private boolean peerUp(Link link) {
        DataPlaneWiring.LinkPorts lp = wiring.link(link.id());
        long peerDpid = wiring.node(link.target()).dpid();
        Map<Integer, ControllerView.Port> peer = ports.get(peerDpid);
        if (peer == null) {
            return true; // peer not connected yet: judge by this end alone
        }
        ControllerView.Port p = peer.get(lp.targetPort());
        return p == null || p.up();
    }

    // ---- LLDP discovery ----------------------------------------------------------------------------

    /** Table rule: every LLDP frame to the controller, whole (no buffering). */
    private OFFlowMod lldpToController(long xid) {
        OFAction toController = of.actions().buildOutput().setPort(OFPort.CONTROLLER).setMaxLen(0xFFFF).build();
        return of.buildFlowAdd()
                .setXid(xid)
                .setCookie(U64.of(LLDP_COOKIE))
                .setPriority(LLDP_PRIORITY)
                .setTableId(TableId.of(0))
                .setBufferId(OFBufferId.NO_BUFFER)
                .setMatch(of.buildMatch().setExact(MatchField.ETH_TYPE, EthType.of(LldpFrame.ETH_TYPE)).build())
                .setInstructions(List.of(of.instructions().applyActions(List.of(toController))))
                .build();
    }

    /** One PACKET_OUT per up port of the switch, each an LLDP frame naming this switch and port. */
    private void probe(SwitchConnection c) {
        Map<Integer, ControllerView.Port> portMap = ports.get(c.dpid());
        if (portMap == null || !c.isOpen()) {
            return;
        }
        int ttl = (int) Math.min(0xFFFF, Math.max(1, discovery.linkExpiry().toSeconds()));
        byte[] mac = new byte[6];
        mac[0] = 0x02; // locally administered, derived from the datapath id
        for (int i = 1; i < 6; i++) {
            mac[i] = (byte) (c.dpid() >>> (8 * (5 - i)));
        }
        List<OFMessage> outs = new ArrayList<>();
        for (ControllerView.Port p : portMap.values()) {
            if (!p.up()) {
                continue;
            }
            OFAction out = of.actions().buildOutput().setPort(OFPort.of((int) p.number())).setMaxLen(0xFFFF).build();
            outs.add(of.buildPacketOut()
                    .setXid(c.nextXid())
                    .setBufferId(OFBufferId.NO_BUFFER)
                    .setInPort(OFPort.CONTROLLER)
                    .setActions(List.of(out))
                    .setData(new LldpFrame(c.dpid(), p.number(), ttl).encode(mac))
                    .build());
        }
        if (!outs.isEmpty()) {
            try {
                c.send(outs);
            } catch (RuntimeException e) {
                LOG.debug("switch {}: LLDP probe not sent: {}", nodeOf(c.dpid()), e.getMessage());
            }
        }
    }

    /** Probes every switch, then drops links not seen for the expiry age and reports wired ones down. */
    private void lldpRound() {
        try {
            ready.values().forEach(this::probe);
            Instant t = Instant.now();
            for (DiscoveredLink gone : lldp.expire(System.nanoTime(), discovery.linkExpiry().toNanos())) {
                String id = wiredLinks.get(gone);
                LOG.info("LLDP link {} ({}) expired", gone.describe(), id == null ? "not wired" : id);
                if (id != null && lldpExpired.add(id)) {
                    emit(new ControllerEvent.LinkStatus(id, false, t));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("LLDP round failed: {}", e.getMessage());
        }
    }

    /** An LLDP probe came back: the link from its sender to this switch's in-port exists. */
    private void onPacketIn(SwitchConnection c, OFPacketIn in) {
        if (!discovery.lldpOn() || c.dpid() < 0) {
            return;
        }
        java.util.Optional<LldpFrame> frame = LldpFrame.decode(in.getData());
        if (frame.isEmpty()) {
            return;
        }
        OFPort inPort = in.getMatch().get(MatchField.IN_PORT);
        if (inPort == null) {
            return;
        }
        DiscoveredLink link = new DiscoveredLink(frame.get().dpid(), frame.get().port(), c.dpid(), inPort.getPortNumber());
        if (lldp.observe(link, System.nanoTime())) {
            String id = wiredLinks.get(link);
            if (id == null) {
                LOG.warn("LLDP found link {}, which the wiring does not have", link.describe());
            } else if (lldpExpired.remove(id)) {
                emit(new ControllerEvent.LinkStatus(id, true, Instant.now()));
            }
        }
    }

    private void emit(ControllerEvent event) {
        for (Consumer<ControllerEvent> l : listeners) {
            events.execute(() -> {
                try {
                    l.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("listener failed on {}: {}", event, e.getMessage());
                }
            });
        }
    }

    private void echoAll() {
        for (SwitchConnection c : ready.values()) {
            if (c.silentNanos() > TimeUnit.SECONDS.toNanos(8)) {
                LOG.warn("switch {} silent for 8 s; closing its channel", nodeOf(c.dpid()));
                c.close();
                continue;
            }
            try {
                c.send(of.buildEchoRequest().setXid(c.nextXid()).setData(new byte[0]).build());
            } catch (RuntimeException e) {
                c.close();
            }
        }
    }

    private SwitchConnection requireReady(long dpid) {
        SwitchConnection c = ready.get(dpid);
        if (c == null || !c.isOpen()) {
            throw new IllegalStateException("switch of node " + nodeOf(dpid) + " is not connected");
        }
        return c;
    }

    private String nodeOf(long dpid) {
        return nodeByDpid.getOrDefault(dpid, String.format("%016x", dpid));
    }

    private static String ruleId(long cookie) {
        return String.format("0x%x", cookie);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops listening and closes every switch channel; rules stay in the switches (fail-secure). */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        ready.values().forEach(SwitchConnection::close);
        keepalive.shutdownNow();
        connections.shutdownNow();
        events.shutdown();
    }
}
