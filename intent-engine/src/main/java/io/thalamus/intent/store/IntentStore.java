package io.thalamus.intent.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.lifecycle.CompactJson;
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
import java.util.Set;
import java.util.EnumMap;
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
    private final Map<IntentState, Set<String>> idsByState = new EnumMap<>(IntentState.class);
    private final List<StateListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * Shared copies of values many intents repeat (blueprints and model decisions of intents alike, reasons), so the
     * store holds each once; bounded, after which new values are simply kept as they are.
     */
    private final Map<Object, Object> shared = new ConcurrentHashMap<>();
    /** Most values {@link #shared} holds. */
    static final int SHARED_MAX = 20_000;
    /** Detail fields worth sharing: the ones that repeat between intents with the same endpoints and flags. */
    private static final Set<String> SHAREABLE = Set.of("blueprint", "decisions");

    public IntentStore(IntentLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        for (IntentState st : IntentState.values()) {
            idsByState.put(st, ConcurrentHashMap.newKeySet());
        }
    }

    /** Told of every change of an intent's state, after it happened (also while the log is replayed). */
    @FunctionalInterface
    public interface StateListener {
        /** {@code now} is the record after the change; {@code before} the state it left (null: new intent). */
        void changed(IntentRecord now, IntentState before);
    }

    /** Registers a listener of state changes; register before {@link #rebuild} to see the replayed ones too. */
    public void listen(StateListener l) {
        listeners.add(l);
    }

    private void moved(IntentRecord now, IntentState from) {
        if (from != null) {
            idsByState.get(from).remove(now.id());
        }
        idsByState.get(now.state()).add(now.id());
        for (StateListener l : listeners) {
            l.changed(now, from);
        }
    }

    /** Folds every logged event into memory; returns how many events were read. Call once, before serving. */
    public long rebuild() {
        return log.replay(e -> {
            if (e.state() == IntentState.SUBMITTED) {
                IntentRecord r = IntentRecord.submitted(e);
                if (byId.putIfAbsent(r.id(), r) == null) {
                    idByKey.putIfAbsent(r.key(), r.id());
                    order.put(r.id(), submitted.incrementAndGet());
                    moved(r, null);
                }
            } else {
                IntentRecord before = byId.get(e.intentId());
                if (before != null && e.seq() > before.lastSeq()) {
                    IntentEvent lean = new IntentEvent(e.intentId(), e.seq(), e.time(), e.state(), share(e.reason()), null);
                    IntentRecord after = before.apply(lean, compact(e.details()));
                    byId.put(after.id(), after);
                    moved(after, before.state());
                }
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
        // the intent is serialised once: the compact text is what the record keeps and what the log writes
        CompactJson envelope = CompactJson.of(IntentJson.toTree(intent));
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.set("intent", envelope.raw());
        IntentEvent event = new IntentEvent(id, 1, clock.instant(), IntentState.SUBMITTED, "accepted", details);
        return log.append(event).handle((ok, ex) -> {
            if (ex != null) {
                idByKey.remove(intent.key(), id);
                throw new IllegalStateException("the intent log did not acknowledge the intent: " + ex.getMessage(), ex);
            }
            IntentRecord r = IntentRecord.submitted(event, intent, envelope);
            order.put(id, submitted.incrementAndGet());
            byId.put(id, r);
            moved(r, null);
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
        // each detail is serialised once, to compact text: the record keeps it, and the log event carries it verbatim
        Map<String, CompactJson> values = details == null ? Map.of() : compact(details);
        ObjectNode logged = JsonNodeFactory.instance.objectNode();
        values.forEach((k, v) -> logged.set(k, v.raw()));
        String why = share(reason == null ? "" : reason);
        IntentEvent[] made = new IntentEvent[1];
        IntentState[] from = new IntentState[1];
        IntentRecord[] after = new IntentRecord[1];
        byId.compute(id, (k, r) -> {
            if (r == null) {
                throw new IllegalArgumentException("no intent " + id);
            }
            IntentEvent e = new IntentEvent(id, r.lastSeq() + 1, clock.instant(), state, why, logged);
            IntentRecord next = r.apply(e, values);
            made[0] = e;
            from[0] = r.state();
            after[0] = next;
            return next;
        });
        moved(after[0], from[0]);
        return log.append(made[0]);
    }

    /** {@link IntentRecord#compact}, with the fields that repeat between intents replaced by their shared copies. */
    private Map<String, CompactJson> compact(ObjectNode details) {
        Map<String, CompactJson> out = IntentRecord.compact(details);
        out.replaceAll((field, value) -> SHAREABLE.contains(field) ? share(value) : value);
        return out;
    }

    /** The shared copy of {@code v} (or {@code v} itself, which becomes the shared one while there is room). */
    @SuppressWarnings("unchecked")
    private <T> T share(T v) {
        Object s = shared.get(v);
        if (s != null) {
            return (T) s;
        }
        if (shared.size() < SHARED_MAX) {
            s = shared.putIfAbsent(v, v);
        }
        return s == null ? v : (T) s;
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

    /** The intents now in {@code state}, in no particular order (cheap: an index, no sort). */
    public List<IntentRecord> inState(IntentState state) {
        List<IntentRecord> out = new ArrayList<>();
        for (String id : idsByState.get(state)) {
            IntentRecord r = byId.get(id);
            if (r != null && r.state() == state) {
                out.add(r);
            }
        }
        return out;
    }

    /** How many intents are in {@code state}. */
    public int count(IntentState state) {
        return idsByState.get(state).size();
    }

    /** Intents in {@code state} (null: any) of {@code type} (null: any), oldest first, one page. */
    public IntentPage list(IntentState state, IntentType type, int offset, int limit) {
        Predicate<IntentRecord> match = r -> (state == null || r.state() == state)
                && (type == null || r.intent().type() == type);
        if (type == null && offset == 0 && limit == 1 && state != null) {
            // a count query (dashboards and benchmarks poll these): the index's size, and the oldest id in it
            String oldest = null;
            long first = Long.MAX_VALUE;
            for (String id : idsByState.get(state)) {
                long o = order.getOrDefault(id, Long.MAX_VALUE);
                if (o < first || oldest == null) {
                    first = o;
                    oldest = id;
                }
            }
            IntentRecord r = oldest == null ? null : byId.get(oldest);
            return new IntentPage(r == null ? List.of() : List.of(r), count(state), offset, limit);
        }
        List<IntentRecord> candidates = state == null ? new ArrayList<>(byId.values()) : inState(state);
        candidates.sort(Comparator.comparingLong(r -> order.getOrDefault(r.id(), Long.MAX_VALUE)));
        List<IntentRecord> all = candidates.stream().filter(match).toList();
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new IntentPage(all.subList(from, to), all.size(), offset, limit);
    }

    /** How many intents there are. */
    public int size() {
        return byId.size();
    }
}
