package io.thalamus.onos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ThalamusClient} over Thalamus's REST API: {@code POST /api/sdn/onos/topology} with
 * {@code {"devices":["of:..."],"links":["of:1/2-of:2/2"]}} and {@code GET /api/sdn/decisions}, answered with
 * {@code {"rules":[{"flowId":..,"deviceId":..,"priority":..,"ipv4Src":..,"ipv4Dst":..,"outPort":..}]}}.
 */
public final class HttpThalamusClient implements ThalamusClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    /** A client of the Thalamus at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    public HttpThalamusClient(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void reportTopology(List<String> devices, List<String> links) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode d = body.putArray("devices");
        devices.forEach(d::add);
        ArrayNode l = body.putArray("links");
        links.forEach(l::add);
        send(HttpRequest.newBuilder(URI.create(base + "/api/sdn/onos/topology")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    @Override
    public List<PathDecision> decisions() {
        JsonNode reply = send(HttpRequest.newBuilder(URI.create(base + "/api/sdn/decisions")).timeout(timeout)
                .header("Accept", "application/json").GET().build());
        List<PathDecision> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : reply.path("rules")) {
            String at = "/rules/" + i++;
            out.add(new PathDecision(text(r, "flowId", at), text(r, "deviceId", at), r.path("priority").asInt(1000),
                    r.hasNonNull("ipv4Src") ? r.get("ipv4Src").asText() : null, text(r, "ipv4Dst", at),
                    r.path("outPort").asLong(-1)));
        }
        return out;
    }

    private static String text(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(at + "/" + field + ": expected a string");
        }
        return v.asText();
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode()
                        + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
