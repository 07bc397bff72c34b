package io.thalamus.intent.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;

/**
 * One lifecycle transition of one intent: the durable log is a sequence of these.
 *
 * @param intentId the intent
 * @param seq      1 for SUBMITTED, then +1 per transition of that intent
 * @param time     when it happened
 * @param state    the state entered
 * @param reason   why, in a sentence
 * @param details  what the transition produced (the intent at SUBMITTED; blueprint, model decisions,
 *                 evidence, installed paths or a result later); never null
 */
public record IntentEvent(String intentId, long seq, Instant time, IntentState state, String reason,
                          ObjectNode details) {

    public IntentEvent {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        details = details == null ? JsonNodeFactory.instance.objectNode() : details;
    }

    private static final ObjectNode NO_DETAILS = JsonNodeFactory.instance.objectNode();

    /** This event without its details (what a record's history keeps; the details live in the record's fields). */
    public IntentEvent withoutDetails() {
        return details == NO_DETAILS ? this : new IntentEvent(intentId, seq, time, state, reason, NO_DETAILS);
    }

    /** An event without details, as a record's history gives it back. */
    static IntentEvent lean(String intentId, long seq, Instant time, IntentState state, String reason) {
        return new IntentEvent(intentId, seq, time, state, reason, NO_DETAILS);
    }

    /** The detail field, or null. */
    public JsonNode detail(String field) {
        return details.get(field);
    }
}
