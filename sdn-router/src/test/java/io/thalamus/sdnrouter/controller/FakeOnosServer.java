package io.thalamus.sdnrouter.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FAKE of ONOS's northbound REST API for tests: a local HTTP server that answers {@code /onos/v1/devices},
 * {@code /devices/{id}/ports}, {@code /links}, {@code /hosts}, {@code /flows}, {@code /flows/{deviceId}/{flowId}},
 * {@code /flows/application/{appId}} and {@code /intents} with ONOS-shaped JSON from a tiny in-memory network.
 * It is not ONOS (no ONOS distribution can run here): it checks basic auth, stores what is posted, reports a
 * posted flow {@code PENDING_ADD} on the first read and {@code ADDED} after, and can be told to fail requests
 * with 503 or to stall, so the client's confirmation, retries and timeouts can be tested.
 */
final class FakeOnosServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String expectedAuth;
    private final ObjectNode devices = JSON.createObjectNode();
    private final Map<String, ArrayNode> ports = new LinkedHashMap<>();
    private final ArrayNode links = JSON.createArrayNode();
    private final ArrayNode hosts = JSON.createArrayNode();
    private final Map<String, ObjectNode> flows = new LinkedHashMap<>();
    private final Map<String, Integer> reads = new LinkedHashMap<>();
    private final Map<String, ObjectNode> intents = new LinkedHashMap<>();
    private final AtomicLong flowIds = new AtomicLong(0x10000);
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile long stallMillis;
    /** Every request as "METHOD path". */
    final List<String> requests = new CopyOnWriteArrayList<>();

    /** A fake with three switches in a line, s1 - s2 - s3, and one host on port 1 of each. */
    FakeOnosServer(String user, String password) throws IOException {
        this.expectedAuth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        ArrayNode devs = devices.putArray("devices");
        for (int i = 1; i <= 3; i++) {
            String id = dev(i);
            devs.addObject().put("id", id).put("type", "SWITCH").put("available", true).put("role", "MASTER")
                    .put("mfr", "Nicira, Inc.").put("hw", "Open vSwitch").put("sw", "3.1.0").put("driver", "ovs");
            ArrayNode p = JSON.createArrayNode();
            p.addObject().put("element", id).put("port", "local").put("isEnabled", false);
            for (int n = 1; n <= 3; n++) {
                ObjectNode port = p.addObject().put("element", id).put("port", String.valueOf(n)).put("isEnabled", true)
                        .put("type", "copper").put("portSpeed", n == 1 ? 10000 : 1000);
                port.putObject("annotations").put("portName", "s" + i + "-eth" + n);
            }
            ports.put(id, p);
            ObjectNode h = hosts.addObject().put("id", "02:00:00:00:00:0" + i + "/None").put("mac", "02:00:00:00:00:0" + i);
            h.putArray("ipAddresses").add("10.0.0." + i);
            h.putArray("locations").addObject().put("elementId", id).put("port", "1");
        }
        link(1, 2, 2, 2);
        link(2, 3, 3, 2);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/onos/v1/", this::handle);
        server.start();
    }

    static String dev(int i) {
        return String.format("of:%016x", i);
    }

    private void link(int a, int pa, int b, int pb) {
        for (int[] d : new int[][] {{a, pa, b, pb}, {b, pb, a, pa}}) {
            ObjectNode l = links.addObject().put("type", "DIRECT").put("state", "ACTIVE");
            l.putObject("src").put("device", dev(d[0])).put("port", String.valueOf(d[1]));
            l.putObject("dst").put("device", dev(d[2])).put("port", String.valueOf(d[3]));
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/onos/v1");
    }

    /** The next {@code n} requests answer 503. */
    void failNext(int n) {
        failNext.set(n);
    }

    /** Every request waits this long before answering. */
    void stall(long millis) {
        stallMillis = millis;
    }

    /** Marks the s1-s2 link (both directions) inactive, as ONOS does when a port goes down. */
    void failFirstLink() {
        ((ObjectNode) links.get(0)).put("state", "INACTIVE");
        ((ObjectNode) links.get(1)).put("state", "INACTIVE");
    }

    /** Adds packets to a stored flow rule, as the switch's counters would. */
    synchronized void count(String deviceId, String flowId, long packets) {
        ObjectNode f = flows.get(deviceId + "/" + flowId);
        f.put("packets", f.path("packets").asLong() + packets).put("bytes", f.path("bytes").asLong() + 98 * packets);
    }

    synchronized Map<String, ObjectNode> flows() {
        return new LinkedHashMap<>(flows);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath().substring("/onos/v1".length());
        requests.add(ex.getRequestMethod() + " " + path);
        try {
            if (stallMillis > 0) {
                Thread.sleep(stallMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(ex, 503, JSON.createObjectNode().put("code", 503).put("message", "Service Unavailable"));
            return;
        }
        if (!expectedAuth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            reply(ex, 401, JSON.createObjectNode().put("code", 401).put("message", "Unauthorized"));
            return;
        }
        String[] seg = path.substring(1).split("/");
        for (int i = 0; i < seg.length; i++) {
            seg[i] = URLDecoder.decode(seg[i], StandardCharsets.UTF_8);
        }
        String method = ex.getRequestMethod();
        JsonNode body = method.equals("POST") ? JSON.readTree(ex.getRequestBody().readAllBytes()) : null;
        synchronized (this) {
            switch (method + " " + seg[0]) {
                case "GET devices" -> {
                    if (seg.length == 3 && seg[2].equals("ports")) {
                        ObjectNode o = JSON.createObjectNode().put("id", seg[1]);
                        o.set("ports", ports.get(seg[1]));
                        reply(ex, 200, o);
                    } else {
                        reply(ex, 200, devices);
                    }
                }
                case "GET links" -> reply(ex, 200, JSON.createObjectNode().set("links", links));
                case "GET hosts" -> reply(ex, 200, JSON.createObjectNode().set("hosts", hosts));
                case "POST flows" -> {
                    String app = ex.getRequestURI().getQuery() == null ? "org.onosproject.rest"
                            : ex.getRequestURI().getQuery().replace("appId=", "");
                    ArrayNode out = JSON.createArrayNode();
                    for (JsonNode f : body.path("flows")) {
                        if (!f.hasNonNull("deviceId") || !f.has("selector") || !f.has("treatment")) {
                            reply(ex, 400, JSON.createObjectNode().put("code", 400).put("message", "flow needs deviceId, selector, treatment"));
                            return;
                        }
                        String id = String.valueOf(flowIds.incrementAndGet());
                        ObjectNode stored = ((ObjectNode) f.deepCopy()).put("id", id).put("appId", app)
                                .put("state", "PENDING_ADD").put("packets", 0).put("bytes", 0).put("tableId", 0);
                        flows.put(f.path("deviceId").asText() + "/" + id, stored);
                        out.addObject().put("deviceId", f.path("deviceId").asText()).put("flowId", id);
                    }
                    reply(ex, 200, JSON.createObjectNode().set("flows", out));
                }
                case "GET flows" -> {
                    ArrayNode out = JSON.createArrayNode();
                    if (seg.length == 3 && seg[1].equals("application")) {
                        flows.values().stream().filter(f -> f.path("appId").asText().equals(seg[2])).forEach(out::add);
                    } else if (seg.length == 3) {
                        ObjectNode f = flows.get(seg[1] + "/" + seg[2]);
                        if (f == null) {
                            reply(ex, 404, JSON.createObjectNode().put("code", 404).put("message", "Flow not found"));
                            return;
                        }
                        if (reads.merge(seg[1] + "/" + seg[2], 1, Integer::sum) > 1) {
                            f.put("state", "ADDED");
                        }
                        out.add(f);
                    } else {
                        flows.values().forEach(out::add);
                    }
                    reply(ex, 200, JSON.createObjectNode().set("flows", out));
                }
                case "DELETE flows" -> {
                    flows.remove(seg[1] + "/" + seg[2]);
                    reply(ex, 204, null);
                }
                case "POST intents" -> {
                    ObjectNode stored = ((ObjectNode) body.deepCopy()).put("id", "0x" + Long.toHexString(flowIds.incrementAndGet()))
                            .put("state", "INSTALLED");
                    intents.put(body.path("appId").asText() + "/" + body.path("key").asText(), stored);
                    ex.getResponseHeaders().add("Location", baseUri() + "/intents/" + body.path("appId").asText() + "/"
                            + body.path("key").asText());
                    reply(ex, 201, null);
                }
                case "GET intents" -> {
                    ObjectNode i = intents.get(seg[1] + "/" + seg[2]);
                    if (i == null) {
                        reply(ex, 404, JSON.createObjectNode().put("code", 404).put("message", "Intent not found"));
                    } else {
                        reply(ex, 200, i);
                    }
                }
                case "DELETE intents" -> {
                    intents.remove(seg[1] + "/" + seg[2]);
                    reply(ex, 204, null);
                }
                default -> reply(ex, 404, JSON.createObjectNode().put("code", 404).put("message", "not found: " + path));
            }
        }
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    List<String> intentKeys() {
        return new ArrayList<>(intents.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
