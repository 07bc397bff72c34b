package io.thalamus.intent.execution;

/** Another intent this one cannot coexist with: contradicting goals, or not fitting together in capacity. */
public record Conflict(String intentId, String key, String kind, String detail) {
}
