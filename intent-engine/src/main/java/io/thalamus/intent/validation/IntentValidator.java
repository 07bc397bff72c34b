package io.thalamus.intent.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thalamus.intent.model.FlowSpec;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.model.QosClass;
import io.thalamus.network.format.InputJson;
import io.thalamus.network.topology.Topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns submitted JSON into an {@link Intent}: the schema first (every violation, each with its JSON
 * pointer), then the checks the schema cannot express against the current topology (known nodes and
 * links, distinct endpoints, sensible zones of tolerance). Nothing is returned half-checked.
 */
public final class IntentValidator {

    private static final ObjectMapper MAPPER = InputJson.mapper();

    private final IntentSchema schema;
    private final Supplier<Topology> topology;

    /** Validates against {@code schema} and whatever topology {@code topology} returns at call time. */
    public IntentValidator(IntentSchema schema, Supplier<Topology> topology) {
        this.schema = schema;
        this.topology = topology;
    }

    /** Parses text. @throws InvalidIntentException naming every bad field */
    public Intent parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InvalidIntentException(List.of(new FieldError("", "malformed JSON" + where + ": "
                    + e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidIntentException(List.of(new FieldError("", "empty body: expected an intent object")));
        }
        return parse(root);
    }

    /** Validates a tree. @throws InvalidIntentException naming every bad field */
    public Intent parse(JsonNode root) {
        List<FieldError> errors = schema.validate(root);
        if (!errors.isEmpty()) {
            throw new InvalidIntentException(errors);
        }
        Intent intent = IntentJson.fromTree(root);
        List<FieldError> semantic = check(intent, topology.get());
        if (!semantic.isEmpty()) {
            throw new InvalidIntentException(semantic);
        }
        return intent;
    }

    /** The topology checks alone, for an intent built in code. */
    public static List<FieldError> check(Intent intent, Topology t) {
        List<FieldError> errors = new ArrayList<>();
        IntentSpec spec = intent.spec();
        switch (spec.type()) {
            case CONNECTIVITY -> {
                IntentSpec.Connectivity c = (IntentSpec.Connectivity) spec;
                endpoints(t, "/spec", "source", c.source(), "destination", c.destination(), errors);
            }
            case ADMIT_FLOWS -> {
                IntentSpec.AdmitFlows a = (IntentSpec.AdmitFlows) spec;
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < a.flows().size(); i++) {
                    FlowSpec f = a.flows().get(i);
                    endpoints(t, "/spec/flows/" + i, "source", f.source(), "destination", f.destination(), errors);
                    if (!ids.add(f.id())) {
                        errors.add(new FieldError("/spec/flows/" + i + "/id", "duplicate flow id '" + f.id() + "'"));
                    }
                }
            }
            case ROUTING_POLICY -> {
                IntentSpec.RoutingPolicy r = (IntentSpec.RoutingPolicy) spec;
            }
            case WHAT_IF -> {
                IntentSpec.WhatIf w = (IntentSpec.WhatIf) spec;
                if (w.link() != null && !t.hasLink(w.link()) && t.linksOfPhysical(w.link()).isEmpty()) {
                    errors.add(new FieldError("/spec/scenario/link", "unknown link '" + w.link() + "'"));
                }
                if (w.node() != null && !t.hasNode(w.node())) {
                    errors.add(new FieldError("/spec/scenario/node", "unknown node '" + w.node() + "'"));
                }
            }
            case FORECAST -> {
                IntentSpec.Forecast f = (IntentSpec.Forecast) spec;
                if (f.link() != null && !t.hasLink(f.link())) {
                    errors.add(new FieldError("/spec/link", "unknown directed link '" + f.link() + "'"));
                }
                if (f.origin() != null) {
                    endpoints(t, "/spec", "origin", f.origin(), "destination", f.destination(), errors);
                }
            }
            case DETECT_ANOMALY -> {
                IntentSpec.DetectAnomaly d = (IntentSpec.DetectAnomaly) spec;
                if (d.link() != null && !t.hasLink(d.link())) {
                    errors.add(new FieldError("/spec/link", "unknown directed link '" + d.link() + "'"));
                }
            }
            case ASSURE_QOS -> {
                IntentSpec.AssureQos q = (IntentSpec.AssureQos) spec;
                for (int i = 0; i < q.classes().size(); i++) {
                    QosClass c = q.classes().get(i);
                    if (!(c.desiredBps() > c.adequateBps())) {
                        errors.add(new FieldError("/spec/classes/" + i + "/desiredBps",
                                "must be greater than adequateBps (" + c.adequateBps() + "), got " + c.desiredBps()));
                    }
                    for (int j = 0; j < c.flows().size(); j++) {
                        QosClass.Endpoints e = c.flows().get(j);
                        endpoints(t, "/spec/classes/" + i + "/flows/" + j, "source", e.source(), "destination",
                                e.destination(), errors);
                    }
                }
            }
        }
        return errors;
    }

    private static void endpoints(Topology t, String at, String aName, String a, String bName, String b,
                                  List<FieldError> errors) {
        if (!t.hasNode(a)) {
            errors.add(new FieldError(at + "/" + aName, "unknown node '" + a + "' (not in topology " + t.name() + ")"));
        }
        if (!t.hasNode(b)) {
            errors.add(new FieldError(at + "/" + bName, "unknown node '" + b + "' (not in topology " + t.name() + ")"));
        }
        if (a.equals(b)) {
            errors.add(new FieldError(at + "/" + bName, "must differ from " + aName + " '" + a + "'"));
        }
    }
}
