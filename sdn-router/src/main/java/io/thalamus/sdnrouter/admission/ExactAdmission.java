package io.thalamus.sdnrouter.admission;

import io.thalamus.network.path.Path;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The run shared by the two exact solvers: greedy start, lexicographic stages, result with bounds and gap. */
final class ExactAdmission {

    private ExactAdmission() {
    }

    static AdmissionResult solve(String solverName, AdmissionProblem problem, CandidatePaths candidates,
                                 AdmissionModel.Formulation form,
                                 Supplier<MipBackend> backends, Duration timeLimit, boolean cpuClock, boolean fold, Map<String, String> parameters) {
        long start = System.nanoTime();
        AdmissionInstance in = new AdmissionInstance(problem, candidates);
        PriorityDecoder.Decision greedy = new PriorityDecoder(in).decode(new int[in.flowCount()]);
        try (MipBackend backend = backends.get()) {
            AdmissionModel model = new AdmissionModel(in, backend, form, fold);
            double[] hint = model.hint(greedy, backend.variableCount());
            ThreadCpuClock cpu = new ThreadCpuClock();
            java.util.function.LongSupplier clock = cpuClock ? cpu::nanos : System::nanoTime;
            AdmissionModel.Solved solved = model.solve(hint, timeLimit.toNanos() / 1e9 - (cpuClock ? 0 : (System.nanoTime() - start) / 1e9),
                    clock.getAsLong(), clock);
            long solveCpu = cpu.nanos();
            Path[] routes = model.routes(solved.values());
            boolean[] kept = model.kept(solved.values());
            Score score = in.score(routes, kept);
            List<Double> bound = new ArrayList<>();
            double gap = 0;
            List<AdmissionModel.Stage> stages = solved.stages();
            int last = stages.size() - 1;
            if (in.isStrict()) {
                double[] pinnedPerClass = new double[in.classes.length];
                for (AdmittedFlow a : in.pinned) {
                    pinnedPerClass[in.indexOfClass(a.flow().priority())] += a.flow().value();
                }
                boolean open = false;
                for (int c = 0; c < in.classes.length; c++) {
                    double b = pinnedPerClass[c];
                    for (int s = 0; s < last; s++) {
                        if (stages.get(s).classIndex() == c) {
                            b += solved.stageBound()[s];
                        }
                    }
                    double v = score.primary()[c];
                    b = Math.max(b, v);
                    bound.add(b);
                    if (!open && b > v + 1e-9 * Math.max(1, b)) {
                        gap = (b - v) / b;
                        open = true;
                    }
                }
            } else {
                double pinnedWeighted = 0;
                for (AdmittedFlow a : in.pinned) {
                    pinnedWeighted += in.classWeight(a.flow().priority()) * a.flow().value();
                }
                double b = Math.max(pinnedWeighted + solved.stageBound()[0], score.primary()[0]);
                bound.add(b);
                gap = (b - score.primary()[0]) / Math.max(b, 1e-12);
            }
            double pathWeightGap = solved.stageValue()[last] > 0
                    ? Math.max(0, (solved.stageValue()[last] - solved.stageBound()[last]) / solved.stageValue()[last]) : 0;
            AdmissionStatus status = solved.primaryProven() ? AdmissionStatus.OPTIMAL
                    : backend.approximate() ? AdmissionStatus.FEASIBLE : AdmissionStatus.TIMED_OUT;
            Map<String, String> params = new LinkedHashMap<>(parameters);
            params.put("backend", backend.name());
            params.put("timeLimitSeconds", Double.toString(timeLimit.toMillis() / 1000.0));
            params.put("stages", Integer.toString(stages.size()));
            params.put("lexicographic", fold ? "folded" : "staged");
            params.put("clock", cpuClock ? "cpu" : "wall");
            params.put("solveCpuMs", Long.toString(solveCpu / 1_000_000L));
            params.put("primaryMs", Long.toString(solved.primaryDoneNanos() / 1_000_000L));
            params.put("pathWeightGap", Double.toString(pathWeightGap));
            params.put("stageMs", java.util.Arrays.stream(solved.stageDoneNanos()).mapToObj(x -> Long.toString(x / 1_000_000L))
                    .collect(java.util.stream.Collectors.joining(",")));
            params.put("stageValues", java.util.Arrays.stream(solved.stageValue()).mapToObj(Double::toString)
                    .collect(java.util.stream.Collectors.joining(",")));
            params.put("candidatePathsMs", Long.toString(candidates.computeMillis()));
            return in.toResult(solverName, status, routes, kept, bound, gap, start, params, solved.notes());
        }
    }

    /**
     * The model in LP or MPS text with one objective that is exactly the primary objective: the primary stages
     * folded with lexicographic multipliers ({@link AdmissionModel#fold}); header comments give the
     * multipliers, so the optimum splits back into per-stage values. When the data do not allow an exact
     * fold (non-integral values or too large a range), the first stage only, and the header says so.
     * The path-weight tie-break is not in the exported objective (it never changes the primary values).
     */
    static String export(AdmissionProblem problem, AdmissionModel.Formulation form, boolean mps) {
        AdmissionInstance in = new AdmissionInstance(problem, CandidatePaths.of(problem));
        try (ScipBackend backend = new ScipBackend("SCIP")) {
            AdmissionModel model = new AdmissionModel(in, backend, form);
            List<AdmissionModel.Stage> stages = model.stages();
            AdmissionModel.Folded folded = model.fold(stages);
            String c = mps ? "* " : "\\ ";
            StringBuilder header = new StringBuilder();
            header.append(c).append("Thalamus admission ILP (").append(form.name().toLowerCase(java.util.Locale.ROOT))
                    .append(" formulation), topology ").append(problem.topology().name()).append(", ")
                    .append(problem.flows().size()).append(" flows, k=").append(problem.k()).append(", objective mode ")
                    .append(problem.mode().label()).append("\n");
            if (folded != null) {
                backend.setObjective(folded.stage().vars(), folded.stage().coefs(), true);
                header.append(c).append("objective: exact primary objective = sum of multiplier x stage value over ")
                        .append(folded.parts().size()).append(" stage(s), highest first (integral data, so the optimum is lexicographic)\n");
                for (int s = 0; s < folded.parts().size(); s++) {
                    header.append(c).append("multiplier ").append(String.format(java.util.Locale.ROOT, "%.0f", folded.multiplier()[s]))
                            .append(" : ").append(folded.parts().get(s).label()).append("\n");
                }
                header.append(c).append("the path-weight tie-break (minimise total weight with every stage at its optimum) is not included\n");
            } else {
                AdmissionModel.Stage first = stages.get(0);
                backend.setObjective(first.vars(), first.coefs(), true);
                header.append(c).append("objective: stage 1 only (").append(first.label())
                        .append("): values not integral or range too large for an exact folded objective; see docs/admission.md\n");
            }
            return header + (mps ? backend.exportMps() : backend.exportLp());
        }
    }
}
