package io.thalamus.bench.admission;

import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.*;

import java.time.Duration;
import java.util.List;

/** Quick manual probe: one instance, every solver, one line each (not part of the recorded benchmark). */
public final class AdmissionProbe {

    private AdmissionProbe() {
    }

    public static void main(String[] args) {
        int nodes = Integer.parseInt(args[0]);
        int flows = Integer.parseInt(args[1]);
        double lf = Double.parseDouble(args[2]);
        long seed = Long.parseLong(args[3]);
        Topology t = PfarTopologies.generate(nodes, seed);
        long t0 = System.nanoTime();
        AdmissionProblem p = AdmissionProblem.of(t, PfarFlowGenerator.generate(t, flows, seed, lf, 3));
        System.out.printf("topology %s: %d links; flows generated in %d ms%n", t.name(), t.linkCount(), (System.nanoTime() - t0) / 1_000_000);
        CandidatePaths cands = CandidatePaths.of(p);
        System.out.println("candidate paths: " + cands.computeMillis() + " ms");
        int limit = Integer.parseInt(args[4]);
        for (AdmissionSolver s : List.of(new GreedyAdmissionSolver(),
                new IlpAdmissionSolver(IlpAdmissionSolver.Backend.CP_SAT, Duration.ofSeconds(limit), 2, 0),
                new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP, Duration.ofSeconds(limit), 1, 0),
                new GeneticAdmissionSolver(1, Duration.ofSeconds(1), 40, 0))) {
            AdmissionResult r = s.solve(p, cands);
            AdmissionChecker.requireValid(p, r);
            System.out.printf("%-8s %-9s %s %s gap=%.2e w=%.0f time=%d ms params=%s notes=%s%n", s.name(), r.status(),
                    r.objective(), r.bound(), r.gap(), r.pathWeight(), r.timeMs(), r.parameters(), r.notes());
        }
    }
}
