package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.generate.PfarFlowGenerator;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default strict ILP: folded solve, then the staged solve from its incumbent when the folded one does not close. */
class HybridAdmissionTest {

    private static final IlpAdmissionSolver.Backend SCIP = IlpAdmissionSolver.Backend.SCIP;

    private static AdmissionProblem instance(long seed) {
        Topology t = TinyInstances.topology(seed, 14, 10, 100, 400);
        List<Flow> flows = PfarFlowGenerator.generate(t, 160, seed, 2.0, 3);
        return AdmissionProblem.of(t, flows);
    }

    private static double[] parse(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static int lex(double[] a, double[] b) {
        return Score.compare(a, 0, b, 0);
    }

    @Test
    void forcedFallbackIsNeverLexicographicallyWorseThanEitherRunAndStaysHonest() {
        int fellBack = 0;
        for (long seed = 1; seed <= 2; seed++) {
            AdmissionProblem p = instance(seed);
            // Reference: long limit, staged (independent of the folded code path); both modes prove these small instances.
            AdmissionResult ref = new IlpAdmissionSolver(SCIP, Duration.ofSeconds(60), 1, 1).staged().solve(p);
            assertEquals(AdmissionStatus.OPTIMAL, ref.status(), "reference not proven on seed " + seed);
            AdmissionResult greedy = new GreedyAdmissionSolver().solve(p);
            for (double share : new double[] {0.0, 0.5}) {
                for (Duration limit : List.of(Duration.ofMillis(30), Duration.ofSeconds(60))) {
                    AdmissionResult r = new IlpAdmissionSolver(SCIP, limit, 1, 1).withFoldedShare(share).solve(p);
                    String where = "seed " + seed + " share " + share + " limit " + limit;
                    AdmissionChecker.requireValid(p, r);
                    assertTrue(AdmissionResult.compare(r, greedy) >= 0, "worse than greedy, " + where);
                    assertTrue(lex(r.primary(), ref.primary()) <= 0, "beat a proven optimum, " + where);
                    if ("hybrid".equals(r.parameters().get("lexicographic"))) {
                        fellBack++;
                        double[] folded = parse(r.parameters().get("foldedObjective"));
                        double[] staged = parse(r.parameters().get("stagedObjective"));
                        assertTrue(lex(r.primary(), folded) >= 0, "worse than its folded run, " + where);
                        assertTrue(lex(r.primary(), staged) >= 0, "worse than its staged run, " + where);
                        // The staged run starts from the folded incumbent and only accepts improvements.
                        assertTrue(lex(staged, folded) >= 0, "staged run lost the folded incumbent, " + where);
                    }
                    // Bounds: at least the answer; the first class's bound is unconditional, so at least the optimum.
                    for (int c = 0; c < r.bound().size(); c++) {
                        assertTrue(r.bound().get(c) >= r.objective().get(c) - 1e-9, "bound below value, " + where);
                    }
                    assertTrue(r.bound().get(0) >= ref.objective().get(0) - 1e-9, "first-class bound below the optimum, " + where);
                    if (r.status() == AdmissionStatus.OPTIMAL) {
                        assertArrayEquals(ref.primary(), r.primary(), 1e-9, "OPTIMAL but not the optimum, " + where);
                        assertEquals(0.0, r.gap(), 1e-12);
                    } else {
                        assertEquals(AdmissionStatus.TIMED_OUT, r.status(), where);
                    }
                    if (limit.getSeconds() == 60) {
                        assertEquals(AdmissionStatus.OPTIMAL, r.status(), "not proven with a long limit, " + where);
                    }
                }
            }
        }
        // Share 0 leaves the folded solve no time, so the fallback runs on every seed at least with that share.
        assertTrue(fellBack >= 2, "fallback ran " + fellBack + " times");
    }

    @Test
    void fullShareIsTheFoldedSolveAlone() {
        AdmissionProblem p = instance(2);
        AdmissionResult r = new IlpAdmissionSolver(SCIP, Duration.ofMillis(30), 1, 1).withFoldedShare(1).solve(p);
        AdmissionChecker.requireValid(p, r);
        assertEquals("folded", r.parameters().get("lexicographic"));
    }
}
