package io.thalamus.intent.store;

import io.thalamus.intent.lifecycle.IntentRecord;

import java.util.List;

/** One page of intents matching a query, with the total count of matches. */
public record IntentPage(List<IntentRecord> items, int total, int offset, int limit) {

    public IntentPage {
        items = List.copyOf(items);
    }
}
