package io.thalamus.twin.opcua;

import io.thalamus.twin.core.NetworkTwin;
import io.thalamus.twin.core.TwinChangeListener;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Serves a live {@link NetworkTwin} over OPC UA (Eclipse Milo): loopback only, no security, anonymous
 * clients, read-only values that follow every change of the twin. See {@link TwinNamespace} for the
 * address space.
 */
public final class TwinOpcUaServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final NetworkTwin twin;
    private final OpcUaServer server;
    private final TwinNamespace namespace;
    private final TwinChangeListener listener;
    private final int port;

    private TwinOpcUaServer(NetworkTwin twin, OpcUaServer server, TwinNamespace namespace, int port) {
        this.twin = twin;
        this.server = server;
        this.namespace = namespace;
        this.port = port;
        this.listener = namespace::update;
    }

    /**
     * Starts a server for {@code twin} on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @throws IllegalStateException when the server does not come up
     */
    public static TwinOpcUaServer start(NetworkTwin twin, int port) {
        int p = port == 0 ? freePort() : port;
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(HOST)
                .setBindPort(p)
                .setHostname(HOST)
                .setPath("/thalamus")
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(new UserTokenPolicy("anonymous", UserTokenType.Anonymous, null, null, null))
                .build();
        // Milo 1.1.2: only SecurityPolicy.None is served, so an empty in-memory certificate manager suffices.
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:thalamus:digital-twin:server")
                .setProductUri("urn:thalamus:digital-twin")
                .setApplicationName(LocalizedText.english("Thalamus digital twin"))
                .setEndpoints(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build();
        OpcUaServer server = new OpcUaServer(config,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        TwinNamespace ns = new TwinNamespace(server, twin.state());
        ns.startup();
        try {
            server.startup().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            ns.shutdown();
            throw new IllegalStateException("OPC UA server did not start on " + HOST + ":" + p + ": " + e.getMessage(), e);
        }
        TwinOpcUaServer s = new TwinOpcUaServer(twin, server, ns, p);
        twin.addChangeListener(s.listener);
        // A change between the snapshot and the listener registration must not be lost.
        ns.update(twin.state());
        return s;
    }

    /** The endpoint clients connect to, e.g. {@code opc.tcp://127.0.0.1:4840/thalamus}. */
    public String endpointUrl() {
        return "opc.tcp://" + HOST + ":" + port + "/thalamus";
    }

    public int port() {
        return port;
    }

    /** Node id of a link's metric: Utilisation, LoadBps, DelayMs, LossRate, CapacityBps or Up. */
    public NodeId linkVariable(String linkId, String metric) {
        return namespace.nodeId("link/" + linkId + "/" + metric);
    }

    /** Node id of a node's metric: Utilisation, LoadBps, DelayMs or Up. */
    public NodeId nodeVariable(String nodeId, String metric) {
        return namespace.nodeId("node/" + nodeId + "/" + metric);
    }

    @Override
    public void close() {
        twin.removeChangeListener(listener);
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down is best effort; the port is released when the transport unbinds.
        } finally {
            namespace.shutdown();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
