package io.thalamus.sdnrouter.admission;

import io.thalamus.network.path.Path;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The run shared by the two exact solvers: greedy start, lexicographic stages, result with bounds and gap. */
final class ExactAdmission {

    private ExactAdmission() {
    }

    /** Share of the time limit the folded solve gets before the staged fallback (see {@link #solve}). */
    static final double FOLDED_SHARE = 0.6;

    /** Most of the time limit the re-routing moves on the start may take (they stop there, the start kept maximal). */
    static final double START_SHARE = 0.1;

    static AdmissionResult solve(String solverName, AdmissionProblem problem, CandidatePaths candidates,
                                 AdmissionModel.Formulation form,
                                 Supplier<MipBackend> backends, Duration timeLimit, boolean cpuClock, boolean fold, Map<String, String> parameters) {
        return solve(solverName, problem, candidates, form, backends, timeLimit, cpuClock, 0, fold, FOLDED_SHARE, parameters);
    }

    /**
     * With {@code fold} in strict mode: the folded objective gets {@code foldedShare} of the limit; when it does not
     * prove the primary stages optimal, the staged solve runs on a fresh model for the rest of the limit, started
     * from the folded incumbent, and the lexicographically better answer is returned (bounds combined where both
     * runs' bounds apply). {@code foldedShare >= 1} is the folded solve alone. With {@code cpuClock}, time is the
     * solving thread's CPU time when {@code clockThreads} is 0, else the process CPU time divided by
     * {@code clockThreads} (a multi-threaded backend).
     */
    static AdmissionResult solve(String solverName, AdmissionProblem problem, CandidatePaths candidates,
                                 AdmissionModel.Formulation form, Supplier<MipBackend> backends, Duration timeLimit,
                                 boolean cpuClock, int clockThreads, boolean fold, double foldedShare, Map<String, String> parameters) {
        long start = System.nanoTime();
        AdmissionInstance in = new AdmissionInstance(problem, candidates);
        ThreadCpuClock cpu = new ThreadCpuClock();
        ProcessCpuClock processCpu = cpuClock && clockThreads > 0 ? new ProcessCpuClock(clockThreads) : null;
        LongSupplier clock = !cpuClock ? System::nanoTime : processCpu != null ? processCpu::nanos : cpu::nanos;
        long clockStart = clock.getAsLong();
        // The start (hint): greedy improved by the GA's re-routing moves, within the limit. At 5000 flows a time-limited
        // SCIP returned the plain greedy start unchanged where the moves alone do better; at 2000 flows it changed no
        // answer (see docs/admission.md).
        double startLimitNanos = timeLimit.toNanos() * START_SHARE;
        PriorityDecoder.Decision greedy = new PriorityDecoder(in).decode(new int[in.flowCount()], true,
                () -> clock.getAsLong() - clockStart > startLimitNanos);
        double limit = timeLimit.toNanos() / 1e9 - (cpuClock ? 0 : (System.nanoTime() - start) / 1e9);
        boolean hybrid = fold && in.isStrict() && foldedShare < 1;
        Run first;
        try (MipBackend backend = backends.get()) {
            AdmissionModel model = new AdmissionModel(in, backend, form, fold);
            double[] hint = model.hint(greedy, backend.variableCount());
            AdmissionModel.Solved solved = model.solve(hint, hybrid ? limit * Math.max(0, foldedShare) : limit, limit, hybrid,
                    clockStart, clock);
            first = Run.of(in, model, solved, backend);
        }
        Run second = null;
        long stagedStart = 0;
        if (hybrid && first.solved.folded() && !first.solved.primaryProven() && !first.approximate) {
            try (MipBackend backend = backends.get()) {
                AdmissionModel model = new AdmissionModel(in, backend, form, false);
                double[] hint = model.encode(first.routes, first.kept, backend.variableCount());
                long t = clock.getAsLong();
                stagedStart = t - clockStart;
                double rest = limit - (t - clockStart) / 1e9;
                AdmissionModel.Solved solved = model.solve(hint, rest, t, clock);
                second = Run.of(in, model, solved, backend);
            }
        }
        long solveCpu = processCpu != null ? processCpu.nanos() * clockThreads : cpu.nanos();
        Run best = second != null && second.score.compareTo(first.score) > 0 ? second : first;
        double[] bound = best.bound.clone();
        if (second != null) {
            // Each run's bound for a class holds given the classes above at that run's values: where both runs agree
            // on every class above, both bounds hold for the returned answer and the smaller one is kept.
            Run other = best == first ? second : first;
            for (int c = 0; c < bound.length; c++) {
                bound[c] = Math.max(best.score.primary()[c], Math.min(best.bound[c], other.bound[c]));
                if (!Score.same(best.score.primary()[c], other.score.primary()[c])) {
                    break;
                }
            }
        }
        double gap = 0;
        boolean closed = true;
        double[] v = best.score.primary();
        for (int c = 0; c < bound.length; c++) {
            if (bound[c] > v[c] + 1e-9 * Math.max(1, bound[c])) {
                gap = (bound[c] - v[c]) / Math.max(bound[c], 1e-12);
                closed = false;
                break;
            }
        }
        AdmissionModel.Solved solved = best.solved;
        List<AdmissionModel.Stage> stages = solved.stages();
        int last = stages.size() - 1;
        double pathWeightGap = solved.stageValue()[last] > 0
                ? Math.max(0, (solved.stageValue()[last] - solved.stageBound()[last]) / solved.stageValue()[last]) : 0;
        boolean proven = solved.primaryProven() || in.isStrict() && second != null && closed;
        AdmissionStatus status = proven ? AdmissionStatus.OPTIMAL
                : best.approximate ? AdmissionStatus.FEASIBLE : AdmissionStatus.TIMED_OUT;
        Map<String, String> params = new LinkedHashMap<>(parameters);
        params.put("backend", best.backendName);
        params.put("timeLimitSeconds", Double.toString(timeLimit.toMillis() / 1000.0));
        params.put("stages", Integer.toString(stages.size()));
        params.put("lexicographic", second != null ? "hybrid" : solved.folded() ? "folded" : "staged");
        if (hybrid) {
            params.put("foldedShare", Double.toString(foldedShare));
        }
        if (second != null) {
            params.put("answerFrom", best == second ? "staged" : "folded");
            params.put("foldedObjective", join(first.score.primary()));
            params.put("stagedObjective", join(second.score.primary()));
            params.put("foldedMs", Long.toString(first.solved.primaryDoneNanos() / 1_000_000L));
        }
        params.put("clock", !cpuClock ? "wall" : processCpu != null ? "process-cpu/" + clockThreads : "cpu");
        params.put("solveCpuMs", Long.toString(solveCpu / 1_000_000L));
        params.put("primaryMs", Long.toString((second != null ? stagedStart + second.solved.primaryDoneNanos() : solved.primaryDoneNanos()) / 1_000_000L));
        params.put("pathWeightGap", Double.toString(pathWeightGap));
        params.put("stageMs", java.util.Arrays.stream(solved.stageDoneNanos()).mapToObj(x -> Long.toString(x / 1_000_000L))
                .collect(java.util.stream.Collectors.joining(",")));
        params.put("stageValues", join(solved.stageValue()));
        params.put("candidatePathsMs", Long.toString(candidates.computeMillis()));
        List<String> notes = new ArrayList<>();
        if (second != null) {
            notes.add("folded solve not proven within " + foldedShare + " of the limit; staged solve from its incumbent for the rest; answer from the "
                    + params.get("answerFrom") + " run");
            first.solved.notes().forEach(n -> notes.add("folded run: " + n));
            second.solved.notes().forEach(n -> notes.add("staged run: " + n));
        } else {
            notes.addAll(solved.notes());
        }
        return in.toResult(solverName, status, best.routes, best.kept, java.util.Arrays.stream(bound).boxed().toList(), gap, start,
                params, notes);
    }

    private static String join(double[] xs) {
        return java.util.Arrays.stream(xs).mapToObj(Double::toString).collect(java.util.stream.Collectors.joining(","));
    }

    /** One exact run: its answer, score and per-class (strict) or weighted bound. */
    private record Run(AdmissionModel.Solved solved, Path[] routes, boolean[] kept, Score score, double[] bound,
                       String backendName, boolean approximate) {

        static Run of(AdmissionInstance in, AdmissionModel model, AdmissionModel.Solved solved, MipBackend backend) {
            Path[] routes = model.routes(solved.values());
            boolean[] kept = model.kept(solved.values());
            Score score = in.score(routes, kept);
            List<AdmissionModel.Stage> stages = solved.stages();
            int last = stages.size() - 1;
            double[] bound;
            if (in.isStrict()) {
                bound = new double[in.classes.length];
                for (AdmittedFlow a : in.pinned) {
                    bound[in.indexOfClass(a.flow().priority())] += a.flow().value();
                }
                for (int c = 0; c < in.classes.length; c++) {
                    for (int s = 0; s < last; s++) {
                        if (stages.get(s).classIndex() == c) {
                            bound[c] += solved.stageBound()[s];
                        }
                    }
                    bound[c] = Math.max(bound[c], score.primary()[c]);
                }
            } else {
                double pinnedWeighted = 0;
                for (AdmittedFlow a : in.pinned) {
                    pinnedWeighted += in.classWeight(a.flow().priority()) * a.flow().value();
                }
                bound = new double[] {Math.max(pinnedWeighted + solved.stageBound()[0], score.primary()[0])};
            }
            return new Run(solved, routes, kept, score, bound, backend.name(), backend.approximate());
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
