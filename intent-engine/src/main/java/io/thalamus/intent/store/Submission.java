package io.thalamus.intent.store;

import io.thalamus.intent.lifecycle.IntentRecord;

/** The answer to a submit: the intent's record, and whether it is new or an existing one with the same key. */
public record Submission(IntentRecord record, boolean created) {
}
