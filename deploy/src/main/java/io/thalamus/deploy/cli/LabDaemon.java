package io.thalamus.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.thalamus.network.spi.ControllerEvent;
import io.thalamus.network.spi.InstalledRule;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.controller.LabNetwork;
import io.thalamus.sdnrouter.controller.LabSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The process that keeps a lab alive between CLI invocations: it owns the {@link LabSession} (the Open
 * vSwitch lab and the OpenFlow controller the bridges stay connected to) and answers the other
 * {@code thalamus lab} commands over a small JSON control API on 127.0.0.1 (a random port written to
 * {@code daemon.json} in the lab's state folder, with the daemon's pid). {@code POST /down}, SIGTERM or
 * SIGINT remove the lab and end the process.
 */
public final class LabDaemon implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** File in the state folder that says where the daemon listens. */
    static final String DAEMON_FILE = "daemon.json";
    /** File in the state folder recording what the lab made. */
    static final String STATE_FILE = "lab.json";

    private final LabSession session;
    private final LabInstaller installer;
    private final HttpServer server;
    private final Path stateDir;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final java.util.List<ControllerEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * Where a running daemon listens.
     *
     * @param pid          its process id
     * @param controlPort  its control API port on 127.0.0.1
     * @param openflowPort the OpenFlow listener the bridges connect to
     * @param topology     topology name
     * @param prefix       lab name prefix
     * @param rateScale    capacity divisor
     */
    record Info(long pid, int controlPort, int openflowPort, String topology, String prefix, double rateScale) {
    }

    private LabDaemon(LabSession session, Path topologyFile, HttpServer server, Path stateDir) {
        this.session = session;
        this.installer = new LabInstaller(session, topologyFile);
        this.server = server;
        this.stateDir = stateDir;
        session.controller().addListener(e -> {
            events.add(e);
            if (events.size() > 200) {
                events.remove(0);
            }
        });
    }

    /** Builds the lab, starts the control API and writes {@code daemon.json}. */
    static LabDaemon start(Topology topology, Path topologyFile, String prefix, double rateScale, int openflowPort,
                           Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        LabSession session = LabSession.start(topology,
                new LabSession.Options(prefix, rateScale, openflowPort, stateDir.resolve(STATE_FILE)));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            session.close();
            throw e;
        }
        LabDaemon d = new LabDaemon(session, topologyFile, server, stateDir);
        server.createContext("/", d::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "lab-control");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        Info info = new Info(ProcessHandle.current().pid(), server.getAddress().getPort(), session.controller().port(),
                topology.name(), prefix, rateScale);
        Path tmp = Files.createTempFile(stateDir, ".daemon", ".json");
        JSON.writeValue(tmp.toFile(), info);
        Files.move(tmp, stateDir.resolve(DAEMON_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return d;
    }

    /** Blocks until the lab is taken down. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** The control API port. */
    int controlPort() {
        return server.getAddress().getPort();
    }

    LabSession session() {
        return session;
    }

    private void handle(HttpExchange ex) throws IOException {
        int status = 200;
        JsonNode reply;
        try {
            JsonNode body = ex.getRequestMethod().equals("POST")
                    ? JSON.readTree(ex.getRequestBody().readAllBytes()) : JSON.createObjectNode();
            if (body == null || body.isMissingNode()) {
                body = JSON.createObjectNode();
            }
            reply = route(ex.getRequestMethod() + " " + ex.getRequestURI().getPath(), body);
        } catch (IllegalArgumentException e) {
            status = 400;
            reply = JSON.createObjectNode().put("error", e.getMessage());
        } catch (RuntimeException e) {
            status = 500;
            reply = JSON.createObjectNode().put("error", String.valueOf(e.getMessage()));
        }
        byte[] bytes = JSON.writeValueAsBytes(reply);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
        if (reply.path("stopping").asBoolean(false)) {
            Thread t = new Thread(this::close, "lab-down");
            t.start();
        }
    }

    private JsonNode route(String request, JsonNode body) {
        return switch (request) {
            case "GET /status" -> status();
            case "POST /install/policy" -> installer.installPolicy(text(body, "policy"));
            case "POST /install/flows" -> installer.installFlows(body.hasNonNull("flows") ? body.get("flows").asText() : null,
                    body.path("fromDemands").asBoolean(false), text(body, "solver"));
            case "POST /ping" -> ping(text(body, "source"), text(body, "destination"), body.path("count").asInt(3));
            case "POST /cut" -> cut(text(body, "link"), true);
            case "POST /restore" -> cut(text(body, "link"), false);
            case "POST /down" -> JSON.createObjectNode().put("stopping", true);
            default -> throw new IllegalArgumentException("unknown request " + request);
        };
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return n.asText();
    }

    private JsonNode status() {
        ObjectNode o = JSON.createObjectNode();
        Topology t = session.topology();
        o.put("topology", t.name());
        o.put("nodes", t.nodeCount());
        o.put("cables", t.physicalLinkCount());
        o.put("rateScale", session.network().plan().rateScale());
        o.put("openflowPort", session.controller().port());
        o.set("connected", JSON.valueToTree(session.controller().connectedNodes()));
        o.set("downCables", JSON.valueToTree(session.controller().downCables()));
        o.put("policy", session.policyName());
        ObjectNode flows = o.putObject("flows");
        session.paths().forEach((id, p) -> flows.put(id, p.toString()));
        ArrayNode rules = o.putArray("rules");
        for (InstalledRule r : session.controller().rules()) {
            rules.add(JSON.valueToTree(r));
        }
        ArrayNode replans = o.putArray("replans");
        session.replans().forEach(r -> replans.addObject().put("trigger", r.trigger().toString())
                .put("moved", r.moved()).put("dropped", r.dropped()).put("ms", r.took().toNanos() / 1e6));
        ArrayNode hosts = o.putArray("hosts");
        session.network().plan().nodes().forEach(n -> hosts.addObject().put("node", n.nodeId()).put("ipv4", n.ipv4())
                .put("namespace", n.namespace()).put("bridge", n.bridge()));
        return o;
    }

    private JsonNode ping(String source, String destination, int count) {
        LabNetwork.PingResult r = session.network().ping(source, destination, count);
        return JSON.createObjectNode().put("sent", r.sent()).put("received", r.received()).put("avgRttMs", r.avgRttMs());
    }

    /** Cuts or restores a cable and waits (up to 3 s) until the controller has seen it and re-planned. */
    private JsonNode cut(String link, boolean down) {
        session.network().plan().cable(link);
        int replansBefore = session.replans().size();
        long t0 = System.nanoTime();
        if (down) {
            session.cut(link);
        } else {
            session.restore(link);
        }
        long seenNanos = -1;
        long deadline = t0 + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            boolean isDown = session.controller().downCables().contains(link);
            if (seenNanos < 0 && isDown == down) {
                seenNanos = System.nanoTime() - t0;
            }
            if (seenNanos >= 0 && (session.replans().size() > replansBefore || session.paths().isEmpty()
                    && session.policyName() == null)) {
                break;
            }
            sleep(5);
        }
        ObjectNode o = JSON.createObjectNode().put("link", link).put("down", down);
        o.put("controllerSawItMs", seenNanos < 0 ? -1 : seenNanos / 1e6);
        if (session.replans().size() > replansBefore) {
            LabSession.Replan r = session.replans().get(session.replans().size() - 1);
            o.put("replanMs", r.took().toNanos() / 1e6).put("moved", r.moved()).put("dropped", r.dropped());
        }
        return o;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the lab, stops the API and deletes {@code daemon.json}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } finally {
            server.stop(0);
            try {
                Files.deleteIfExists(stateDir.resolve(DAEMON_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                stopped.countDown();
            }
        }
    }

    /** Reads {@code daemon.json}, or null when there is none. */
    static Info readInfo(Path stateDir) {
        Path f = stateDir.resolve(DAEMON_FILE);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return JSON.readValue(f.toFile(), Info.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends one request to the daemon of {@code stateDir}. @throws IllegalArgumentException for bad input */
    static JsonNode call(Path stateDir, String method, String path, JsonNode body) {
        Info info = readInfo(stateDir);
        if (info == null || !ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalArgumentException("no lab is up (no running lab daemon in " + stateDir
                    + "); start one with 'thalamus lab up --topology FILE'");
        }
        try {
            var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            var req = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + info.controlPort() + path))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json");
            req = method.equals("POST")
                    ? req.POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    : req.GET();
            var resp = http.send(req.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode reply = JSON.readTree(resp.body());
            if (resp.statusCode() == 400) {
                throw new IllegalArgumentException(reply.path("error").asText());
            }
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("lab daemon: " + reply.path("error").asText());
            }
            return reply;
        } catch (IOException e) {
            throw new IllegalStateException("lab daemon on port " + info.controlPort() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
