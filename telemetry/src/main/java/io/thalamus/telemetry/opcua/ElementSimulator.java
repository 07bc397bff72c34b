package io.thalamus.telemetry.opcua;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import io.thalamus.telemetry.LoopbackPorts;
import io.thalamus.telemetry.replay.LinkLoads;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An OPC UA server (Eclipse Milo) exposing one emulated network element per topology node, whose
 * per-interface counters replay a traffic series routed over the topology ({@link LinkLoads}): at every
 * {@link #step()} each element's {@code Sequence} goes up by one and each of its outgoing links gets the
 * load of the next series step, its utilisation and its octet counter, all stamped with the same source
 * time. The server can be stopped and started again on the same port while the replay state (step,
 * sequences, counters) carries on, as a real element's counters would across a management-plane restart.
 * Loopback only, security policy None (a demo and test fixture, not a production endpoint).
 */
public final class ElementSimulator implements AutoCloseable {

    private final Topology topology;
    private final LinkLoads loads;
    private final int port;
    private final Map<String, Long> sequence = new HashMap<>();
    private final Map<String, DataValue> current = new HashMap<>();
    private final double[] octets;
    private final ScheduledExecutorService ticker;
    private OpcUaServer server;
    private ElementNamespace namespace;
    private ScheduledFuture<?> ticking;
    private int cursor;
    private long lastStepMs;
    private long steps;
    private long stepsWhileDown;
    private long valueChanges;

    /** A simulator of {@code loads.topology()} on 127.0.0.1:{@code port} (0 = any free port); not started. */
    public ElementSimulator(LinkLoads loads, int port) {
        this.topology = loads.topology();
        this.loads = loads;
        this.port = port == 0 ? LoopbackPorts.free() : port;
        this.octets = new double[topology.linkCount()];
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "element-simulator-ticker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the OPC UA server (again, after {@link #stopServer()}) and waits until it listens. */
    public synchronized ElementSimulator startServer() {
        if (server != null) {
            return this;
        }
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1")
                .setBindPort(port)
                .setHostname("127.0.0.1")
                .setPath(OpcUaNames.PATH)
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:thalamus:element-simulator")
                .setProductUri("urn:thalamus")
                .setApplicationName(LocalizedText.english("Thalamus element simulator"))
                .setEndpoints(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .build();
        OpcUaServer s = new OpcUaServer(config, profile -> profile == TransportProfile.TCP_UASC_UABINARY
                ? new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()) : null);
        ElementNamespace ns = new ElementNamespace(s, topology);
        ns.startup();
        try {
            s.startup().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the element simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            ns.shutdown();
            throw new IllegalStateException("element simulator cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server = s;
        namespace = ns;
        // a restarted element serves its current counters, not zeros
        current.forEach(ns::publish);
        return this;
    }

    /** Stops the OPC UA server (connections drop, subscriptions are lost); the replay state is kept. */
    public synchronized void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a failed shutdown still leaves the port to be released by the transport
        }
        namespace.shutdown();
        server = null;
        namespace = null;
    }

    /** Whether the server is up. */
    public synchronized boolean serving() {
        return server != null;
    }

    /** {@code opc.tcp://127.0.0.1:<port>/thalamus}. */
    public String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + OpcUaNames.PATH;
    }

    public int port() {
        return port;
    }

    /**
     * Advances every element by one series step (wrapping around at the end of the series) stamped with
     * the wall clock; returns the number of variable values set (0 when the server is down: the step
     * still happens, as on a real element whose management plane is down, and is counted as missed).
     */
    public synchronized int step() {
        int t = cursor++ % loads.steps();
        long nowMs = Math.max(System.currentTimeMillis(), lastStepMs + 1);
        double dtSeconds = lastStepMs == 0 ? 0 : (nowMs - lastStepMs) / 1000.0;
        lastStepMs = nowMs;
        steps++;
        DateTime now = new DateTime(java.time.Instant.ofEpochMilli(nowMs));
        int set = 0;
        for (Node n : topology.nodes()) {
            long seq = sequence.merge(n.id(), 1L, Long::sum);
            for (Link l : topology.outLinks(n.id())) {
                int li = topology.indexOfLink(l.id());
                double load = loads.load(t, li);
                octets[li] += load * dtSeconds / 8;
                String base = n.id() + "/" + l.id() + "/";
                set += put(base + OpcUaNames.LOAD, load, now);
                set += put(base + OpcUaNames.UTILIZATION, load / l.capacityBps(), now);
                set += put(base + OpcUaNames.OUT_OCTETS, octets[li], now);
            }
            set += put(n.id() + "/" + OpcUaNames.SEQUENCE, seq, now);
        }
        if (namespace == null) {
            stepsWhileDown++;
        }
        valueChanges += set;
        return set;
    }

    private int put(String id, Object value, DateTime time) {
        DataValue dv = new DataValue(new Variant(value), StatusCode.GOOD, time, time);
        current.put(id, dv);
        return namespace != null && namespace.publish(id, dv) ? 1 : 0;
    }

    /** Calls {@link #step()} every {@code period} until {@link #stopTicking()}. */
    public synchronized void startTicking(Duration period) {
        stopTicking();
        long micros = Math.max(1, period.toNanos() / 1000);
        ticking = ticker.scheduleAtFixedRate(this::step, micros, micros, TimeUnit.MICROSECONDS);
    }

    /** Stops the periodic steps. */
    public synchronized void stopTicking() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    /** Steps taken so far. */
    public synchronized long steps() {
        return steps;
    }

    /** Steps taken while the server was down (their values were never served). */
    public synchronized long stepsWhileDown() {
        return stepsWhileDown;
    }

    /** Variable values set while serving. */
    public synchronized long valueChanges() {
        return valueChanges;
    }

    /** The current sequence number of {@code element} (0 before the first step). */
    public synchronized long sequence(String element) {
        return sequence.getOrDefault(element, 0L);
    }

    /** Monitored items clients currently hold on this server. */
    public synchronized int monitoredItems() {
        return namespace == null ? 0 : namespace.monitoredItems();
    }

    @Override
    public void close() {
        stopTicking();
        ticker.shutdownNow();
        stopServer();
    }
}
