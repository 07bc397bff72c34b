package io.thalamus.intent.engine;

import io.thalamus.intent.execution.Conflict;
import io.thalamus.intent.model.Comparison;
import io.thalamus.intent.model.Expectation;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.model.IntentType;
import io.thalamus.intent.model.Metric;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The conflict index: what it names, and that it forgets intents that are no longer active. */
class ConflictDetectorTest {

    private static Intent connectivity(String key, String src, String dst, double bps, Expectation... e) {
        return new Intent(key, IntentType.CONNECTIVITY, 1, new IntentSpec.Connectivity(src, dst, bps, null),
                List.of(e), null, null);
    }

    private static Intent policy(String key, String name) {
        return new Intent(key, IntentType.ROUTING_POLICY, 1, new IntentSpec.RoutingPolicy(name), List.of(), null, null);
    }

    private static Expectation util(Comparison op, double target) {
        return new Expectation(Metric.MAX_LINK_UTILIZATION, op, target);
    }

    @Test
    void samePairAtAnotherRateConflictsAndSameRateDoesNot() {
        ConflictDetector d = new ConflictDetector();
        d.activated("i1", "k1", connectivity("k1", "A", "B", 1e6));
        d.activated("i2", "k2", connectivity("k2", "A", "C", 5e6));
        assertThat(d.check("n", connectivity("n", "A", "B", 1e6))).isEmpty();
        List<Conflict> c = d.check("n", connectivity("n", "A", "B", 2e6));
        assertThat(c).extracting(Conflict::intentId).containsExactly("i1");
        assertThat(c.get(0).key()).isEqualTo("k1");
        // the reverse direction is another pair
        assertThat(d.check("n", connectivity("n", "B", "A", 2e6))).isEmpty();
    }

    @Test
    void disjointUtilisationBoundsNameEveryHolderAndDeactivationForgetsThem() {
        ConflictDetector d = new ConflictDetector();
        d.activated("low1", "l1", connectivity("l1", "A", "B", 1, util(Comparison.LE, 0.5)));
        d.activated("low2", "l2", connectivity("l2", "C", "D", 1, util(Comparison.LE, 0.5)));
        d.activated("mid", "m", connectivity("m", "E", "F", 1, util(Comparison.LE, 0.9)));
        List<Conflict> c = d.check("n", connectivity("n", "G", "H", 1, util(Comparison.GE, 0.7)));
        assertThat(c).extracting(Conflict::intentId).containsExactlyInAnyOrder("low1", "low2");
        // a bound of exactly 0.5 touches "<= 0.5": not disjoint; "> 0.5" is
        assertThat(d.check("n", connectivity("n", "G", "H", 1, util(Comparison.GE, 0.5)))).isEmpty();
        assertThat(d.check("n", connectivity("n", "G", "H", 1, util(Comparison.GT, 0.5)))).hasSize(2);
        d.deactivated("low1");
        d.deactivated("low1");
        assertThat(d.check("n", connectivity("n", "G", "H", 1, util(Comparison.GE, 0.7))))
                .extracting(Conflict::intentId).containsExactly("low2");
        assertThat(d.activeCount()).isEqualTo(2);
    }

    @Test
    void manyActivationsDeactivationsAndReturnsNameEachActiveHolderOnce() {
        // a seeded random walk against a plain map of who is active with which bound: the index (append-only groups,
        // ids that left skipped, duplicates after a return dropped, compaction) must name exactly those, once each
        Random rnd = new Random(2026);
        ConflictDetector d = new ConflictDetector();
        double[] bounds = {0.3, 0.5, 0.9};
        Map<String, Double> truth = new HashMap<>();
        for (int step = 0; step < 5_000; step++) {
            String id = "i" + rnd.nextInt(300);
            double bound = bounds[Math.floorMod(id.hashCode(), bounds.length)];
            if (rnd.nextInt(3) > 0) {
                d.activated(id, "k" + id, connectivity("k" + id, "N" + rnd.nextInt(2), "M", 1, util(Comparison.LE, bound)));
                truth.putIfAbsent(id, bound);
            } else {
                d.deactivated(id);
                truth.remove(id);
            }
            if (step % 50 == 0 || step == 4_999) {
                // ">= 0.6" is disjoint from "<= 0.3" and "<= 0.5", not from "<= 0.9"
                List<String> named = d.check("candidate", connectivity("c", "X", "Y", 1, util(Comparison.GE, 0.6)))
                        .stream().map(Conflict::intentId).toList();
                List<String> want = truth.entrySet().stream().filter(e -> e.getValue() < 0.6).map(Map.Entry::getKey).toList();
                assertThat(named).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(want);
                assertThat(d.activeCount()).isEqualTo(truth.size());
            }
        }
    }

    @Test
    void anotherRoutingPolicyConflictsButNotItself() {
        ConflictDetector d = new ConflictDetector();
        d.activated("p", "pk", policy("pk", "shortest"));
        assertThat(d.check("q", policy("qk", "shortest"))).isEmpty();
        assertThat(d.check("q", policy("qk", "greedy"))).extracting(Conflict::intentId).containsExactly("p");
        // re-planning the installed intent itself never conflicts with its own entry
        assertThat(d.check("p", policy("pk", "greedy"))).isEmpty();
    }
}
