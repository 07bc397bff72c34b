package io.thalamus.intent.store;

import io.thalamus.intent.lifecycle.IntentEvent;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The durable, ordered log of intent events. */
public interface IntentLog extends AutoCloseable {

    /** Appends an event; the future completes once the log has it durably (e.g. acks=all). */
    CompletableFuture<Void> append(IntentEvent event);

    /** Feeds every event logged so far, in order, to {@code sink}; returns how many. */
    long replay(Consumer<IntentEvent> sink);

    @Override
    void close();
}
