package io.thalamus.intent.engine;

import io.thalamus.intent.execution.Conflict;
import io.thalamus.intent.model.Comparison;
import io.thalamus.intent.model.Expectation;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.model.IntentType;
import io.thalamus.intent.model.Metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds intents that contradict a new one before anything runs: two routing policies that disagree, two
 * connectivity intents for the same endpoints with different rates or delay bounds, and network-wide
 * expectations that cannot both hold (e.g. max-link-utilization &lt;= 0.5 against &gt;= 0.7). Capacity conflicts
 * (not fitting together) are found by the admission and what-if tasks, which name the intents holding the link.
 * <p>
 * It keeps an index of the active ({@code INSTALLED}) intents, by endpoint pair, by routing policy and by
 * distinct network-wide expectation, so a check costs the size of those groups, not the number of installed
 * intents (the engine feeds it every change of an intent's state). Thread-safe.
 */
public final class ConflictDetector {

    /** What two connectivity intents of one endpoint pair must agree on. */
    private record Rate(double bandwidthBps, Double maxDelayMs) {
        static Rate of(IntentSpec.Connectivity c) {
            return new Rate(c.bandwidthBps(), c.maxDelayMs());
        }
    }

    /** Active intents by id (the intent carries its key; an intent never changes for an id). */
    private final Map<String, Intent> active = new HashMap<>();
    /** Endpoint pair → (rate, delay bound) → ids: a check visits the other rates of its pair, not every intent. */
    private final Map<String, Map<Rate, Group>> connectivityByPair = new HashMap<>();
    private final Map<String, Group> policies = new LinkedHashMap<>();
    private final Map<Expectation, Group> utilizationBounds = new LinkedHashMap<>();

    /**
     * The active ids of one group (an endpoint pair's rate, a policy, a utilisation bound) in activation order. It is
     * append-only: an activation writes the end of an array, where a hash set wrote a random slot of a table that, for
     * a group of 100,000 intents, sits in the old generation and had to be rescanned by every young collection.
     * An id that left is skipped while reading (it is no longer in {@link #active}; an id's intent, hence its groups,
     * never changes) and dropped once such ids outnumber the live ones. Guarded by the detector's lock.
     */
    private final class Group {
        private String[] ids = new String[4];
        private int size;
        private int live;
        /** Deactivations since the last compaction: while non-zero, an id may be listed twice (left, then back). */
        private int stale;

        void add(String id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
            live++;
        }

        /** One of the ids left; returns whether the group is now empty. */
        boolean removed() {
            live--;
            stale++;
            if (stale > 16 && stale > live) {
                compact();
            }
            return live == 0;
        }

        void forEach(Consumer<String> action) {
            if (stale == 0) {
                for (int i = 0; i < size; i++) {
                    action.accept(ids[i]);
                }
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < size; i++) {
                if (active.containsKey(ids[i]) && seen.add(ids[i])) {
                    action.accept(ids[i]);
                }
            }
        }

        private void compact() {
            List<String> kept = new ArrayList<>(live);
            forEach(kept::add);
            ids = kept.toArray(new String[Math.max(4, kept.size())]);
            size = kept.size();
            live = size;
            stale = 0;
        }
    }

    /**
     * Records that {@code id} is active (INSTALLED); a second call for the same id is ignored. {@code key} is the
     * intent's own key.
     */
    public synchronized void activated(String id, String key, Intent intent) {
        if (!intent.key().equals(key)) {
            throw new IllegalArgumentException("intent " + id + ": key " + key + " is not the intent's key " + intent.key());
        }
        if (active.putIfAbsent(id, intent) != null) {
            return;
        }
        if (intent.spec() instanceof IntentSpec.Connectivity c) {
            connectivityByPair.computeIfAbsent(pair(c), k -> new LinkedHashMap<>())
                    .computeIfAbsent(Rate.of(c), k -> new Group()).add(id);
        } else if (intent.spec() instanceof IntentSpec.RoutingPolicy p) {
            policies.computeIfAbsent(p.policy(), k -> new Group()).add(id);
        }
        for (Expectation e : new LinkedHashSet<>(intent.expectations())) {
            if (e.metric() == Metric.MAX_LINK_UTILIZATION) {
                utilizationBounds.computeIfAbsent(e, k -> new Group()).add(id);
            }
        }
    }

    /** Records that {@code id} is no longer active; unknown ids are ignored. */
    public synchronized void deactivated(String id) {
        Intent a = active.remove(id);
        if (a == null) {
            return;
        }
        if (a.spec() instanceof IntentSpec.Connectivity c) {
            Map<Rate, Group> rates = connectivityByPair.get(pair(c));
            if (rates != null) {
                removeFrom(rates, Rate.of(c));
                if (rates.isEmpty()) {
                    connectivityByPair.remove(pair(c));
                }
            }
        } else if (a.spec() instanceof IntentSpec.RoutingPolicy p) {
            removeFrom(policies, p.policy());
        }
        for (Expectation e : new LinkedHashSet<>(a.expectations())) {
            if (e.metric() == Metric.MAX_LINK_UTILIZATION) {
                removeFrom(utilizationBounds, e);
            }
        }
    }

    /** How many intents the index holds as active. */
    public synchronized int activeCount() {
        return active.size();
    }

    /** Conflicts of {@code candidate} with the active intents other than {@code candidateId} itself. */
    public synchronized List<Conflict> check(String candidateId, Intent candidate) {
        List<Conflict> out = new ArrayList<>();
        if (candidate.type() == IntentType.ROUTING_POLICY) {
            String a = ((IntentSpec.RoutingPolicy) candidate.spec()).policy();
            policies.forEach((b, ids) -> {
                if (!a.equals(b)) {
                    ids.forEach(id -> {
                        if (!id.equals(candidateId)) {
                            out.add(new Conflict(id, active.get(id).key(), "contradiction", "routing policy '" + b
                                    + "' is installed network-wide; this intent asks for '" + a + "' (withdraw one first)"));
                        }
                    });
                }
            });
        }
        if (candidate.spec() instanceof IntentSpec.Connectivity a) {
            Rate mine = Rate.of(a);
            connectivityByPair.getOrDefault(pair(a), Map.of()).forEach((rate, ids) -> {
                if (rate.bandwidthBps() == mine.bandwidthBps() && Objects.equals(rate.maxDelayMs(), mine.maxDelayMs())) {
                    return;
                }
                ids.forEach(id -> {
                    IntentSpec.Connectivity b = (IntentSpec.Connectivity) active.get(id).spec();
                    if (!id.equals(candidateId)) {
                        out.add(new Conflict(id, active.get(id).key(), "contradiction", "already connects " + b.source()
                                + "→" + b.destination() + " at " + b.bandwidthBps() + " bit/s" + (b.maxDelayMs() == null
                                ? "" : " within " + b.maxDelayMs() + " ms") + "; this intent asks " + a.bandwidthBps()
                                + " bit/s" + (a.maxDelayMs() == null ? "" : " within " + a.maxDelayMs() + " ms")));
                    }
                });
            });
        }
        for (Expectation e : candidate.expectations()) {
            if (e.metric() != Metric.MAX_LINK_UTILIZATION) {
                continue;
            }
            utilizationBounds.forEach((f, ids) -> {
                if (disjoint(e, f)) {
                    ids.forEach(id -> {
                        if (!id.equals(candidateId)) {
                            out.add(new Conflict(id, active.get(id).key(), "contradiction", "expects " + f
                                    + " network-wide, which cannot hold together with " + e));
                        }
                    });
                }
            });
        }
        return out;
    }

    private static String pair(IntentSpec.Connectivity c) {
        return c.source() + '\u0000' + c.destination();
    }

    /** One active id of the group under {@code key} left (it is already out of {@link #active}). */
    private static <K> void removeFrom(Map<K, Group> index, K key) {
        Group g = index.get(key);
        if (g != null && g.removed()) {
            index.remove(key);
        }
    }

    /** Whether no value satisfies both expectations on the same metric. */
    static boolean disjoint(Expectation a, Expectation b) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        boolean loOpen = false;
        boolean hiOpen = false;
        for (Expectation e : new Expectation[] {a, b}) {
            Comparison op = e.op();
            double t = e.target();
            if (op == Comparison.GE || op == Comparison.GT || op == Comparison.EQ) {
                if (t > lo || t == lo && op == Comparison.GT) {
                    lo = t;
                    loOpen = op == Comparison.GT;
                }
            }
            if (op == Comparison.LE || op == Comparison.LT || op == Comparison.EQ) {
                if (t < hi || t == hi && op == Comparison.LT) {
                    hi = t;
                    hiOpen = op == Comparison.LT;
                }
            }
        }
        return lo > hi || lo == hi && (loOpen || hiOpen);
    }
}
