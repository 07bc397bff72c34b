package io.thalamus.sdnrouter.admission;

import io.thalamus.network.path.Path;
import io.thalamus.network.topology.Link;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The admission ILP on a {@link MipBackend}, in either formulation, and the lexicographic stages that
 * optimise it. Path formulation: z[f][p] = 1 when newcomer f takes candidate p, sum_p z[f][p] <= 1. Arc
 * formulation: x[f] = 1 when f is admitted, y[f][l] = 1 when f uses link l, with flow conservation
 * (out - in = x at the source, -x at the destination, 0 elsewhere) and at most one incoming link per node.
 * Both: keep[e] for each evictable existing flow, capacity sum b*use + sum b*keep <= c - pinned load, and
 * keep[e] + (uses of e's links by strictly higher-priority newcomers) >= 1, so an existing flow only
 * leaves when a higher-priority newcomer takes one of its links. See docs/admission.md.
 */
final class AdmissionModel {

    /** Which ILP. */
    enum Formulation { PATH, ARC }

    /** One objective of the lexicographic sequence; {@code max} is the largest value it can take (every flow carried). */
    record Stage(String label, int classIndex, int[] vars, double[] coefs, boolean maximize, double max) {
    }

    /** The outcome of all stages. */
    record Solved(double[] values, boolean primaryProven, boolean secondaryClosed, double[] stageValue, double[] stageBound, List<Stage> stages,
                  long primaryDoneNanos, long[] stageDoneNanos, List<String> notes, boolean folded) {
    }

    /** Relative gap at which the secondary (path weight) stage stops; primary stages are solved exactly. */
    static final double SECONDARY_GAP = 1e-4;

    private final AdmissionInstance in;
    private final MipBackend backend;
    private final Formulation form;
    private final boolean fold;
    private int[][] z;
    private int[] x;
    private int[][] y;
    private int[] keep;

    AdmissionModel(AdmissionInstance in, MipBackend backend, Formulation form) {
        this(in, backend, form, false);
    }

    /** With {@code fold}, the primary stages are solved as one exactly lexicographic objective when {@link #fold} allows. */
    AdmissionModel(AdmissionInstance in, MipBackend backend, Formulation form, boolean fold) {
        this.fold = fold;
        this.in = in;
        this.backend = backend;
        this.form = form;
        build();
    }

    private void build() {
        int n = in.flowCount();
        int m = in.links;
        List<List<int[]>> linkTerms = new ArrayList<>(m);
        List<List<Double>> linkCoefs = new ArrayList<>(m);
        for (int l = 0; l < m; l++) {
            linkTerms.add(new ArrayList<>());
            linkCoefs.add(new ArrayList<>());
        }
        if (form == Formulation.PATH) {
            z = new int[n][];
            for (int f = 0; f < n; f++) {
                int[][] cands = in.candidateLinks[f];
                z[f] = new int[cands.length];
                for (int p = 0; p < cands.length; p++) {
                    z[f][p] = backend.addBool("z_" + f + "_" + p);
                    for (int l : cands[p]) {
                        linkTerms.get(l).add(new int[] {z[f][p]});
                        linkCoefs.get(l).add(in.bandwidth[f]);
                    }
                }
                if (cands.length > 1) {
                    backend.addConstraint(z[f], ones(cands.length), Double.NEGATIVE_INFINITY, 1, "one_" + f);
                }
            }
        } else {
            x = new int[n];
            y = new int[n][];
            for (int f = 0; f < n; f++) {
                y[f] = new int[m];
                Arrays.fill(y[f], -1);
                if (in.candidates[f].isEmpty()) {
                    x[f] = -1;
                    continue;
                }
                x[f] = backend.addBool("x_" + f);
                String s = in.flows[f].source();
                String t = in.flows[f].destination();
                for (int l = 0; l < m; l++) {
                    Link link = in.link(l);
                    if (!link.target().equals(s) && !link.source().equals(t)) {
                        y[f][l] = backend.addBool("y_" + f + "_" + l);
                        linkTerms.get(l).add(new int[] {y[f][l]});
                        linkCoefs.get(l).add(in.bandwidth[f]);
                    }
                }
                for (int v = 0; v < in.topology.nodeCount(); v++) {
                    String node = in.topology.nodes().get(v).id();
                    List<Integer> vars = new ArrayList<>();
                    List<Double> coefs = new ArrayList<>();
                    List<Integer> inVars = new ArrayList<>();
                    for (int l : in.topology.outLinkIndices(v)) {
                        if (y[f][l] >= 0) {
                            vars.add(y[f][l]);
                            coefs.add(1.0);
                        }
                    }
                    for (int l : in.topology.inLinkIndices(v)) {
                        if (y[f][l] >= 0) {
                            vars.add(y[f][l]);
                            coefs.add(-1.0);
                            inVars.add(y[f][l]);
                        }
                    }
                    if (node.equals(s) || node.equals(t)) {
                        vars.add(x[f]);
                        coefs.add(node.equals(s) ? -1.0 : 1.0);
                    }
                    if (!vars.isEmpty()) {
                        backend.addConstraint(toInts(vars), toDoubles(coefs), 0, 0, "flow_" + f + "_" + v);
                    }
                    if (inVars.size() > 1) {
                        backend.addConstraint(toInts(inVars), ones(inVars.size()), Double.NEGATIVE_INFINITY, 1, "in_" + f + "_" + v);
                    }
                }
            }
        }
        keep = new int[in.evictable.length];
        if (form == Formulation.PATH && keep.length == 0) {
            for (int[] d : Dominance.pairs(in)) {
                int a = d[0];
                int b = d[1];
                int[] vars = new int[z[a].length + z[b].length];
                double[] coefs = new double[vars.length];
                for (int i = 0; i < z[a].length; i++) {
                    vars[i] = z[a][i];
                    coefs[i] = 1;
                }
                for (int i = 0; i < z[b].length; i++) {
                    vars[z[a].length + i] = z[b][i];
                    coefs[z[a].length + i] = -1;
                }
                backend.addConstraint(vars, coefs, 0, Double.POSITIVE_INFINITY, "dom_" + a + "_" + b);
            }
        }
        for (int e = 0; e < keep.length; e++) {
            keep[e] = backend.addBool("keep_" + e);
            for (int l : in.evictableLinks[e]) {
                linkTerms.get(l).add(new int[] {keep[e]});
                linkCoefs.get(l).add(in.evictable[e].bandwidthBps());
            }
            List<Integer> vars = new ArrayList<>(List.of(keep[e]));
            boolean[] onPath = new boolean[m];
            for (int l : in.evictableLinks[e]) {
                onPath[l] = true;
            }
            for (int f = 0; f < n; f++) {
                if (in.priority[f] <= in.evictable[e].priority()) {
                    continue;
                }
                if (form == Formulation.PATH) {
                    for (int p = 0; p < z[f].length; p++) {
                        for (int l : in.candidateLinks[f][p]) {
                            if (onPath[l]) {
                                vars.add(z[f][p]);
                                break;
                            }
                        }
                    }
                } else if (x[f] >= 0) {
                    for (int l : in.evictableLinks[e]) {
                        if (y[f][l] >= 0) {
                            vars.add(y[f][l]);
                        }
                    }
                }
            }
            backend.addConstraint(toInts(vars), ones(vars.size()), 1, Double.POSITIVE_INFINITY, "evict_" + e);
        }
        for (int l = 0; l < m; l++) {
            List<int[]> terms = linkTerms.get(l);
            if (terms.isEmpty()) {
                continue;
            }
            double room = in.capacity[l] - in.pinnedLoad[l];
            double[] coefs = toDoubles(linkCoefs.get(l));
            if (AdmissionInstance.positiveSum(coefs) <= room) {
                continue;
            }
            int[] vars = terms.stream().mapToInt(a -> a[0]).toArray();
            backend.addConstraint(vars, coefs, Double.NEGATIVE_INFINITY, room, "cap_" + l);
        }
    }

    /** The objective sequence: strict = per class (existing kept first, then newcomers), weighted = one; then path weight. */
    List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        int n = in.flowCount();
        if (in.isStrict()) {
            for (int c = 0; c < in.classes.length; c++) {
                List<Integer> kv = new ArrayList<>();
                List<Double> kc = new ArrayList<>();
                for (int e = 0; e < keep.length; e++) {
                    if (in.evictableClassOf[e] == c) {
                        kv.add(keep[e]);
                        kc.add(in.evictable[e].value());
                    }
                }
                if (!kv.isEmpty()) {
                    stages.add(new Stage("keep existing of class " + in.classes[c], c, toInts(kv), toDoubles(kc), true,
                            kc.stream().mapToDouble(Double::doubleValue).sum()));
                }
                List<Integer> nv = new ArrayList<>();
                List<Double> nc = new ArrayList<>();
                double max = 0;
                for (int f = 0; f < n; f++) {
                    if (in.classOf[f] == c) {
                        max += addAdmitTerms(f, in.value[f], nv, nc);
                    }
                }
                stages.add(new Stage("admit class " + in.classes[c], c, toInts(nv), toDoubles(nc), true, max));
            }
        } else {
            List<Integer> v = new ArrayList<>();
            List<Double> co = new ArrayList<>();
            double max = 0;
            for (int e = 0; e < keep.length; e++) {
                v.add(keep[e]);
                co.add(in.classWeight(in.evictable[e].priority()) * in.evictable[e].value());
                max += co.get(co.size() - 1);
            }
            for (int f = 0; f < n; f++) {
                max += addAdmitTerms(f, in.classWeight(in.priority[f]) * in.value[f], v, co);
            }
            stages.add(new Stage("weighted value", -1, toInts(v), toDoubles(co), true, max));
        }
        List<Integer> wv = new ArrayList<>();
        List<Double> wc = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            if (form == Formulation.PATH) {
                for (int p = 0; p < z[f].length; p++) {
                    wv.add(z[f][p]);
                    wc.add(in.candidateWeight[f][p]);
                }
            } else if (x[f] >= 0) {
                for (int l = 0; l < in.links; l++) {
                    if (y[f][l] >= 0) {
                        wv.add(y[f][l]);
                        wc.add(in.linkWeight[l]);
                    }
                }
            }
        }
        stages.add(new Stage("path weight", -2, toInts(wv), toDoubles(wc), false, 0));
        return stages;
    }

    /**
     * The primary stages folded into one objective that is exactly lexicographic: stage {@code s} gets the
     * multiplier {@code M_s = prod over later primary stages t of (max_t + 1)}, where {@code max_t} is the
     * largest value stage {@code t} can take (every flow of the stage carried). When every coefficient is
     * an integer, stage values are integers in {@code 0..max_t}, so {@code sum_s M_s * V_s} orders answers
     * exactly as the lexicographic vector does. Null when a coefficient is not integral or the largest
     * folded value would exceed 2^50 (kept well inside exact double arithmetic).
     */
    Folded fold(List<Stage> stages) {
        int primary = stages.size() - 1;
        double[] mult = new double[primary];
        double acc = 1;
        for (int s = primary - 1; s >= 0; s--) {
            for (double c : stages.get(s).coefs()) {
                if (c != Math.rint(c)) {
                    return null;
                }
            }
            mult[s] = acc;
            acc *= stages.get(s).max() + 1;
        }
        if (acc > 0x1p50) {
            return null;
        }
        double[] coef = new double[backend.variableCount()];
        boolean[] used = new boolean[coef.length];
        for (int s = 0; s < primary; s++) {
            Stage st = stages.get(s);
            for (int i = 0; i < st.vars().length; i++) {
                coef[st.vars()[i]] += mult[s] * st.coefs()[i];
                used[st.vars()[i]] = true;
            }
        }
        List<Integer> vars = new ArrayList<>();
        List<Double> coefs = new ArrayList<>();
        for (int v = 0; v < coef.length; v++) {
            if (used[v]) {
                vars.add(v);
                coefs.add(coef[v]);
            }
        }
        double foldedMax = 0;
        for (int s = 0; s < primary; s++) {
            foldedMax += mult[s] * stages.get(s).max();
        }
        return new Folded(new Stage("primary stages folded with multipliers", -1, toInts(vars), toDoubles(coefs), true, foldedMax),
                mult, stages.subList(0, primary));
    }

    /** The primary stages as one objective: {@code sum_s multiplier[s] * value of parts[s]}. */
    record Folded(Stage stage, double[] multiplier, List<Stage> parts) {

        /** Values of the folded stages implied by a folded objective value (mixed-radix digits). */
        double[] split(double folded) {
            double[] v = new double[multiplier.length];
            double rest = Math.rint(folded);
            for (int s = 0; s < v.length; s++) {
                v[s] = Math.floor((rest + 0.5) / multiplier[s]);
                rest -= v[s] * multiplier[s];
            }
            return v;
        }
    }

    /** Adds the admission terms of newcomer f with the given coefficient; returns it (0 when f has no route). */
    private double addAdmitTerms(int f, double coef, List<Integer> vars, List<Double> coefs) {
        if (form == Formulation.PATH) {
            for (int zv : z[f]) {
                vars.add(zv);
                coefs.add(coef);
            }
            return z[f].length > 0 ? coef : 0;
        } else if (x[f] >= 0) {
            vars.add(x[f]);
            coefs.add(coef);
            return coef;
        }
        return 0;
    }

    /** Variable values for a decoded decision (the greedy start). */
    double[] hint(PriorityDecoder.Decision d, int varCount) {
        return encode(in.routesOf(d.choice()), d.kept(), varCount);
    }

    /** Variable values for routes per newcomer (null = rejected) and kept flags. */
    double[] encode(Path[] routes, boolean[] kept, int varCount) {
        double[] h = new double[varCount];
        for (int f = 0; f < in.flowCount(); f++) {
            if (routes[f] == null) {
                continue;
            }
            if (form == Formulation.PATH) {
                int c = in.candidates[f].indexOf(routes[f]);
                h[z[f][c]] = 1;
            } else {
                h[x[f]] = 1;
                for (int l : in.linkIndices(routes[f])) {
                    h[y[f][l]] = 1;
                }
            }
        }
        for (int e = 0; e < keep.length; e++) {
            h[keep[e]] = kept[e] ? 1 : 0;
        }
        return h;
    }

    /**
     * Completes a solution: every evicted flow that fits again is kept, then every rejected newcomer that fits
     * on a candidate path is admitted, classes highest first. Only adds, so it keeps every constraint and
     * every stage fix; it changes nothing in a proven-optimal answer and repairs what a time-limited stage
     * left out (a stage optimises its own class only).
     */
    double[] complete(double[] values) {
        Path[] routes = routes(values);
        boolean[] kept = kept(values);
        double[] load = in.pinnedLoad.clone();
        for (int e = 0; e < kept.length; e++) {
            if (kept[e]) {
                for (int l : in.evictableLinks[e]) {
                    load[l] += in.evictable[e].bandwidthBps();
                }
            }
        }
        for (int f = 0; f < routes.length; f++) {
            if (routes[f] != null) {
                for (int l : in.linkIndices(routes[f])) {
                    load[l] += in.bandwidth[f];
                }
            }
        }
        for (int e = 0; e < kept.length; e++) {
            if (!kept[e] && fits(load, in.evictableLinks[e], in.evictable[e].bandwidthBps())) {
                kept[e] = true;
                for (int l : in.evictableLinks[e]) {
                    load[l] += in.evictable[e].bandwidthBps();
                }
            }
        }
        for (int c = 0; c < in.classes.length; c++) {
            for (int f = 0; f < routes.length; f++) {
                if (in.classOf[f] != c || routes[f] != null) {
                    continue;
                }
                for (int p = 0; p < in.candidateLinks[f].length; p++) {
                    if (fits(load, in.candidateLinks[f][p], in.bandwidth[f])) {
                        routes[f] = in.candidates[f].get(p);
                        for (int l : in.candidateLinks[f][p]) {
                            load[l] += in.bandwidth[f];
                        }
                        break;
                    }
                }
            }
        }
        return encode(routes, kept, values.length);
    }

    private boolean fits(double[] load, int[] links, double b) {
        for (int l : links) {
            if (load[l] + b > in.capacity[l] * (1 + 1e-12)) {
                return false;
            }
        }
        return true;
    }

    /** Runs the stages, each from the previous incumbent, fixing each primary stage at its value before the next. */
    Solved solve(double[] start, double timeLimitSeconds, long startNanos, java.util.function.LongSupplier clock) {
        return solve(start, timeLimitSeconds, timeLimitSeconds, false, startNanos, clock);
    }

    /**
     * As {@link #solve(double[], double, long, java.util.function.LongSupplier)}, with the primary stages limited to
     * {@code primaryLimitSeconds} and everything to {@code timeLimitSeconds}; with {@code skipSecondaryWhenOpen} the
     * path-weight stage is skipped when a primary stage is not proven (a later run will redo it).
     */
    Solved solve(double[] start, double primaryLimitSeconds, double timeLimitSeconds, boolean skipSecondaryWhenOpen,
                 long startNanos, java.util.function.LongSupplier clock) {
        List<Stage> all = stages();
        Folded folded = fold && all.size() > 2 ? fold(all) : null;
        List<Stage> stages = folded == null ? all : List.of(folded.stage(), all.get(all.size() - 1));
        double[] inc = start;
        double[] stageValue = new double[stages.size()];
        double[] stageBound = new double[stages.size()];
        boolean allProven = true;
        boolean secondaryClosed = true;
        long[] stageDone = new long[stages.size()];
        long primaryDone = 0;
        List<String> notes = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            Stage st = stages.get(s);
            double val = eval(st, inc);
            double bound;
            boolean proven;
            double trivial = st.maximize() ? st.max() : 0;
            if (st.vars().length == 0 || Math.abs(val - trivial) <= 1e-9 * Math.max(1, Math.abs(trivial))) {
                proven = true;
                bound = val;
            } else {
                double elapsed = (clock.getAsLong() - startNanos) / 1e9;
                double remaining = (s == stages.size() - 1 ? timeLimitSeconds : Math.min(primaryLimitSeconds, timeLimitSeconds)) - elapsed;
                if (s == stages.size() - 1) {
                    // The path-weight tie-break gets as long as the primary stages took (at least 2 s), not the whole limit.
                    remaining = Math.min(remaining, Math.max(2.0, elapsed));
                }
                if (s == stages.size() - 1 && skipSecondaryWhenOpen && !allProven) {
                    proven = false;
                    bound = 0;
                    notes.add("path weight left to the staged run (primary stages not proven)");
                } else if (remaining < 0.005) {
                    proven = false;
                    bound = trivial;
                    notes.add("time limit reached before stage '" + st.label() + "'");
                } else {
                    boolean secondary = s == stages.size() - 1;
                    // A class's stage cannot gain from lower classes (they only take capacity), so their variables are
                    // fixed to 0 while it runs; completion refills them afterwards. Not with evictable flows, whose
                    // eviction rows may need lower-class newcomers.
                    int[] lower = !secondary && in.isStrict() && keep.length == 0 && st.classIndex() >= 0 ? lowerClassVars(st.classIndex()) : new int[0];
                    double[] from = inc;
                    if (lower.length > 0) {
                        backend.fixToZero(lower, true);
                        from = inc.clone();
                        for (int v : lower) {
                            from[v] = 0;
                        }
                    }
                    MipBackend.Outcome out = backend.optimize(st.vars(), st.coefs(), st.maximize(), remaining, from,
                            secondary ? SECONDARY_GAP : 0);
                    if (lower.length > 0) {
                        backend.fixToZero(lower, false);
                    }
                    if (out.values() != null) {
                        double[] completed = complete(out.values());
                        double got = eval(st, completed);
                        if (notWorse(stages, s, completed, inc)) {
                            inc = completed;
                            val = got;
                        }
                    }
                    proven = out.proven();
                    if (proven) {
                        bound = val;
                    } else if (Double.isNaN(out.bound())) {
                        bound = trivial;
                    } else {
                        // SCIP reports a huge bound (+-1e20) before its first LP: a maximised stage never exceeds its max, a minimised
                        // path weight is never negative.
                        bound = st.maximize() ? Math.min(st.max(), Math.max(val, out.bound())) : Math.max(0, Math.min(val, out.bound()));
                    }
                    if (!proven && s < stages.size() - 1) {
                        notes.add("stage '" + st.label() + "' stopped at the time limit");
                    }
                }
            }
            stageValue[s] = val;
            stageBound[s] = bound;
            stageDone[s] = clock.getAsLong() - startNanos;
            if (s < stages.size() - 1) {
                allProven &= proven;
            } else {
                secondaryClosed = proven || Math.abs(val - bound) <= SECONDARY_GAP * Math.max(1e-12, Math.abs(val)) * 1.0001;
                if (!secondaryClosed) {
                    notes.add("path weight not proven within " + SECONDARY_GAP + " of its minimum");
                }
            }
            if (s < stages.size() - 1) {
                // A folded objective is fixed through its parts: its own row would be too large for SCIP's relative tolerances.
                for (Stage part : folded == null ? List.of(st) : folded.parts()) {
                    double pv = eval(part, inc);
                    double tol = 1e-7 * Math.max(1, Math.abs(pv));
                    backend.addConstraint(part.vars(), part.coefs(), pv - tol, Double.POSITIVE_INFINITY, "fix_" + part.label());
                }
                primaryDone = clock.getAsLong();
            }
        }
        if (folded != null) {
            // Report per original stage: values of the answer, bounds from the folded bound given the stages above.
            int p = all.size() - 1;
            double[] sv = new double[all.size()];
            double[] sb = new double[all.size()];
            long[] sd = new long[all.size()];
            double rest = stageBound[0];
            for (int s = 0; s < p; s++) {
                sv[s] = eval(all.get(s), inc);
                sb[s] = allProven ? sv[s] : Math.max(sv[s], Math.floor((rest + 1e-6) / folded.multiplier()[s]));
                rest -= folded.multiplier()[s] * sv[s];
                sd[s] = stageDone[0];
            }
            sv[p] = stageValue[1];
            sb[p] = stageBound[1];
            sd[p] = stageDone[1];
            notes.add("primary stages solved as one folded objective (exact lexicographic multipliers)");
            return new Solved(inc, allProven, secondaryClosed, sv, sb, all, primaryDone - startNanos, sd, notes, true);
        }
        if (backend.approximate()) {
            notes.add("CP-SAT needed rounded coefficients (non-decimal data); optimality is not claimed");
            allProven = false;
        }
        return new Solved(inc, allProven, secondaryClosed, stageValue, stageBound, stages, primaryDone - startNanos, stageDone, notes, false);
    }

    /**
     * Whether the solver's (completed) answer may replace the incumbent after stage {@code s}: compared on stage s and
     * every later stage, lexicographically (maximised stages larger, the minimised path weight smaller), with the
     * tolerance of {@link Score}. Comparing stage s alone let an answer that only ties on it replace an incumbent that
     * was better on a later class; a later stage stopped by the time limit then kept the worse value, so a staged
     * run could end below its own start (the greedy answer or the folded incumbent).
     */
    static boolean notWorse(List<Stage> stages, int s, double[] candidate, double[] incumbent) {
        for (int t = s; t < stages.size(); t++) {
            Stage st = stages.get(t);
            double a = eval(st, candidate);
            double b = eval(st, incumbent);
            if (!Score.same(a, b)) {
                return st.maximize() == (a > b);
            }
        }
        return true;
    }

    /** Variables of the newcomers of classes below class index {@code c} (path: z, arc: x and y). */
    private int[] lowerClassVars(int c) {
        List<Integer> out = new ArrayList<>();
        for (int f = 0; f < in.flowCount(); f++) {
            if (in.classOf[f] <= c) {
                continue;
            }
            if (form == Formulation.PATH) {
                for (int v : z[f]) {
                    out.add(v);
                }
            } else if (x[f] >= 0) {
                out.add(x[f]);
                for (int v : y[f]) {
                    if (v >= 0) {
                        out.add(v);
                    }
                }
            }
        }
        return toInts(out);
    }

    private static double eval(Stage st, double[] values) {
        double s = 0;
        for (int i = 0; i < st.vars().length; i++) {
            s += st.coefs()[i] * values[st.vars()[i]];
        }
        return s;
    }

    /** Routes per newcomer read from variable values. */
    Path[] routes(double[] values) {
        Path[] routes = new Path[in.flowCount()];
        for (int f = 0; f < routes.length; f++) {
            if (form == Formulation.PATH) {
                for (int p = 0; p < z[f].length; p++) {
                    if (values[z[f][p]] > 0.5) {
                        routes[f] = in.candidates[f].get(p);
                    }
                }
            } else if (x[f] >= 0 && values[x[f]] > 0.5) {
                routes[f] = tracePath(f, values);
            }
        }
        return routes;
    }

    /** A simple source-to-destination path inside the links the arc model selected for f (stray cycles ignored). */
    private Path tracePath(int f, double[] values) {
        int s = in.topology.indexOfNode(in.flows[f].source());
        int t = in.topology.indexOfNode(in.flows[f].destination());
        int[] via = new int[in.topology.nodeCount()];
        Arrays.fill(via, -2);
        via[s] = -1;
        Deque<Integer> queue = new ArrayDeque<>(List.of(s));
        while (!queue.isEmpty() && via[t] == -2) {
            int v = queue.poll();
            for (int l : in.topology.outLinkIndices(v)) {
                if (y[f][l] >= 0 && values[y[f][l]] > 0.5) {
                    int u = in.topology.indexOfNode(in.link(l).target());
                    if (via[u] == -2) {
                        via[u] = l;
                        queue.add(u);
                    }
                }
            }
        }
        if (via[t] == -2) {
            throw new IllegalStateException("arc model selected flow " + in.flows[f].id() + " without a connected path");
        }
        Deque<Link> hops = new ArrayDeque<>();
        for (int v = t; v != s; ) {
            Link l = in.link(via[v]);
            hops.addFirst(l);
            v = in.topology.indexOfNode(l.source());
        }
        return new Path(List.copyOf(hops));
    }

    boolean[] kept(double[] values) {
        boolean[] k = new boolean[keep.length];
        for (int e = 0; e < k.length; e++) {
            k[e] = values[keep[e]] > 0.5;
        }
        return k;
    }

    static int[] toInts(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }

    static double[] toDoubles(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        Arrays.fill(o, 1);
        return o;
    }
}
