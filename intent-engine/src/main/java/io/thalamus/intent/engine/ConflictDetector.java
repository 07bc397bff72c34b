package io.thalamus.intent.engine;

import io.thalamus.intent.execution.Conflict;
import io.thalamus.intent.model.Comparison;
import io.thalamus.intent.model.Expectation;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.model.IntentType;
import io.thalamus.intent.model.Metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
    private final Map<String, Map<Rate, Set<String>>> connectivityByPair = new HashMap<>();
    private final Map<String, Set<String>> policies = new LinkedHashMap<>();
    private final Map<Expectation, Set<String>> utilizationBounds = new LinkedHashMap<>();

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
                    .computeIfAbsent(Rate.of(c), k -> new LinkedHashSet<>()).add(id);
        } else if (intent.spec() instanceof IntentSpec.RoutingPolicy p) {
            policies.computeIfAbsent(p.policy(), k -> new LinkedHashSet<>()).add(id);
        }
        for (Expectation e : intent.expectations()) {
            if (e.metric() == Metric.MAX_LINK_UTILIZATION) {
                utilizationBounds.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(id);
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
            Map<Rate, Set<String>> rates = connectivityByPair.get(pair(c));
            if (rates != null) {
                removeFrom(rates, Rate.of(c), id);
                if (rates.isEmpty()) {
                    connectivityByPair.remove(pair(c));
                }
            }
        } else if (a.spec() instanceof IntentSpec.RoutingPolicy p) {
            removeFrom(policies, p.policy(), id);
        }
        for (Expectation e : a.expectations()) {
            if (e.metric() == Metric.MAX_LINK_UTILIZATION) {
                removeFrom(utilizationBounds, e, id);
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
                    for (String id : ids) {
                        if (!id.equals(candidateId)) {
                            out.add(new Conflict(id, active.get(id).key(), "contradiction", "routing policy '" + b
                                    + "' is installed network-wide; this intent asks for '" + a + "' (withdraw one first)"));
                        }
                    }
                }
            });
        }
        if (candidate.spec() instanceof IntentSpec.Connectivity a) {
            Rate mine = Rate.of(a);
            connectivityByPair.getOrDefault(pair(a), Map.of()).forEach((rate, ids) -> {
                if (rate.bandwidthBps() == mine.bandwidthBps() && Objects.equals(rate.maxDelayMs(), mine.maxDelayMs())) {
                    return;
                }
                for (String id : ids) {
                    IntentSpec.Connectivity b = (IntentSpec.Connectivity) active.get(id).spec();
                    if (!id.equals(candidateId)) {
                        out.add(new Conflict(id, active.get(id).key(), "contradiction", "already connects " + b.source()
                                + "→" + b.destination() + " at " + b.bandwidthBps() + " bit/s" + (b.maxDelayMs() == null
                                ? "" : " within " + b.maxDelayMs() + " ms") + "; this intent asks " + a.bandwidthBps()
                                + " bit/s" + (a.maxDelayMs() == null ? "" : " within " + a.maxDelayMs() + " ms")));
                    }
                }
            });
        }
        for (Expectation e : candidate.expectations()) {
            if (e.metric() != Metric.MAX_LINK_UTILIZATION) {
                continue;
            }
            utilizationBounds.forEach((f, ids) -> {
                if (disjoint(e, f)) {
                    for (String id : ids) {
                        if (!id.equals(candidateId)) {
                            out.add(new Conflict(id, active.get(id).key(), "contradiction", "expects " + f
                                    + " network-wide, which cannot hold together with " + e));
                        }
                    }
                }
            });
        }
        return out;
    }

    private static String pair(IntentSpec.Connectivity c) {
        return c.source() + '\u0000' + c.destination();
    }

    private static <K> void removeFrom(Map<K, Set<String>> index, K key, String id) {
        Set<String> ids = index.get(key);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
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
