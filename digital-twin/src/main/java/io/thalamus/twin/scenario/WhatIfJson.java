package io.thalamus.twin.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.twin.sim.Kpis;

/** JSON form of what-if results for the CLI and the API (non-finite numbers become null). */
public final class WhatIfJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WhatIfJson() {
    }

    /** {@code {"scenario":..., "elapsedMs":..., "kpisBefore":..., "kpisAfter":..., "impacts":[...]}}; at most {@code maxImpacts}. */
    public static ObjectNode toTree(WhatIfResult r, int maxImpacts) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("scenario", ScenarioJson.toTree(r.scenario()));
        o.put("elapsedMs", r.elapsedNanos() / 1e6);
        o.set("kpisBefore", kpis(r.kpisBefore()));
        o.set("kpisAfter", kpis(r.kpisAfter()));
        o.put("flowsImpacted", r.impacts().size());
        o.put("flowsDisconnected", r.impactsAtLeast(3).size());
        o.put("flowsDelayBoundBroken", r.impacts().stream().filter(FlowImpact::delayBoundBroken).count());
        o.put("flowsLosingBandwidth", r.impacts().stream().filter(i -> i.bandwidthLostBps() > 0).count());
        ArrayNode arr = o.putArray("impacts");
        r.impacts().stream().limit(maxImpacts).forEach(i -> {
            ObjectNode x = arr.addObject();
            x.put("flow", i.flowId());
            x.put("kind", i.kind());
            x.put("priority", i.priority());
            x.put("disconnected", i.disconnected());
            x.put("delayBoundBroken", i.delayBoundBroken());
            x.put("rerouted", i.rerouted());
            num(x, "bandwidthLostBps", i.bandwidthLostBps());
            num(x, "throughputBeforeBps", i.throughputBeforeBps());
            num(x, "throughputAfterBps", i.throughputAfterBps());
            num(x, "delayBeforeMs", i.delayBeforeMs());
            num(x, "delayAfterMs", i.delayAfterMs());
            i.pathBefore().forEach(x.putArray("pathBefore")::add);
            i.pathAfter().forEach(x.putArray("pathAfter")::add);
        });
        return o;
    }

    /** The JSON object of a KPI record. */
    public static ObjectNode kpis(Kpis k) {
        ObjectNode o = MAPPER.createObjectNode();
        num(o, "maxUtilisation", k.maxUtilisation());
        o.put("mostUtilisedLink", k.mostUtilisedLink());
        num(o, "meanUtilisation", k.meanUtilisation());
        num(o, "offeredBps", k.offeredBps());
        num(o, "throughputBps", k.throughputBps());
        num(o, "demandLostBps", k.demandLostBps());
        o.put("flowsDisconnected", k.flowsDisconnected());
        o.put("flowsDelayBoundBroken", k.flowsDelayBoundBroken());
        o.put("linksOverloaded", k.linksOverloaded());
        num(o, "meanFlowDelayMs", k.meanFlowDelayMs());
        return o;
    }

    private static void num(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
