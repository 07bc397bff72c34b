package io.thalamus.bench.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.generate.PfarFlowGenerator;
import io.thalamus.network.topology.Topology;
import io.thalamus.sdnrouter.admission.AdmissionChecker;
import io.thalamus.sdnrouter.admission.AdmissionProblem;
import io.thalamus.sdnrouter.admission.AdmissionResult;
import io.thalamus.sdnrouter.admission.CandidatePaths;
import io.thalamus.sdnrouter.admission.GeneticAdmissionSolver;
import io.thalamus.sdnrouter.admission.IlpAdmissionSolver;

import java.time.Duration;
import java.util.List;

/** Runs the exact and GA solvers on single PFAR instances and prints stage timings (for tuning, not a benchmark). */
public final class AdmissionProbe {

    private AdmissionProbe() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        double lf = Double.parseDouble(args[2]);
        double limit = Double.parseDouble(args[3]);
        String what = args.length > 5 ? args[5] : "ilp";
        for (String s : args[4].split(",")) {
            long seed = Long.parseLong(s);
            Topology t = PfarTopologies.generate(n, seed);
            List<Flow> flows = PfarFlowGenerator.generate(t, count, seed, lf, 3);
            AdmissionProblem p = AdmissionProblem.of(t, flows);
            CandidatePaths c = CandidatePaths.of(p);
            long cpu0 = cpu();
            if (what.contains("ilp")) {
                AdmissionResult r = new IlpAdmissionSolver(IlpAdmissionSolver.Backend.SCIP, Duration.ofMillis((long) (limit * 1000)), 2, 1, Boolean.getBoolean("adm.cpu"))
                        .solve(p, c);
                AdmissionChecker.requireValid(p, r);
                System.out.println("seed " + seed + " lf " + lf + " " + r.status() + " ms " + r.timeMs() + " gap " + r.gap()
                        + " obj " + r.objective() + " " + r.parameters() + " cpuMs " + (cpu() - cpu0) + " notes " + r.notes());
            }
            if (what.contains("ga")) {
                for (String b : System.getProperty("adm.ga", "1").split(",")) {
                    AdmissionResult g = new GeneticAdmissionSolver(1, Duration.ofMillis((long) (Double.parseDouble(b) * 1000)), 40, 0,
                            Boolean.getBoolean("adm.cpu")).solve(p, c);
                    AdmissionChecker.requireValid(p, g);
                    System.out.println("   ga " + b + " s " + g.objective() + " ms " + g.timeMs() + " " + g.parameters());
                }
            }
        }
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000L;
    }
}
