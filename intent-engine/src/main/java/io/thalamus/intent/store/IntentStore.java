package io.thalamus.intent.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.lifecycle.IntentEvent;
import io.thalamus.intent.lifecycle.IntentRecord;
import io.thalamus.intent.lifecycle.IntentState;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentType;
import io.thalamus.intent.validation.IntentJson;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The current state of every intent, kept in memory and made durable by an {@link IntentLog}: every
 * transition is an event in the log, and {@link #rebuild} folds the log back into the same state.
 * A submit completes only after the log acknowledged the SUBMITTED event; a second submit with the
 * same key returns the first intent.
 */
public final class IntentStore {

    private final IntentLog log;
    private final Clock clock;
    private final Map<String, IntentRecord> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByKey = new ConcurrentHashMap<>();
    private final Map<String, Long> order = new ConcurrentHashMap<>();
    private final AtomicLong submitted = new AtomicLong();

    public IntentStore(IntentLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Folds every logged event into memory; returns how many events were read. Call once, before serving. */
    public long rebuild() {
        return log.replay(e -> {
            if (e.state() == IntentState.SUBMITTED) {
                IntentRecord r = IntentRecord.submitted(e);
                if (byId.putIfAbsent(r.id(), r) == null) {
                    idByKey.putIfAbsent(r.key(), r.id());
                    order.put(r.id(), submitted.incrementAndGet());
                }
            } else {
                byId.computeIfPresent(e.intentId(), (id, r) -> e.seq() > r.lastSeq() ? r.apply(e) : r);
            }
        });
    }

    /**
     * Logs a new intent as SUBMITTED, or returns the existing one when its key was seen. The future
     * completes once the event is durable, and fails (leaving nothing behind) when the log refuses it.
     */
    public CompletableFuture<Submission> submit(String id, Intent intent) {
        String existing = idByKey.putIfAbsent(intent.key(), id);
        if (existing != null) {
            IntentRecord r = byId.get(existing);
            if (r != null) {
                return CompletableFuture.completedFuture(new Submission(r, false));
            }
            // the first submit of this key is still on its way to the log: answer when it lands
            return awaitRecord(existing);
        }
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.set("intent", IntentJson.toTree(intent));
        IntentEvent event = new IntentEvent(id, 1, clock.instant(), IntentState.SUBMITTED, "accepted", details);
        return log.append(event).handle((ok, ex) -> {
            if (ex != null) {
                idByKey.remove(intent.key(), id);
                throw new IllegalStateException("the intent log did not acknowledge the intent: " + ex.getMessage(), ex);
            }
            IntentRecord r = IntentRecord.submitted(event);
            order.put(id, submitted.incrementAndGet());
            byId.put(id, r);
            return new Submission(r, true);
        });
    }

    private CompletableFuture<Submission> awaitRecord(String id) {
        return CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < 3000; i++) {
                IntentRecord r = byId.get(id);
                if (r != null) {
                    return new Submission(r, false);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new IllegalStateException("intent " + id + " with the same key was not confirmed by the log");
        });
    }

    /**
     * Moves an intent to {@code state}, records the event in memory now and appends it to the log.
     * @return the future of the log append
     * @throws IllegalStateException when the transition is not allowed from the current state
     */
    public CompletableFuture<Void> transition(String id, IntentState state, String reason, ObjectNode details) {
        IntentEvent[] made = new IntentEvent[1];
        byId.compute(id, (k, r) -> {
            if (r == null) {
                throw new IllegalArgumentException("no intent " + id);
            }
            IntentEvent e = new IntentEvent(id, r.lastSeq() + 1, clock.instant(), state, reason, details);
            IntentRecord next = r.apply(e);
            made[0] = e;
            return next;
        });
        return log.append(made[0]);
    }

    /** The intent with this id. */
    public Optional<IntentRecord> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The intent submitted with this key. */
    public Optional<IntentRecord> byKey(String key) {
        String id = idByKey.get(key);
        return id == null ? Optional.empty() : get(id);
    }

    /** Every intent, oldest first. */
    public List<IntentRecord> all() {
        List<IntentRecord> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparingLong(r -> order.getOrDefault(r.id(), Long.MAX_VALUE)));
        return list;
    }

    /** Intents in {@code state} (null: any) of {@code type} (null: any), oldest first, one page. */
    public IntentPage list(IntentState state, IntentType type, int offset, int limit) {
        Predicate<IntentRecord> match = r -> (state == null || r.state() == state)
                && (type == null || r.intent().type() == type);
        List<IntentRecord> all = all().stream().filter(match).toList();
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new IntentPage(all.subList(from, to), all.size(), offset, limit);
    }

    /** How many intents there are. */
    public int size() {
        return byId.size();
    }
}
