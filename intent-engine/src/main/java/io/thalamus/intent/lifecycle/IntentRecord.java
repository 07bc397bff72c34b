package io.thalamus.intent.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.validation.IntentJson;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything known about one intent, folded from its events: state, history, and the latest blueprint,
 * model decisions, twin evidence, installed paths, conflicts and result. Immutable; {@link #apply} makes the next one.
 * The JSON fields are held as their {@link CompactJson} text, without the wrapper (a store keeps well over 100,000
 * intents in memory, and as
 * Jackson trees they cost about ten times as much and kept the young collections busy copying them); each accessor
 * parses its field on demand and returns a fresh tree.
 */
public final class IntentRecord {

    /** Fields of an event's details that the record keeps (the latest one wins). */
    public static final List<String> FIELDS = List.of("blueprint", "decisions", "evidence", "paths", "conflicts", "result");

    private final String id;
    private final Intent intent;
    /** The envelope's compact UTF-8 JSON text. */
    private final byte[] envelope;
    private final IntentState state;
    /**
     * The history as two arrays instead of an event, an instant and a list node per transition: per event
     * {@code i}, {@code times[3i]} is its seq shifted left by 8 bits with its state's ordinal in the low 8 bits,
     * {@code times[3i + 1]} its epoch second and {@code times[3i + 2]} its nano of second; {@code reasons[i]} its reason.
     */
    private final long[] times;
    private final String[] reasons;
    /**
     * Indexed like {@link #FIELDS}: each field's compact UTF-8 JSON text (the very array of a shared {@link CompactJson},
     * so values the store shares stay shared); null where no event carried the field yet.
     */
    private final byte[][] fields;

    private static final IntentState[] STATES = IntentState.values();

    private IntentRecord(String id, Intent intent, byte[] envelope, IntentState state, long[] times, String[] reasons,
                         byte[][] fields) {
        this.id = Objects.requireNonNull(id, "id");
        this.intent = Objects.requireNonNull(intent, "intent");
        this.envelope = envelope;
        this.state = Objects.requireNonNull(state, "state");
        this.times = times;
        this.reasons = reasons;
        this.fields = fields;
    }

    /** {@code times, reasons} with {@code e} appended (fresh arrays; the given ones are never changed). */
    private static IntentRecord withEvent(String id, Intent intent, byte[] envelope, long[] times, String[] reasons,
                                          IntentEvent e, byte[][] fields) {
        int n = reasons.length;
        if (e.seq() < 0 || e.seq() > (Long.MAX_VALUE >> 8)) {
            throw new IllegalArgumentException("intent " + id + ": seq " + e.seq() + " out of range");
        }
        long[] t = Arrays.copyOf(times, 3 * (n + 1));
        t[3 * n] = e.seq() << 8 | e.state().ordinal();
        t[3 * n + 1] = e.time().getEpochSecond();
        t[3 * n + 2] = e.time().getNano();
        String[] rs = Arrays.copyOf(reasons, n + 1);
        rs[n] = e.reason();
        return new IntentRecord(id, intent, envelope, e.state(), t, rs, fields);
    }

    // the history keeps each transition's seq, time, state and reason; what its details carried lives in the fields

    /** The record a SUBMITTED event starts (the intent is parsed from its details). */
    public static IntentRecord submitted(IntentEvent e) {
        JsonNode tree = e.detail("intent");
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("intent " + e.intentId() + ": SUBMITTED event without the intent");
        }
        return submitted(e, IntentJson.fromTree(tree), CompactJson.of(tree));
    }

    /** The record a SUBMITTED event starts, given the intent it carries already parsed and compacted. */
    public static IntentRecord submitted(IntentEvent e, Intent intent, CompactJson envelope) {
        if (e.state() != IntentState.SUBMITTED) {
            throw new IllegalArgumentException("intent " + e.intentId() + " must start with SUBMITTED, got " + e.state());
        }
        return withEvent(e.intentId(), intent, envelope.utf8(), new long[0], new String[0], e, new byte[FIELDS.size()][]);
    }

    /** The record after {@code e}; fields present in its details replace the current ones. */
    public IntentRecord apply(IntentEvent e) {
        return apply(e, compact(e.details()));
    }

    /**
     * The record after {@code e}, whose details are given already compacted ({@code values}, by field name; the
     * fields of {@link #FIELDS} among them replace the current ones).
     */
    public IntentRecord apply(IntentEvent e, Map<String, CompactJson> values) {
        if (!e.state().allowedFrom().contains(state)) {
            throw new IllegalStateException("intent " + id + ": no transition " + state + " -> " + e.state());
        }
        byte[][] next = fields.clone();
        for (int i = 0; i < next.length; i++) {
            CompactJson v = values.get(FIELDS.get(i));
            if (v != null) {
                next[i] = v.utf8();
            }
        }
        return withEvent(id, intent, envelope, times, reasons, e, next);
    }

    /** This record holding {@code equal} instead of its intent (an equal value: a store shares parts of intents alike). */
    public IntentRecord withIntent(Intent equal) {
        if (!equal.equals(intent)) {
            throw new IllegalArgumentException("intent " + id + ": not the same intent");
        }
        return new IntentRecord(id, equal, envelope, state, times, reasons, fields);
    }

    /** Each field of {@code details} compacted, in order. */
    public static Map<String, CompactJson> compact(ObjectNode details) {
        Map<String, CompactJson> out = new LinkedHashMap<>();
        details.fields().forEachRemaining(f -> out.put(f.getKey(), CompactJson.of(f.getValue())));
        return out;
    }

    /** The intent's id. */
    public String id() {
        return id;
    }

    /** The validated intent. */
    public Intent intent() {
        return intent;
    }

    /** The intent as submitted (normalised JSON envelope). */
    public JsonNode envelope() {
        return CompactJson.parse(envelope);
    }

    /** The current state. */
    public IntentState state() {
        return state;
    }

    /** Every transition so far (time, state, reason; without details), oldest first: a view made on each call. */
    public List<IntentEvent> history() {
        return new AbstractList<>() {
            @Override
            public IntentEvent get(int i) {
                return event(i);
            }

            @Override
            public int size() {
                return reasons.length;
            }
        };
    }

    /** The {@code i}-th transition (0 = SUBMITTED), without details. */
    public IntentEvent event(int i) {
        Objects.checkIndex(i, reasons.length);
        return IntentEvent.lean(id, times[3 * i] >>> 8, Instant.ofEpochSecond(times[3 * i + 1], times[3 * i + 2]),
                STATES[(int) (times[3 * i] & 0xff)], reasons[i]);
    }

    /** How many transitions there were (1 = only SUBMITTED). */
    public int transitions() {
        return reasons.length;
    }

    /** The latest blueprint, or null. */
    public JsonNode blueprint() {
        return field(0);
    }

    /** The latest model decisions, or null. */
    public JsonNode decisions() {
        return field(1);
    }

    /** The latest twin evidence, or null. */
    public JsonNode evidence() {
        return field(2);
    }

    /** The installed (or planned) paths, or null. */
    public JsonNode paths() {
        return field(3);
    }

    /** The latest conflicts, or null. */
    public JsonNode conflicts() {
        return field(4);
    }

    /** The result of an analysis intent, or null. */
    public JsonNode result() {
        return field(5);
    }

    /** Whether the record holds installed or planned paths. */
    public boolean hasPaths() {
        return fields[3] != null;
    }

    private JsonNode field(int i) {
        return fields[i] == null ? null : CompactJson.parse(fields[i]);
    }

    /** The key the client gave. */
    public String key() {
        return intent.key();
    }

    /** The reason of the last transition. */
    public String reason() {
        return reasons[reasons.length - 1];
    }

    /** Sequence number of the last event. */
    public long lastSeq() {
        return times[3 * (reasons.length - 1)] >>> 8;
    }

    @Override
    public String toString() {
        return "IntentRecord[" + id + " " + key() + " " + state + "]";
    }
}
