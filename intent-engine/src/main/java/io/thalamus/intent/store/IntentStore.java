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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current state of every intent, kept in memory and made durable by an {@link IntentLog}: every
 * transition is an event in the log, and {@link #rebuild} folds the log back into the same state.
 * A submit completes only after the log acknowledged the SUBMITTED event; a second submit with the
 * same key returns the first intent.
 */
public final class IntentStore {

    private final IntentLog log;
    private final Clock clock;
    /** Every intent, by submission number, id and key, and by state; guarded by its own monitor. */
    private final IntentTable table = new IntentTable();
    /** Keys whose SUBMITTED event is on its way to the log, with the id it will have (guarded by {@link #table}). */
    private final Map<String, String> pendingKeys = new java.util.HashMap<>();
    private final List<StateListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * Shared copies of values many intents repeat (blueprints and model decisions of intents alike, reasons, specs,
     * expectations), so the
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
        for (StateListener l : listeners) {
            l.changed(now, from);
        }
    }

    /** Folds every logged event into memory; returns how many events were read. Call once, before serving. */
    public long rebuild() {
        return log.replay(e -> {
            if (e.state() == IntentState.SUBMITTED) {
                IntentRecord parsed = IntentRecord.submitted(e);
                IntentRecord r = parsed.withIntent(lean(parsed.intent()));
                boolean added;
                synchronized (table) {
                    added = table.numberOfId(r.id()) < 0;
                    if (added) {
                        table.add(r);
                    }
                }
                if (added) {
                    moved(r, null);
                }
            } else {
                IntentRecord before;
                IntentRecord after = null;
                synchronized (table) {
                    int n = table.numberOfId(e.intentId());
                    before = n < 0 ? null : table.get(n);
                    if (before != null && e.seq() > before.lastSeq()) {
                        IntentEvent lean = new IntentEvent(e.intentId(), e.seq(), e.time(), e.state(), share(e.reason()), null);
                        after = before.apply(lean, compact(e.details()));
                        table.replace(n, after);
                    }
                }
                if (after != null) {
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
        String pendingId;
        synchronized (table) {
            int n = table.numberOfKey(intent.key());
            if (n >= 0) {
                return CompletableFuture.completedFuture(new Submission(table.get(n), false));
            }
            pendingId = pendingKeys.putIfAbsent(intent.key(), id);
        }
        if (pendingId != null) {
            // the first submit of this key is still on its way to the log: answer when it lands
            return awaitRecord(pendingId);
        }
        // the intent is serialised once: the compact text is what the record keeps and what the log writes
        CompactJson envelope = CompactJson.of(IntentJson.toTree(intent));
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.set("intent", envelope.raw());
        IntentEvent event = new IntentEvent(id, 1, clock.instant(), IntentState.SUBMITTED, "accepted", details);
        return log.append(event).handle((ok, ex) -> {
            if (ex != null) {
                synchronized (table) {
                    pendingKeys.remove(intent.key(), id);
                }
                throw new IllegalStateException("the intent log did not acknowledge the intent: " + ex.getMessage(), ex);
            }
            IntentRecord r = IntentRecord.submitted(event, lean(intent), envelope);
            synchronized (table) {
                table.add(r);
                pendingKeys.remove(intent.key(), id);
            }
            moved(r, null);
            return new Submission(r, true);
        });
    }

    private CompletableFuture<Submission> awaitRecord(String id) {
        return CompletableFuture.supplyAsync(() -> {
            for (int i = 0; i < 3000; i++) {
                IntentRecord r = get(id).orElse(null);
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
        IntentEvent made;
        IntentState from;
        IntentRecord after;
        synchronized (table) {
            int n = table.numberOfId(id);
            if (n < 0) {
                throw new IllegalArgumentException("no intent " + id);
            }
            IntentRecord r = table.get(n);
            made = new IntentEvent(id, r.lastSeq() + 1, clock.instant(), state, why, logged);
            after = r.apply(made, values);
            from = r.state();
            table.replace(n, after);
        }
        moved(after, from);
        return log.append(made);
    }

    /** {@link IntentRecord#compact}, with the fields that repeat between intents replaced by their shared copies. */
    private Map<String, CompactJson> compact(ObjectNode details) {
        Map<String, CompactJson> out = IntentRecord.compact(details);
        out.replaceAll((field, value) -> SHAREABLE.contains(field) ? share(value) : value);
        return out;
    }

    /**
     * {@code intent} with its spec, expectations and flags replaced by the shared copies of equal ones: intents
     * between the same endpoints at the same rate, under the same expectations, then hold one spec (and its node
     * ids), one expectation list and one flags value between them.
     */
    private Intent lean(Intent intent) {
        return new Intent(intent.key(), intent.type(), intent.priority(), share(intent.spec()),
                share(intent.expectations()), share(intent.flags()), intent.mode());
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
        synchronized (table) {
            int n = table.numberOfId(id);
            return n < 0 ? Optional.empty() : Optional.of(table.get(n));
        }
    }

    /** The intent submitted with this key. */
    public Optional<IntentRecord> byKey(String key) {
        synchronized (table) {
            int n = table.numberOfKey(key);
            return n < 0 ? Optional.empty() : Optional.of(table.get(n));
        }
    }

    /** Every intent, oldest first. */
    public List<IntentRecord> all() {
        synchronized (table) {
            return table.list(null);
        }
    }

    /** The intents now in {@code state}, oldest first. */
    public List<IntentRecord> inState(IntentState state) {
        synchronized (table) {
            return table.list(state);
        }
    }

    /** How many intents are in {@code state}. */
    public int count(IntentState state) {
        synchronized (table) {
            return table.count(state);
        }
    }

    /** Intents in {@code state} (null: any) of {@code type} (null: any), oldest first, one page. */
    public IntentPage list(IntentState state, IntentType type, int offset, int limit) {
        if (type == null && offset == 0 && limit == 1 && state != null) {
            // a count query (dashboards and benchmarks poll these): the set's size, and the oldest intent in it
            synchronized (table) {
                IntentRecord r = table.first(state);
                return new IntentPage(r == null ? List.of() : List.of(r), table.count(state), offset, limit);
            }
        }
        List<IntentRecord> candidates = state == null ? all() : inState(state);
        List<IntentRecord> all = type == null ? candidates
                : candidates.stream().filter(r -> r.intent().type() == type).toList();
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new IntentPage(all.subList(from, to), all.size(), offset, limit);
    }

    /** How many intents there are. */
    public int size() {
        synchronized (table) {
            return table.size();
        }
    }
}
