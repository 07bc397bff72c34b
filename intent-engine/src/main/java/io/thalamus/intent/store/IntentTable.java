package io.thalamus.intent.store;

import io.thalamus.intent.lifecycle.IntentRecord;
import io.thalamus.intent.lifecycle.IntentState;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The store's intents numbered in submission order, with lookups by id and by key and a set per state, laid out
 * for a heap that keeps growing by thousands of intents a second: the records sit in fixed-size chunks indexed by
 * number (new and changed intents touch only the chunk at the end), and the id/key lookups and the state sets hold
 * numbers in primitive arrays (open-addressing {@code int} tables, bit sets). Hash maps of node objects here made
 * every young collection rescan their whole tables, which had moved to the old generation and were written all over
 * by each new intent. Not thread-safe: {@link IntentStore} guards it with one lock.
 */
final class IntentTable {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MIN_TABLE = 1 << 10;

    private IntentRecord[][] chunks = new IntentRecord[16][];
    private int size;
    /** Open addressing, linear probing: slot holds number + 1, 0 = empty. At most half full. */
    private int[] byId = new int[MIN_TABLE];
    private int[] byKey = new int[MIN_TABLE];
    private int keyed;
    private final BitSet[] inState = new BitSet[IntentState.values().length];
    private final int[] counts = new int[IntentState.values().length];

    IntentTable() {
        for (int i = 0; i < inState.length; i++) {
            inState[i] = new BitSet();
        }
    }

    /** How many intents there are. */
    int size() {
        return size;
    }

    /** The record numbered {@code n} (0 = the first submitted). */
    IntentRecord get(int n) {
        return chunks[n >>> CHUNK_BITS][n & (CHUNK - 1)];
    }

    /** The number of the intent with this id, or -1. */
    int numberOfId(String id) {
        return find(byId, id, true);
    }

    /** The number of the intent first submitted with this key, or -1. */
    int numberOfKey(String key) {
        return find(byKey, key, false);
    }

    /**
     * Adds a new intent (its id must be new); it becomes the key's intent unless the key already has one.
     * @return its number
     */
    int add(IntentRecord r) {
        int n = size;
        int c = n >>> CHUNK_BITS;
        if (c == chunks.length) {
            chunks = java.util.Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new IntentRecord[CHUNK];
        }
        chunks[c][n & (CHUNK - 1)] = r;
        size++;
        if (2 * (size + 1) > byId.length) {
            byId = rehash(byId, true);
        }
        insert(byId, r.id(), n);
        if (numberOfKey(r.key()) < 0) {
            keyed++;
            if (2 * (keyed + 1) > byKey.length) {
                byKey = rehash(byKey, false);
            }
            insert(byKey, r.key(), n);
        }
        inState[r.state().ordinal()].set(n);
        counts[r.state().ordinal()]++;
        return n;
    }

    /** Replaces the record numbered {@code n} by its next version (same id), moving it between state sets. */
    void replace(int n, IntentRecord next) {
        IntentRecord before = get(n);
        chunks[n >>> CHUNK_BITS][n & (CHUNK - 1)] = next;
        if (before.state() != next.state()) {
            inState[before.state().ordinal()].clear(n);
            counts[before.state().ordinal()]--;
            inState[next.state().ordinal()].set(n);
            counts[next.state().ordinal()]++;
        }
    }

    /** How many intents are in {@code state}. */
    int count(IntentState state) {
        return counts[state.ordinal()];
    }

    /** The intents in {@code state} (null: all), in submission order. */
    List<IntentRecord> list(IntentState state) {
        List<IntentRecord> out = new ArrayList<>(state == null ? size : count(state));
        if (state == null) {
            for (int n = 0; n < size; n++) {
                out.add(get(n));
            }
        } else {
            BitSet s = inState[state.ordinal()];
            for (int n = s.nextSetBit(0); n >= 0; n = s.nextSetBit(n + 1)) {
                out.add(get(n));
            }
        }
        return out;
    }

    /** The earliest submitted intent in {@code state}, or null. */
    IntentRecord first(IntentState state) {
        int n = inState[state.ordinal()].nextSetBit(0);
        return n < 0 ? null : get(n);
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int find(int[] table, String s, boolean id) {
        int mask = table.length - 1;
        for (int i = spread(s.hashCode()) & mask; ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                return -1;
            }
            IntentRecord r = get(v - 1);
            if ((id ? r.id() : r.key()).equals(s)) {
                return v - 1;
            }
        }
    }

    private static void insert(int[] table, String s, int n) {
        int mask = table.length - 1;
        int i = spread(s.hashCode()) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = n + 1;
    }

    private int[] rehash(int[] table, boolean id) {
        int[] bigger = new int[table.length * 2];
        for (int v : table) {
            if (v != 0) {
                IntentRecord r = get(v - 1);
                insert(bigger, id ? r.id() : r.key(), v - 1);
            }
        }
        return bigger;
    }
}
