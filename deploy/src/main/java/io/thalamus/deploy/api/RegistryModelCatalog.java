package io.thalamus.deploy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.planning.RouterModelChooser;
import io.thalamus.intent.routing.CandidateScore;
import io.thalamus.intent.routing.NoFeasibleModelException;
import io.thalamus.intent.routing.RouteDecision;
import io.thalamus.intent.routing.RoutingPreferences;
import io.thalamus.models.card.ModelCard;
import io.thalamus.models.card.TaskType;
import io.thalamus.models.registry.ModelRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model library's registry and the model router, as the API shows them. */
public final class RegistryModelCatalog implements ModelCatalog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The largest forecast horizon a decision request may name (the intent schema's {@code horizonSteps} bound). */
    static final int MAX_HORIZON = 10_000;

    private final ModelRegistry registry;
    private final RouterModelChooser router;

    public RegistryModelCatalog(ModelRegistry registry, RouterModelChooser router) {
        this.registry = registry;
        this.router = router;
    }

    @Override
    public List<JsonNode> cards() {
        List<JsonNode> out = new ArrayList<>();
        for (ModelCard c : registry.cards()) {
            out.add(read(c));
        }
        return out;
    }

    @Override
    public Optional<JsonNode> card(String id) {
        return registry.card(id).map(RegistryModelCatalog::read);
    }

    private static JsonNode read(ModelCard c) {
        try {
            return MAPPER.readTree(c.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the numeric members of {@code flags/<group>} into {@code out}; anything else is a 400 naming the member. */
    private static void numbers(JsonNode flags, String group, Map<String, Double> out) {
        JsonNode g = flags.get(group);
        if (g == null || g.isNull()) {
            return;
        }
        if (!g.isObject()) {
            throw new IllegalArgumentException("/flags/" + group + ": expected an object of numbers");
        }
        g.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException("/flags/" + group + "/" + e.getKey() + ": expected a number, got " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asDouble());
        });
    }

    /**
     * {@code {"taskType": "forecast", "series": [...], "horizon": 12, "flags": {...}}}: the router's decision, every
     * candidate's scores and the Pareto front.
     */
    @Override
    public JsonNode decide(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("/: expected a JSON object");
        }
        JsonNode tt = request.get("taskType");
        if (tt == null || !tt.isTextual()) {
            throw new IllegalArgumentException("/taskType: required, one of " + java.util.Arrays.stream(TaskType.values())
                    .map(TaskType::wire).toList());
        }
        TaskType task;
        try {
            task = TaskType.fromWire(tt.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("/taskType: " + e.getMessage());
        }
        double[] series = null;
        JsonNode s = request.get("series");
        if (s != null) {
            if (!s.isArray() || s.size() < 4) {
                throw new IllegalArgumentException("/series: expected an array of at least 4 numbers");
            }
            series = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                if (!s.get(i).isNumber()) {
                    throw new IllegalArgumentException("/series/" + i + ": expected a number");
                }
                series[i] = s.get(i).asDouble();
            }
        }
        int horizon = 12;
        JsonNode h = request.get("horizon");
        if (h != null && !h.isNull()) {
            if (!h.canConvertToInt() || !h.isIntegralNumber() || h.asInt() < 1 || h.asInt() > MAX_HORIZON) {
                throw new IllegalArgumentException("/horizon: expected an integer from 1 to " + MAX_HORIZON + ", got " + h);
            }
            horizon = h.asInt();
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> limits = new LinkedHashMap<>();
        JsonNode flags = request.get("flags");
        if (flags != null) {
            numbers(flags, "weights", weights);
            numbers(flags, "limits", limits);
        }
        RoutingPreferences prefs;
        try {
            prefs = RouterModelChooser.preferences(weights, limits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("/flags/" + e.getMessage());
        }
        RouteDecision d;
        try {
            d = router.route(task, series, horizon, prefs);
        } catch (NoFeasibleModelException e) {
            throw new IllegalArgumentException("/flags: " + e.getMessage());
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("decisionId", d.decisionId()).put("taskType", d.task().wire()).put("model", d.modelId())
                .put("loadShifted", d.loadShifted());
        ArrayNode reasons = o.putArray("reasons");
        d.reasons().forEach(reasons::add);
        ArrayNode front = o.putArray("paretoFront");
        d.paretoFront().forEach(front::add);
        ArrayNode cands = o.putArray("candidates");
        for (CandidateScore c : d.candidates()) {
            ObjectNode co = cands.addObject().put("model", c.modelId()).put("predictedLoss", c.predictedLoss())
                    .put("predictedLatencyMs", c.predictedLatencyMs()).put("predictedCostMs", c.predictedCostMs())
                    .put("support", c.support()).put("feasible", c.feasible());
            if (c.feasible()) {
                co.put("objective", c.objective());
            } else {
                co.put("excludedBecause", c.excludedBecause());
            }
        }
        return o;
    }
}
