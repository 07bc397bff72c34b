package io.thalamus.sdnrouter.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.path.Path;
import io.thalamus.network.spi.ControllerEvent;
import io.thalamus.network.spi.ControllerView;
import io.thalamus.network.spi.InstallReceipt;
import io.thalamus.network.spi.InstalledRule;
import io.thalamus.network.spi.SdnController;
import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link SdnController} over ONOS's northbound REST API ({@code /onos/v1}), with HTTP basic auth, a timeout on
 * every request and retries with exponential back-off on connection errors and 5xx answers (4xx answers are
 * the caller's fault and are not retried). The JSON shapes are ONOS's:
 * <ul>
 *   <li>{@code GET /devices} → {@code {"devices":[{"id":"of:...","available":true,...}]}};
 *       {@code GET /devices/{id}/ports} → {@code {"ports":[{"port":"1","isEnabled":true,"portSpeed":10000,
 *       "annotations":{"portName":"..."}}]}} (speed in Mbit/s);</li>
 *   <li>{@code GET /links} → {@code {"links":[{"src":{"device":"of:1","port":"2"},"dst":{...},"state":"ACTIVE"}]}};</li>
 *   <li>{@code GET /hosts} → {@code {"hosts":[{"ipAddresses":["10.0.0.1"],"locations":[{"elementId":"of:1","port":"1"}]}]}};</li>
 *   <li>{@code POST /flows?appId=A} with {@code {"flows":[{"priority":..,"isPermanent":true,"deviceId":..,
 *       "treatment":{"instructions":[{"type":"OUTPUT","port":"2"}]},"selector":{"criteria":[{"type":"ETH_TYPE",
 *       "ethType":"0x800"},{"type":"IPV4_SRC","ip":"10.0.0.1/32"},...]}}]}} → {@code {"flows":[{"deviceId":..,
 *       "flowId":".."}]}}; {@code GET /flows/{deviceId}/{flowId}} gives its {@code state} ({@code PENDING_ADD} until
 *       the switch confirms, then {@code ADDED}) and {@code packets}/{@code bytes}; {@code DELETE} removes it;</li>
 *   <li>{@code POST /intents} with a {@code PointToPointIntent} → 201 with a {@code Location};
 *       {@code GET /intents/{appId}/{key}} → {@code {"state":"INSTALLED",...}}.</li>
 * </ul>
 * The discovered topology names nodes by ONOS device id and links {@code src/port-dst/port}; paths given to
 * {@link #install} must use those ids. ONOS's REST API does not push events: {@link #poll()} re-reads the links
 * and reports changes to the listeners.
 */
public final class OnosRestController implements SdnController {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Capacity assumed for a link whose ports report no speed. */
    public static final double DEFAULT_CAPACITY_BPS = 10e9;

    private final Config config;
    private final HttpClient http;
    private final String authorization;
    private final Map<String, List<String[]>> installed = new LinkedHashMap<>();
    private final List<Consumer<ControllerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Map<String, Boolean> lastLinks = Map.of();

    /**
     * Where ONOS is and how to talk to it.
     *
     * @param baseUri  e.g. {@code http://127.0.0.1:8181/onos/v1}
     * @param user     basic-auth user (ONOS's default is {@code onos})
     * @param password basic-auth password
     * @param timeout  per request, and for a flow to reach {@code ADDED}
     * @param retries  extra attempts after a connection error or a 5xx answer
     * @param appId    the application id flows are filed under
     */
    public record Config(URI baseUri, String user, String password, Duration timeout, int retries, String appId) {

        public Config {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be >= 0, got " + retries);
            }
            String s = baseUri.toString();
            baseUri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        }

        /** ONOS's defaults: user onos, password rocks, 5 s timeout, 2 retries, app {@code io.thalamus}. */
        public static Config of(URI baseUri) {
            return new Config(baseUri, "onos", "rocks", Duration.ofSeconds(5), 2, "io.thalamus");
        }
    }

    /** Talks to the ONOS at {@code config.baseUri()}; nothing is sent until the first call. */
    public OnosRestController(Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.user() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "onos";
    }

    /** A host ONOS knows: its address and where it is attached. */
    public record Host(String ipv4, String deviceId, long port) {
    }

    @Override
    public ControllerView discover() {
        List<Node> nodes = new ArrayList<>();
        List<ControllerView.Port> ports = new ArrayList<>();
        Map<String, Double> speed = new HashMap<>();
        for (JsonNode d : get("/devices").path("devices")) {
            String id = d.path("id").asText();
            if (!d.path("available").asBoolean(true)) {
                continue;
            }
            nodes.add(new Node(id, id, null, Double.NaN, Double.NaN));
            for (JsonNode p : get("/devices/" + enc(id) + "/ports").path("ports")) {
                String number = p.path("port").asText();
                if (!number.matches("\\d+")) {
                    continue; // "local" and other logical ports
                }
                long n = Long.parseLong(number);
                ports.add(new ControllerView.Port(id, n, p.path("annotations").path("portName").asText(number),
                        p.path("isEnabled").asBoolean(true)));
                double mbps = p.path("portSpeed").asDouble(0);
                if (mbps > 0) {
                    speed.put(id + "/" + n, mbps * 1e6);
                }
            }
        }
        List<Link> links = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>();
        nodes.forEach(n -> known.add(n.id()));
        for (JsonNode l : get("/links").path("links")) {
            if (!"ACTIVE".equals(l.path("state").asText("ACTIVE"))) {
                continue;
            }
            String src = l.path("src").path("device").asText();
            String dst = l.path("dst").path("device").asText();
            if (!known.contains(src) || !known.contains(dst)) {
                continue;
            }
            String sp = l.path("src").path("port").asText();
            String dp = l.path("dst").path("port").asText();
            String id = src + "/" + sp + "-" + dst + "/" + dp;
            String physical = src.compareTo(dst) < 0 ? id : dst + "/" + dp + "-" + src + "/" + sp;
            double cap = Math.min(speed.getOrDefault(src + "/" + sp, DEFAULT_CAPACITY_BPS),
                    speed.getOrDefault(dst + "/" + dp, DEFAULT_CAPACITY_BPS));
            links.add(new Link(id, physical, src, dst, cap, 0, 1, Set.of()));
        }
        return new ControllerView(new Topology("onos", nodes, links), ports);
    }

    /** Hosts by attachment device (the first IPv4 of each host). */
    public Map<String, Host> hosts() {
        Map<String, Host> out = new LinkedHashMap<>();
        for (JsonNode h : get("/hosts").path("hosts")) {
            String ip = null;
            for (JsonNode a : h.path("ipAddresses")) {
                if (a.asText().matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
                    ip = a.asText();
                    break;
                }
            }
            JsonNode loc = h.path("locations").path(0);
            if (loc.isMissingNode()) {
                loc = h.path("location");
            }
            if (ip != null && loc.hasNonNull("elementId")) {
                out.put(loc.path("elementId").asText(), new Host(ip, loc.path("elementId").asText(),
                        Long.parseLong(loc.path("port").asText())));
            }
        }
        return out;
    }

    /**
     * Posts one flow rule per hop (and one to the destination's host port) in one {@code POST /flows}, then waits
     * until ONOS reports every rule {@code ADDED}. Link ids are those of {@link #discover()}.
     */
    @Override
    public InstallReceipt install(Flow flow, Path path) {
        long t0 = System.nanoTime();
        Map<String, Host> hosts = hosts();
        Host src = hosts.get(flow.source());
        Host dst = hosts.get(flow.destination());
        if (src == null || dst == null) {
            throw new IllegalArgumentException("flow " + flow.id() + ": ONOS knows no host on "
                    + (src == null ? flow.source() : flow.destination()));
        }
        if (!path.source().equals(flow.source()) || !path.destination().equals(flow.destination())) {
            throw new IllegalArgumentException("flow " + flow.id() + ": path " + path + " does not run from "
                    + flow.source() + " to " + flow.destination());
        }
        ArrayNode rules = JSON.createArrayNode();
        int priority = OpenFlowController.FLOW_PRIORITY + Math.min(flow.priority(), 30000);
        for (Link l : path.links()) {
            rules.add(rule(l.source(), outPort(l), src.ipv4(), dst.ipv4(), priority));
        }
        rules.add(rule(flow.destination(), dst.port(), src.ipv4(), dst.ipv4(), priority));
        ObjectNode body = JSON.createObjectNode();
        body.set("flows", rules);
        JsonNode reply = send("POST", "/flows?appId=" + enc(config.appId()), body);
        List<String[]> ids = new ArrayList<>();
        for (JsonNode f : reply.path("flows")) {
            ids.add(new String[] {f.path("deviceId").asText(), f.path("flowId").asText()});
        }
        if (ids.size() != rules.size()) {
            throw new IllegalStateException("ONOS accepted " + ids.size() + " of " + rules.size() + " rules of flow " + flow.id());
        }
        synchronized (lock) {
            List<String[]> old = installed.put(flow.id(), ids);
            if (old != null) {
                delete(old);
            }
        }
        awaitAdded(flow.id(), ids);
        return new InstallReceipt(flow.id(), name(), ids.stream().map(i -> i[0] + "/" + i[1]).toList(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static long outPort(Link l) {
        // discover() names links src/port-dst/port
        String srcPart = l.id().substring(0, l.id().indexOf('-', l.source().length()));
        return Long.parseLong(srcPart.substring(srcPart.lastIndexOf('/') + 1));
    }

    private static ObjectNode rule(String device, long port, String srcIp, String dstIp, int priority) {
        ObjectNode r = JSON.createObjectNode();
        r.put("priority", priority).put("timeout", 0).put("isPermanent", true).put("deviceId", device);
        r.putObject("treatment").putArray("instructions").addObject().put("type", "OUTPUT").put("port", String.valueOf(port));
        ArrayNode criteria = r.putObject("selector").putArray("criteria");
        criteria.addObject().put("type", "ETH_TYPE").put("ethType", "0x800");
        criteria.addObject().put("type", "IPV4_SRC").put("ip", srcIp + "/32");
        criteria.addObject().put("type", "IPV4_DST").put("ip", dstIp + "/32");
        return r;
    }

    private void awaitAdded(String flowId, List<String[]> ids) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        List<String[]> pending = new ArrayList<>(ids);
        while (!pending.isEmpty()) {
            pending.removeIf(i -> "ADDED".equals(get("/flows/" + enc(i[0]) + "/" + enc(i[1])).path("flows").path(0)
                    .path("state").asText()));
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("flow " + flowId + ": " + pending.size() + " rules not ADDED within "
                        + config.timeout() + " (first: " + pending.get(0)[0] + "/" + pending.get(0)[1] + ")");
            }
            sleep(50);
        }
    }

    /**
     * Submits a flow as an ONOS {@code PointToPointIntent} between its hosts' attachment points (ONOS computes the
     * path) and waits for {@code INSTALLED}. The intent key is the flow id.
     */
    public String installIntent(Flow flow) {
        Map<String, Host> hosts = hosts();
        Host src = hosts.get(flow.source());
        Host dst = hosts.get(flow.destination());
        if (src == null || dst == null) {
            throw new IllegalArgumentException("flow " + flow.id() + ": ONOS knows no host on "
                    + (src == null ? flow.source() : flow.destination()));
        }
        ObjectNode intent = JSON.createObjectNode();
        intent.put("type", "PointToPointIntent").put("appId", config.appId()).put("key", flow.id())
                .put("priority", OpenFlowController.FLOW_PRIORITY + Math.min(flow.priority(), 30000));
        ArrayNode criteria = intent.putObject("selector").putArray("criteria");
        criteria.addObject().put("type", "ETH_TYPE").put("ethType", "0x800");
        criteria.addObject().put("type", "IPV4_SRC").put("ip", src.ipv4() + "/32");
        criteria.addObject().put("type", "IPV4_DST").put("ip", dst.ipv4() + "/32");
        intent.putObject("ingressPoint").put("device", src.deviceId()).put("port", String.valueOf(src.port()));
        intent.putObject("egressPoint").put("device", dst.deviceId()).put("port", String.valueOf(dst.port()));
        send("POST", "/intents", intent);
        long deadline = System.nanoTime() + config.timeout().toNanos();
        String path = "/intents/" + enc(config.appId()) + "/" + enc(flow.id());
        while (true) {
            String state = get(path).path("state").asText();
            if ("INSTALLED".equals(state)) {
                return state;
            }
            if ("FAILED".equals(state) || System.nanoTime() > deadline) {
                throw new IllegalStateException("intent " + flow.id() + " is " + state + " after " + config.timeout());
            }
            sleep(50);
        }
    }

    /** Withdraws and purges the intent of a flow. */
    public void removeIntent(String flowId) {
        send("DELETE", "/intents/" + enc(config.appId()) + "/" + enc(flowId), null);
    }

    @Override
    public void remove(String flowId) {
        List<String[]> ids;
        synchronized (lock) {
            ids = installed.remove(flowId);
        }
        if (ids != null) {
            delete(ids);
        }
    }

    private void delete(List<String[]> ids) {
        for (String[] i : ids) {
            send("DELETE", "/flows/" + enc(i[0]) + "/" + enc(i[1]), null);
        }
    }

    @Override
    public List<InstalledRule> rules() {
        Map<String, String> owner = new HashMap<>();
        synchronized (lock) {
            installed.forEach((f, ids) -> ids.forEach(i -> owner.put(i[0] + "/" + i[1], f)));
        }
        List<InstalledRule> out = new ArrayList<>();
        for (JsonNode f : get("/flows/application/" + enc(config.appId())).path("flows")) {
            String id = f.path("deviceId").asText() + "/" + f.path("id").asText();
            String flow = owner.get(id);
            if (flow == null) {
                continue;
            }
            StringBuilder match = new StringBuilder();
            for (JsonNode c : f.path("selector").path("criteria")) {
                if (c.has("ip")) {
                    match.append(match.length() == 0 ? "ipv4 " : "->").append(c.path("ip").asText().replace("/32", ""));
                }
            }
            out.add(new InstalledRule(id, flow, f.path("deviceId").asText(), match.toString(),
                    "output:" + f.path("treatment").path("instructions").path(0).path("port").asText(),
                    f.path("packets").asLong(-1), f.path("bytes").asLong(-1)));
        }
        return out;
    }

    @Override
    public void addListener(Consumer<ControllerEvent> listener) {
        listeners.add(listener);
    }

    /** Re-reads {@code /links} and reports links that appeared, went inactive or vanished since the last poll. */
    public List<ControllerEvent> poll() {
        Map<String, Boolean> now = new LinkedHashMap<>();
        for (JsonNode l : get("/links").path("links")) {
            String id = l.path("src").path("device").asText() + "/" + l.path("src").path("port").asText() + "-"
                    + l.path("dst").path("device").asText() + "/" + l.path("dst").path("port").asText();
            now.put(id, "ACTIVE".equals(l.path("state").asText("ACTIVE")));
        }
        List<ControllerEvent> events = new ArrayList<>();
        Instant t = Instant.now();
        synchronized (lock) {
            for (Map.Entry<String, Boolean> e : now.entrySet()) {
                Boolean before = lastLinks.get(e.getKey());
                if (before == null ? !lastLinks.isEmpty() || !e.getValue() : before != e.getValue()) {
                    events.add(new ControllerEvent.LinkStatus(e.getKey(), e.getValue(), t));
                }
            }
            for (String gone : lastLinks.keySet()) {
                if (!now.containsKey(gone) && lastLinks.get(gone)) {
                    events.add(new ControllerEvent.LinkStatus(gone, false, t));
                }
            }
            lastLinks = now;
        }
        events.forEach(e -> listeners.forEach(l -> l.accept(e)));
        return events;
    }

    // ---- HTTP ---------------------------------------------------------------------------------------

    private JsonNode get(String path) {
        return send("GET", path, null);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        URI uri = URI.create(config.baseUri() + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Authorization", authorization).header("Accept", "application/json");
        try {
            b = switch (method) {
                case "GET" -> b.GET();
                case "DELETE" -> b.DELETE();
                default -> b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode request body: " + e.getMessage(), e);
        }
        HttpRequest request = b.build();
        String last = "";
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                sleep(100L << (attempt - 1));
            }
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int s = r.statusCode();
                if (s >= 500) {
                    last = method + " " + uri + " answered " + s + ": " + r.body();
                    continue;
                }
                if (s == 401 || s == 403) {
                    throw new IllegalStateException("ONOS refused " + method + " " + path + " for user '" + config.user()
                            + "' (" + s + "): check the user and password");
                }
                if (s >= 400) {
                    throw new IllegalArgumentException("ONOS rejected " + method + " " + path + " (" + s + "): " + r.body());
                }
                return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (java.net.http.HttpTimeoutException e) {
                last = method + " " + uri + " timed out after " + config.timeout();
            } catch (IOException e) {
                last = method + " " + uri + " failed: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted talking to ONOS", e);
            }
        }
        throw new IllegalStateException("ONOS unreachable after " + (config.retries() + 1) + " attempts: " + last);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
