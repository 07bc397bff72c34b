package io.thalamus.sdnrouter.admission;

import io.thalamus.network.generate.PfarFlowGenerator;
import io.thalamus.network.flow.Flow;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdmissionSolversTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    static List<AdmissionSolver> exactSolvers() {
        return List.of(new IlpAdmissionSolver(IlpAdmissionSolver.Backend.CP_SAT, LIMIT, 2, 1),
                // CPU-clock limit: process CPU time over the workers, enforced by a watchdog that stops the search.
                new IlpAdmissionSolver(IlpAdmissionSolver.Backend.CP_SAT, LIMIT, 2, 1, true),
                new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP, LIMIT, 1, 1),
                new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP, LIMIT, 1, 1).staged(),
                // No time for the folded solve: the staged fallback from the greedy start must still reach the optimum.
                new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP, LIMIT, 1, 1).withFoldedShare(0),
                new ArcIlpAdmissionSolver(IlpAdmissionSolver.Backend.CP_SAT, LIMIT, 2, 1),
                new ArcIlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP, LIMIT, 1, 1));
    }

    static List<AdmissionSolver> heuristics() {
        return List.of(new GreedyAdmissionSolver(), new GeneticAdmissionSolver(3, Duration.ofSeconds(5), 20, 40));
    }

    static AdmissionResult solveChecked(AdmissionSolver s, AdmissionProblem p) {
        AdmissionResult r = s.solve(p);
        AdmissionChecker.requireValid(p, r);
        return r;
    }

    private static double[] primary(AdmissionResult r) {
        return r.primary();
    }

    private static int compare(double[] a, double wa, double[] b, double wb) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-6) {
                return a[i] > b[i] ? 1 : -1;
            }
        }
        if (Math.abs(wa - wb) > 1e-6) {
            return wa < wb ? 1 : -1;
        }
        return 0;
    }

    @Test
    void exactSolversMatchBruteForceAndHeuristicsNeverBeatItOnTinyInstances() {
        int compared = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Topology t = TinyInstances.topology(seed, 4 + (int) (seed % 3), 2, 3, 10);
            List<Flow> flows = TinyInstances.flows(seed, t, 5 + (int) (seed % 4), 6, 3, seed % 2 == 0);
            for (ObjectiveMode mode : ObjectiveMode.values()) {
                BruteForce bf = new BruteForce(t, flows, mode == ObjectiveMode.STRICT);
                BruteForce.Best best = bf.solve();
                AdmissionProblem p = new AdmissionProblem(t, flows, List.of(), mode, bf.maxSimplePaths() + 1, false);
                for (AdmissionSolver s : exactSolvers()) {
                    AdmissionResult r = solveChecked(s, p);
                    assertEquals(AdmissionStatus.OPTIMAL, r.status(), s.name() + " seed " + seed);
                    assertArrayEquals(best.primary(), primary(r), 1e-6, s.name() + " " + mode + " seed " + seed);
                    assertEquals(best.pathWeight(), r.pathWeight(), 1e-6, s.name() + " path weight, seed " + seed);
                    assertEquals(0.0, r.gap(), 1e-9);
                    compared++;
                }
                for (AdmissionSolver s : heuristics()) {
                    AdmissionResult r = solveChecked(s, p);
                    assertTrue(compare(primary(r), r.pathWeight(), best.primary(), best.pathWeight()) <= 0,
                            s.name() + " beat brute force on seed " + seed);
                }
            }
        }
        assertEquals(12 * 2 * 7, compared);
    }

    @Test
    void gaIsNeverWorseThanGreedyAndIsReproducibleWithASeed() {
        for (long seed = 1; seed <= 5; seed++) {
            Topology t = TinyInstances.topology(seed, 8, 5, 5, 15);
            AdmissionProblem p = AdmissionProblem.of(t, TinyInstances.flows(seed, t, 40, 6, 3, false));
            AdmissionResult greedy = solveChecked(new GreedyAdmissionSolver(), p);
            GeneticAdmissionSolver ga = new GeneticAdmissionSolver(seed, Duration.ofSeconds(30), 20, 30);
            AdmissionResult a = solveChecked(ga, p);
            AdmissionResult b = solveChecked(ga, p);
            assertTrue(AdmissionResult.compare(a, greedy) >= 0, "ga worse than greedy on seed " + seed);
            assertEquals(a.admitted(), b.admitted(), "same seed, same generations, same answer");
        }
    }

    @Test
    void strictModeNeverTradesAHigherClassForALowerOne() {
        // Property: lower-class flows never change what a higher class gets. Solving with only the flows of
        // classes >= c must give class c the same value as solving with every flow.
        IlpAdmissionSolver ilp = new IlpAdmissionSolver(IlpAdmissionSolver.Backend.CP_SAT, LIMIT, 2, 1);
        for (long seed = 1; seed <= 8; seed++) {
            Topology t = TinyInstances.topology(seed, 7, 4, 4, 12);
            List<Flow> flows = TinyInstances.flows(seed, t, 30, 6, 3, seed % 2 == 1);
            AdmissionProblem full = AdmissionProblem.of(t, flows);
            AdmissionResult all = solveChecked(ilp, full);
            assertEquals(AdmissionStatus.OPTIMAL, all.status());
            for (int c = 0; c < all.classes().size(); c++) {
                int floor = all.classes().get(c);
                List<Flow> upper = flows.stream().filter(f -> f.priority() >= floor).toList();
                AdmissionResult only = solveChecked(ilp, AdmissionProblem.of(t, upper));
                for (int d = 0; d <= c; d++) {
                    assertEquals(only.objective().get(d), all.objective().get(d), 1e-9,
                            "class " + all.classes().get(d) + " lost value to lower classes, seed " + seed);
                }
            }
            for (AdmissionSolver s : heuristics()) {
                AdmissionResult h = solveChecked(s, full);
                assertTrue(AdmissionChecker.check(full, h).strictPriorityChecked());
                assertTrue(h.objective().get(0) <= all.objective().get(0) + 1e-9);
            }
        }
    }

    @Test
    void arcAndPathIlpAgreeWhenKCoversAllSimplePaths() {
        for (long seed = 20; seed <= 24; seed++) {
            Topology t = TinyInstances.topology(seed, 7, 3, 4, 12);
            List<Flow> flows = TinyInstances.flows(seed, t, 20, 6, 3, false);
            int k = new BruteForce(t, flows, true).maxSimplePaths() + 1;
            for (ObjectiveMode mode : ObjectiveMode.values()) {
                AdmissionProblem p = new AdmissionProblem(t, flows, List.of(), mode, k, false);
                AdmissionResult path = solveChecked(new IlpAdmissionSolver(), p);
                AdmissionResult arc = solveChecked(new ArcIlpAdmissionSolver(), p);
                assertEquals(AdmissionStatus.OPTIMAL, path.status());
                assertEquals(AdmissionStatus.OPTIMAL, arc.status());
                assertArrayEquals(path.primary(), arc.primary(), 1e-9, "seed " + seed + " " + mode);
                assertEquals(path.pathWeight(), arc.pathWeight(), 1e-9);
            }
        }
    }

    @Test
    void tooShortATimeLimitIsReportedHonestly() {
        Topology t = TinyInstances.topology(5, 30, 30, 20, 60);
        AdmissionProblem p = AdmissionProblem.of(t, PfarFlowGenerator.generate(t, 1500, 5, 2.0, 3));
        AdmissionResult r = solveChecked(new IlpAdmissionSolver(IlpAdmissionSolver.Backend.CP_SAT,
                Duration.ofMillis(1), 2, 1), p);
        assertEquals(AdmissionStatus.TIMED_OUT, r.status());
        assertTrue(r.gap() > 0, "gap " + r.gap());
        for (int c = 0; c < r.bound().size(); c++) {
            assertTrue(r.bound().get(c) >= r.objective().get(c));
        }
        List<String> notes = new ArrayList<>(r.notes());
        assertTrue(notes.stream().anyMatch(n -> n.contains("time limit")), notes.toString());
    }

    @Test
    void cpSatUnderACpuClockIsStoppedByItsCpuBudget() {
        Topology t = TinyInstances.topology(5, 30, 30, 20, 60);
        AdmissionProblem p = AdmissionProblem.of(t, PfarFlowGenerator.generate(t, 1500, 5, 2.0, 3));
        // 0.2 s on 2 workers = 0.4 CPU s; the wall-clock safety net would only stop it after 20 times that.
        AdmissionResult r = solveChecked(new IlpAdmissionSolver(IlpAdmissionSolver.Backend.CP_SAT,
                Duration.ofMillis(200), 2, 1, true), p);
        assertEquals("process-cpu/2", r.parameters().get("clock"));
        assertEquals(AdmissionStatus.TIMED_OUT, r.status());
        long cpuMs = Long.parseLong(r.parameters().get("solveCpuMs"));
        // Stops are polled every 10 ms per stage; 8 s would mean the budget was never enforced.
        assertTrue(cpuMs < 4000, "CP-SAT used " + cpuMs + " CPU ms on a 400 ms budget");
    }
}
