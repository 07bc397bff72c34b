package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.generate.PfarFlowGenerator;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every solver starts from greedy (the GA's population holds it, the exact solvers are hinted with it), so none may end
 * lexicographically below it; and the benchmark's ratio to the optimum must rank answers the way the objective does.
 */
class NeverBelowGreedyTest {

    /**
     * The figures of bench/results/admission/final-s6-8-lf2.0 (50 nodes, 2000 flows, seed 7, load 2.0): the GA's answer
     * [657, 672, 443] is lexicographically far better than greedy's [657, 654, 388], yet the ratio the benchmark printed
     * (value over optimum at the first class that differs) made it look worse: 443/472 = 0.9386 against 654/672 = 0.9732.
     */
    @Test
    void ratioToTheOptimumRanksTheSeed7AnswersLikeTheObjective() {
        double[] optimum = {657, 672, 472};
        double[] greedy = {657, 654, 388};
        double[] ga = {657, 672, 443};
        assertTrue(Score.compare(ga, 0, greedy, 0) > 0, "the GA's answer is the better one");
        LexicographicRatio gaRatio = LexicographicRatio.of(ga, optimum);
        LexicographicRatio greedyRatio = LexicographicRatio.of(greedy, optimum);
        assertTrue(gaRatio.compareTo(greedyRatio) > 0, gaRatio + " must rank above " + greedyRatio);
        assertEquals("0.9386@3", gaRatio.toString());
        assertEquals("0.9732@2", greedyRatio.toString());
        assertEquals(2, gaRatio.level());
        assertEquals(1, greedyRatio.level());
        assertEquals("1", LexicographicRatio.of(optimum, optimum).toString());
        // Above a (time-limited) reference: a gain in a higher class beats a larger gain in a lower one.
        assertTrue(LexicographicRatio.of(new double[] {657, 673, 1}, optimum)
                .compareTo(LexicographicRatio.of(new double[] {657, 672, 900}, optimum)) > 0);
    }

    @Test
    void ratioToAReferenceNeverContradictsTheLexicographicOrder() {
        Random r = new Random(42);
        int decided = 0;
        for (int trial = 0; trial < 4000; trial++) {
            double[] ref = vector(r);
            double[] a = vector(r);
            double[] b = vector(r);
            int objective = Score.compare(a, 0, b, 0);
            int ratio = LexicographicRatio.of(a, ref).compareTo(LexicographicRatio.of(b, ref));
            if (objective != 0 && ratio != 0) {
                decided++;
                assertEquals(objective, Integer.signum(ratio), java.util.Arrays.toString(a) + " vs " + java.util.Arrays.toString(b)
                        + " against " + java.util.Arrays.toString(ref));
            }
        }
        assertTrue(decided > 2000, "too few decided pairs: " + decided);
    }

    private static double[] vector(Random r) {
        return new double[] {3 + r.nextInt(3), 3 + r.nextInt(3), 3 + r.nextInt(3)};
    }

    /**
     * The exact solvers' stage loop may replace its incumbent by the solver's answer only when that answer is not worse on
     * this stage and the later ones: a tie on this class with a loss in a lower class must keep the incumbent.
     */
    @Test
    void aStageKeepsAnIncumbentThatIsBetterInALaterClass() {
        List<AdmissionModel.Stage> stages = List.of(
                new AdmissionModel.Stage("class 2", 0, new int[] {0}, new double[] {1}, true, 10),
                new AdmissionModel.Stage("class 1", 1, new int[] {1}, new double[] {1}, true, 10),
                new AdmissionModel.Stage("path weight", -1, new int[] {2}, new double[] {1}, false, 0));
        double[] incumbent = {5, 4, 10};
        assertFalse(AdmissionModel.notWorse(stages, 0, new double[] {5, 3, 1}, incumbent), "tie on class 2, loss on class 1");
        assertTrue(AdmissionModel.notWorse(stages, 0, new double[] {6, 0, 99}, incumbent), "gain on class 2");
        assertTrue(AdmissionModel.notWorse(stages, 0, new double[] {5, 4, 9}, incumbent), "same classes, shorter paths");
        assertFalse(AdmissionModel.notWorse(stages, 0, new double[] {5, 4, 11}, incumbent), "same classes, longer paths");
        assertTrue(AdmissionModel.notWorse(stages, 0, incumbent.clone(), incumbent), "equal");
        assertTrue(AdmissionModel.notWorse(stages, 1, new double[] {0, 4, 10}, incumbent), "earlier stages are not compared");
    }

    /** GA and the exact solvers (folded, staged, hybrid; short and long limits), both objective modes, seeded instances. */
    @Test
    void noSolverEndsBelowGreedyInEitherMode() {
        for (long seed = 1; seed <= 2; seed++) {
            Topology t = TinyInstances.topology(seed, 14, 10, 100, 400);
            List<Flow> flows = PfarFlowGenerator.generate(t, 160, seed, 2.0, 3);
            for (ObjectiveMode mode : ObjectiveMode.values()) {
                AdmissionProblem p = new AdmissionProblem(t, flows, List.of(), mode, 8, false);
                CandidatePaths c = CandidatePaths.of(p);
                AdmissionResult greedy = checked(new GreedyAdmissionSolver(), p, c);
                List<AdmissionSolver> solvers = new java.util.ArrayList<>();
                solvers.add(new GeneticAdmissionSolver(seed, Duration.ofSeconds(30), 20, 15));
                for (Duration limit : List.of(Duration.ofMillis(20), Duration.ofSeconds(1))) {
                    IlpAdmissionSolver ilp = new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP, limit, 1, 1);
                    solvers.add(ilp);
                    solvers.add(ilp.staged());
                    solvers.add(ilp.withFoldedShare(1));
                }
                for (AdmissionSolver s : solvers) {
                    AdmissionResult r = checked(s, p, c);
                    assertTrue(AdmissionResult.compare(r, greedy) >= 0, s.name() + " " + r.parameters().get("lexicographic") + " "
                            + r.parameters().get("timeLimitSeconds") + " s below greedy, seed " + seed + " " + mode + ": "
                            + r.objective() + " / " + r.weightedObjective() + " against " + greedy.objective() + " / " + greedy.weightedObjective());
                    assertTrue(r.lexicographicRatioTo(greedy).compareTo(LexicographicRatio.of(greedy.primary(), greedy.primary())) >= 0);
                }
            }
        }
    }

    private static AdmissionResult checked(AdmissionSolver s, AdmissionProblem p, CandidatePaths c) {
        AdmissionResult r = s.solve(p, c);
        AdmissionChecker.requireValid(p, r);
        return r;
    }
}
