package io.thalamus.intent.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.validation.IntentJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything known about one intent, folded from its events: state, history, and the latest blueprint,
 * model decisions, twin evidence, installed paths, conflicts and result. Immutable; {@link #apply} makes the next one.
 */
public record IntentRecord(String id, Intent intent, JsonNode envelope, IntentState state, List<IntentEvent> history,
                           JsonNode blueprint, JsonNode decisions, JsonNode evidence, JsonNode paths,
                           JsonNode conflicts, JsonNode result) {

    public IntentRecord {
        history = List.copyOf(history);
    }

    // history keeps each transition's time, state and reason; what its details carried lives in the fields

    /** The record a SUBMITTED event starts. */
    public static IntentRecord submitted(IntentEvent e) {
        if (e.state() != IntentState.SUBMITTED) {
            throw new IllegalArgumentException("intent " + e.intentId() + " must start with SUBMITTED, got " + e.state());
        }
        JsonNode envelope = e.detail("intent");
        Intent intent = IntentJson.fromTree(envelope);
        return new IntentRecord(e.intentId(), intent, envelope, IntentState.SUBMITTED, List.of(e.withoutDetails()),
                null, null, null, null, null, null);
    }

    /** The record after {@code e}; fields present in its details replace the current ones. */
    public IntentRecord apply(IntentEvent e) {
        if (!e.state().allowedFrom().contains(state)) {
            throw new IllegalStateException("intent " + id + ": no transition " + state + " -> " + e.state());
        }
        List<IntentEvent> h = new ArrayList<>(history);
        h.add(e.withoutDetails());
        return new IntentRecord(id, intent, envelope, e.state(), h,
                pick(e, "blueprint", blueprint), pick(e, "decisions", decisions), pick(e, "evidence", evidence),
                pick(e, "paths", paths), pick(e, "conflicts", conflicts), pick(e, "result", result));
    }

    /** The key the client gave. */
    public String key() {
        return intent.key();
    }

    /** The reason of the last transition. */
    public String reason() {
        return history.get(history.size() - 1).reason();
    }

    /** Sequence number of the last event. */
    public long lastSeq() {
        return history.get(history.size() - 1).seq();
    }

    private static JsonNode pick(IntentEvent e, String field, JsonNode current) {
        JsonNode v = e.detail(field);
        return v != null ? v : current;
    }
}
