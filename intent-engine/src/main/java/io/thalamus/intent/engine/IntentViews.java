package io.thalamus.intent.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.execution.Conflict;
import io.thalamus.intent.execution.ExpectationCheck;
import io.thalamus.intent.execution.RoutedFlow;
import io.thalamus.intent.lifecycle.IntentEvent;
import io.thalamus.intent.lifecycle.IntentRecord;
import io.thalamus.intent.planning.Blueprint;
import io.thalamus.intent.planning.ModelDecision;
import io.thalamus.intent.planning.Task;
import io.thalamus.network.topology.Link;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** JSON renderings of intents, blueprints, decisions and evidence, shared by the log and the API. */
public final class IntentViews {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private IntentViews() {
    }

    /** An intent for the API: summary only, or with history, blueprint, decisions, evidence and paths. */
    public static ObjectNode record(IntentRecord r, boolean full) {
        ObjectNode o = F.objectNode();
        o.put("id", r.id()).put("key", r.key()).put("type", r.intent().type().wire())
                .put("priority", r.intent().priority()).put("mode", r.intent().mode().wire())
                .put("state", r.state().name());
        IntentEvent last = r.event(r.transitions() - 1);
        o.put("reason", last.reason()).put("updated", last.time().toString())
                .put("submitted", r.event(0).time().toString());
        if (!full) {
            return o;
        }
        o.set("intent", r.envelope());
        ArrayNode h = o.putArray("history");
        for (IntentEvent e : r.history()) {
            h.addObject().put("seq", e.seq()).put("time", e.time().toString()).put("state", e.state().name())
                    .put("reason", e.reason());
        }
        o.set("blueprint", r.blueprint() == null ? F.arrayNode() : r.blueprint());
        o.set("decisions", r.decisions() == null ? F.arrayNode() : r.decisions());
        o.set("evidence", r.evidence() == null ? F.arrayNode() : r.evidence());
        o.set("paths", r.paths() == null ? F.arrayNode() : r.paths());
        o.set("conflicts", r.conflicts() == null ? F.arrayNode() : r.conflicts());
        if (r.result() != null) {
            o.set("result", r.result());
        }
        return o;
    }

    /** A blueprint as an array of tasks. */
    public static ArrayNode blueprint(Blueprint b) {
        ArrayNode a = F.arrayNode();
        for (Task t : b.tasks()) {
            ObjectNode o = a.addObject().put("index", t.index()).put("type", t.type().wire()).put("purpose", t.purpose());
            ObjectNode in = o.putObject("inputs");
            t.inputs().forEach((k, v) -> in.set(k, io.thalamus.intent.engine.IntentViews.value(v)));
        }
        return a;
    }

    /** Model decisions as an array. */
    public static ArrayNode decisions(Collection<ModelDecision> ds) {
        ArrayNode a = F.arrayNode();
        for (ModelDecision d : ds) {
            ObjectNode o = a.addObject().put("taskIndex", d.taskIndex()).put("taskType", d.taskType().wire())
                    .put("model", d.modelId()).put("router", d.router());
            ArrayNode rs = o.putArray("reasons");
            d.reasons().forEach(rs::add);
            if (Double.isFinite(d.score())) {
                o.put("score", d.score());
            }
            ArrayNode front = o.putArray("paretoFront");
            d.front().forEach(front::add);
        }
        return a;
    }

    /** Expectation checks as an array. */
    public static ArrayNode evidence(List<ExpectationCheck> checks) {
        ArrayNode a = F.arrayNode();
        for (ExpectationCheck c : checks) {
            ObjectNode o = a.addObject().put("metric", c.metric()).put("op", c.op()).put("target", c.target())
                    .put("actual", c.actual()).put("holds", c.holds()).put("margin", c.margin());
            if (c.where() != null) {
                o.put("where", c.where());
            }
            o.put("summary", c.describe());
        }
        return a;
    }

    /** Conflicts as an array. */
    public static ArrayNode conflicts(List<Conflict> cs, Map<String, String> keys) {
        ArrayNode a = F.arrayNode();
        for (Conflict c : cs) {
            String key = c.key() != null ? c.key() : keys.get(c.intentId());
            ObjectNode o = a.addObject().put("intentId", c.intentId()).put("kind", c.kind()).put("detail", c.detail());
            if (key != null) {
                o.put("key", key);
            }
        }
        return a;
    }

    /** Routed flows as an array (flow, rate, nodes, links, propagation delay). */
    public static ArrayNode paths(Collection<RoutedFlow> flows) {
        ArrayNode a = F.arrayNode();
        for (RoutedFlow r : flows) {
            ObjectNode o = a.addObject().put("flowId", r.flow().id()).put("source", r.flow().source())
                    .put("destination", r.flow().destination()).put("bandwidthBps", r.flow().bandwidthBps())
                    .put("priority", r.flow().priority());
            if (r.flow().maxDelayMs() != null) {
                o.put("maxDelayMs", r.flow().maxDelayMs());
            }
            ArrayNode nodes = o.putArray("nodes");
            r.path().nodes().forEach(nodes::add);
            ArrayNode links = o.putArray("links");
            for (Link l : r.path().links()) {
                links.add(l.id());
            }
            o.put("propagationDelayMs", r.path().propagationDelayMs());
        }
        return a;
    }

    static com.fasterxml.jackson.databind.JsonNode value(Object v) {
        if (v instanceof Number n) {
            return n instanceof Integer || n instanceof Long ? F.numberNode(n.longValue()) : F.numberNode(n.doubleValue());
        }
        return F.textNode(String.valueOf(v));
    }
}
