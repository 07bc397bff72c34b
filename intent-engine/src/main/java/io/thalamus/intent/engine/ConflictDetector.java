package io.thalamus.intent.engine;

import io.thalamus.intent.execution.Conflict;
import io.thalamus.intent.lifecycle.IntentRecord;
import io.thalamus.intent.lifecycle.IntentState;
import io.thalamus.intent.model.Comparison;
import io.thalamus.intent.model.Expectation;
import io.thalamus.intent.model.Intent;
import io.thalamus.intent.model.IntentSpec;
import io.thalamus.intent.model.IntentType;
import io.thalamus.intent.model.Metric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds intents that contradict a new one before anything runs: two routing policies that disagree, two
 * connectivity intents for the same endpoints with different rates or delay bounds, and network-wide
 * expectations that cannot both hold (e.g. max-link-utilization &lt;= 0.5 against &gt;= 0.7). Capacity conflicts
 * (not fitting together) are found by the admission and what-if tasks, which name the intents holding the link.
 */
public final class ConflictDetector {

    /** Conflicts of {@code candidate} with the active ({@code INSTALLED}) intents among {@code others}. */
    public List<Conflict> check(String candidateId, Intent candidate, Collection<IntentRecord> others) {
        List<Conflict> out = new ArrayList<>();
        for (IntentRecord r : others) {
            if (r.id().equals(candidateId) || r.state() != IntentState.INSTALLED) {
                continue;
            }
            Intent o = r.intent();
            if (candidate.type() == IntentType.ROUTING_POLICY && o.type() == IntentType.ROUTING_POLICY) {
                String a = ((IntentSpec.RoutingPolicy) candidate.spec()).policy();
                String b = ((IntentSpec.RoutingPolicy) o.spec()).policy();
                if (!a.equals(b)) {
                    out.add(new Conflict(r.id(), r.key(), "contradiction", "routing policy '" + b
                            + "' is installed network-wide; this intent asks for '" + a + "' (withdraw one first)"));
                }
            }
            if (candidate.type() == IntentType.CONNECTIVITY && o.type() == IntentType.CONNECTIVITY) {
                IntentSpec.Connectivity a = (IntentSpec.Connectivity) candidate.spec();
                IntentSpec.Connectivity b = (IntentSpec.Connectivity) o.spec();
                if (a.source().equals(b.source()) && a.destination().equals(b.destination())
                        && (a.bandwidthBps() != b.bandwidthBps() || !java.util.Objects.equals(a.maxDelayMs(), b.maxDelayMs()))) {
                    out.add(new Conflict(r.id(), r.key(), "contradiction", "already connects " + b.source() + "→"
                            + b.destination() + " at " + b.bandwidthBps() + " bit/s" + (b.maxDelayMs() == null ? ""
                            : " within " + b.maxDelayMs() + " ms") + "; this intent asks " + a.bandwidthBps() + " bit/s"
                            + (a.maxDelayMs() == null ? "" : " within " + a.maxDelayMs() + " ms")));
                }
            }
            for (Expectation e : candidate.expectations()) {
                if (e.metric() != Metric.MAX_LINK_UTILIZATION) {
                    continue;
                }
                for (Expectation f : o.expectations()) {
                    if (f.metric() == Metric.MAX_LINK_UTILIZATION && disjoint(e, f)) {
                        out.add(new Conflict(r.id(), r.key(), "contradiction", "expects " + f
                                + " network-wide, which cannot hold together with " + e));
                    }
                }
            }
        }
        return out;
    }

    /** Whether no value satisfies both expectations on the same metric. */
    static boolean disjoint(Expectation a, Expectation b) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        boolean loOpen = false;
        boolean hiOpen = false;
        for (Expectation e : List.of(a, b)) {
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
