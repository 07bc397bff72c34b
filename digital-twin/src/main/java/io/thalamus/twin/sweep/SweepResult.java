package io.thalamus.twin.sweep;

import java.util.List;

/**
 * A failure sweep: every failure of one kind, worst first (demand lost, then worst utilisation).
 *
 * @param kind                  the failures tried
 * @param baselineMaxUtilisation worst utilisation with nothing failed
 * @param baselineDemandLostBps demand lost with nothing failed
 * @param ranked                impacts, worst first
 * @param elapsedNanos          wall-clock time of the sweep
 */
public record SweepResult(FailureKind kind, double baselineMaxUtilisation, double baselineDemandLostBps,
                          List<FailureImpact> ranked, long elapsedNanos) {

    public SweepResult {
        ranked = List.copyOf(ranked);
    }

    /** The {@code n} worst failures. */
    public List<FailureImpact> top(int n) {
        return ranked.subList(0, Math.min(n, ranked.size()));
    }
}
