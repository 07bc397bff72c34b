package io.thalamus.twin.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON form of a failure sweep for the CLI and the API. */
public final class SweepJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SweepJson() {
    }

    /** {@code {"failures":..., "failuresTried":N, "elapsedMs":..., "baseline":{...}, "worst":[...]}} with the top {@code n}. */
    public static ObjectNode toTree(SweepResult r, int n) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("failures", r.kind().label());
        o.put("failuresTried", r.ranked().size());
        o.put("elapsedMs", r.elapsedNanos() / 1e6);
        ObjectNode b = o.putObject("baseline");
        b.put("maxUtilisation", r.baselineMaxUtilisation());
        b.put("demandLostBps", r.baselineDemandLostBps());
        ArrayNode arr = o.putArray("worst");
        int rank = 1;
        for (FailureImpact i : r.top(n)) {
            ObjectNode x = arr.addObject();
            x.put("rank", rank++);
            x.put("element", i.failure().element());
            i.failure().linkIds().forEach(x.putArray("linksDown")::add);
            x.put("demandLostBps", i.demandLostBps());
            x.put("maxUtilisation", i.maxUtilisation());
            x.put("worstLink", i.worstLink());
            x.put("linksOverloaded", i.linksOverloaded());
            x.put("flowsAffected", i.flowsAffected());
            x.put("flowsRerouted", i.flowsRerouted());
            x.put("flowsDisconnected", i.flowsDisconnected());
        }
        return o;
    }
}
