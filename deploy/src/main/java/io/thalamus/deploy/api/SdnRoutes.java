package io.thalamus.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.engine.IntentEngine;
import io.thalamus.intent.execution.RoutedFlow;
import io.thalamus.intent.lifecycle.IntentRecord;
import io.thalamus.intent.lifecycle.IntentState;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.format.InputJson;
import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.controller.OnosDecisions;
import io.thalamus.sdnrouter.controller.OnosTopologyReport;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDN routes the Thalamus ONOS app speaks to (contract in docs/onos.md):
 * {@code POST /api/sdn/onos/topology} stores the devices and links ONOS reports (validated whole, replaced
 * atomically), {@code GET /api/sdn/onos/topology} shows it with the node mapping, and {@code GET /api/sdn/decisions}
 * answers the per-hop rules of every flow of every INSTALLED intent, on those devices and ports.
 */
public final class SdnRoutes {

    /** Lab name prefix whose datapath ids map topology nodes to ONOS devices (the {@code thalamus lab} default). */
    public static final String LAB_PREFIX = "th";

    private static final ObjectMapper MAPPER = InputJson.mapper();

    /** Where the routes go (ApiServer's route table, which also lists them for the OpenAPI check). */
    @FunctionalInterface
    public interface Registrar {
        /** Adds one route. */
        void add(HttpMethod method, String path, Handler<RoutingContext> handler);
    }

    private final IntentEngine engine;
    private final OnosDecisions decisions;
    private final AtomicReference<OnosTopologyReport> reported = new AtomicReference<>();

    /** Routes over {@code engine}'s installed intents on {@code topology} laid out as the default lab. */
    public SdnRoutes(IntentEngine engine, Topology topology) {
        this.engine = engine;
        this.decisions = OnosDecisions.forLab(topology, LAB_PREFIX);
    }

    /** Registers the three routes. */
    public void register(Registrar r) {
        r.add(HttpMethod.GET, "/api/sdn/decisions", this::decisions);
        r.add(HttpMethod.POST, "/api/sdn/onos/topology", this::report);
        r.add(HttpMethod.GET, "/api/sdn/onos/topology", this::reported);
    }

    private void report(RoutingContext ctx) {
        JsonNode body;
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            invalid(ctx, new OnosTopologyReport.InvalidReportException(List.of(new OnosTopologyReport.Problem("",
                    "empty body: expected {\"devices\":[…],\"links\":[…]}"))));
            return;
        }
        try {
            body = MAPPER.readTree(text);
        } catch (IOException e) {
            invalid(ctx, new OnosTopologyReport.InvalidReportException(List.of(new OnosTopologyReport.Problem("", "malformed JSON"))));
            return;
        }
        OnosTopologyReport report;
        try {
            report = OnosTopologyReport.parse(body);
        } catch (OnosTopologyReport.InvalidReportException e) {
            invalid(ctx, e);
            return;
        }
        reported.set(report);
        json(ctx, 200, view(report));
    }

    private void reported(RoutingContext ctx) {
        OnosTopologyReport r = reported.get();
        if (r == null) {
            Problem.of(404, "no-onos-topology", "No ONOS topology",
                    "ONOS has not reported its topology yet (POST /api/sdn/onos/topology)").send(ctx);
            return;
        }
        json(ctx, 200, view(r));
    }

    private ObjectNode view(OnosTopologyReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode d = o.putArray("devices");
        r.devices().forEach(d::add);
        ArrayNode l = o.putArray("links");
        r.links().forEach(x -> l.add(x.wire()));
        ObjectNode nodes = o.putObject("nodes");
        ArrayNode unmapped = o.putArray("unmappedNodes");
        ArrayNode foreign = o.putArray("unknownDevices");
        Map<String, String> byDevice = decisions.nodeByDevice();
        byDevice.forEach((dev, node) -> {
            if (r.devices().contains(dev)) {
                nodes.put(node, dev);
            } else {
                unmapped.add(node);
            }
        });
        r.devices().stream().filter(dev -> !byDevice.containsKey(dev)).forEach(foreign::add);
        return o;
    }

    private void decisions(RoutingContext ctx) {
        OnosTopologyReport report = reported.get();
        ctx.vertx().executeBlocking(() -> {
            OnosDecisions.Result result = decisions.decide(report, installedPaths());
            ObjectNode o = MAPPER.createObjectNode();
            ArrayNode rules = o.putArray("rules");
            for (OnosDecisions.Rule r : result.rules()) {
                rules.addObject().put("flowId", r.flowId()).put("deviceId", r.deviceId()).put("priority", r.priority())
                        .put("ipv4Src", r.ipv4Src()).put("ipv4Dst", r.ipv4Dst()).put("outPort", r.outPort());
            }
            ArrayNode skipped = o.putArray("skipped");
            result.skipped().forEach(s -> skipped.addObject().put("flowId", s.flowId()).put("reason", s.reason()));
            return o;
        }, false).onFailure(ctx::fail).onSuccess(o -> json(ctx, 200, o));
    }

    /** The paths of every flow of every INSTALLED intent, as the twin holds them now, by flow id. */
    private Map<Flow, Path> installedPaths() {
        List<RoutedFlow> routed = new ArrayList<>(engine.flowTwin().installed());
        routed.sort(Comparator.comparing((RoutedFlow r) -> r.flow().id()));
        Map<Flow, Path> out = new LinkedHashMap<>();
        for (RoutedFlow r : routed) {
            boolean installed = engine.get(r.intentId()).map(IntentRecord::state)
                    .filter(s -> s == IntentState.INSTALLED).isPresent();
            if (installed) {
                out.put(r.flow(), r.path());
            }
        }
        return out;
    }

    private static void invalid(RoutingContext ctx, OnosTopologyReport.InvalidReportException e) {
        Problem p = Problem.of(400, "invalid-onos-topology", "Invalid ONOS topology", e.getMessage());
        e.problems().forEach(x -> p.error(x.pointer(), x.detail()));
        p.send(ctx);
    }

    private static void json(RoutingContext ctx, int status, JsonNode body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.toString());
        }
    }
}
