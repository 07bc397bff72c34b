package io.thalamus.deploy.api;

import io.thalamus.intent.engine.IntentEngine;
import io.thalamus.intent.language.EnglishIntents;
import io.thalamus.network.topology.Topology;

import java.util.function.Supplier;

/**
 * Everything the HTTP layer calls into.
 *
 * @param engine  the intent engine
 * @param topology the topology served at /api/topology
 * @param models  the model library and router view
 * @param english the English intent parser (may still be training: {@code ready()} says)
 * @param metrics extra Prometheus text (e.g. telemetry's), appended to the API's own metrics; may be null
 */
public record ApiBackend(IntentEngine engine, Topology topology, ModelCatalog models, EnglishIntents english,
                         Supplier<String> metrics) {
}
