package io.thalamus.sdnrouter.admission;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a path preference per newcomer into a feasible, maximal decision. Classes are placed highest
 * first; inside a class, evictable existing flows go back on their own paths if they still fit, then
 * newcomers, highest value per bandwidth first, try their preferred candidate, then the others by weight. A newcomer whose preference is
 * "deferred" is placed after the rest of its class (strict mode) or after every class (weighted mode).
 * So every decoded answer respects capacities, never leaves out a flow that fits, and in strict mode
 * never lets a lower class take capacity a higher class could use. This is the greedy baseline (all
 * preferences 0) and the GA's repair.
 */
final class PriorityDecoder {

    /** Preference value meaning "place this newcomer last". */
    static final int DEFERRED = -1;

    private final AdmissionInstance in;
    private final int[][] newcomersByClass;
    private final int[][] evictableByClass;

    PriorityDecoder(AdmissionInstance in) {
        this.in = in;
        int classes = in.classes.length;
        List<List<Integer>> nb = new ArrayList<>();
        List<List<Integer>> eb = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            nb.add(new ArrayList<>());
            eb.add(new ArrayList<>());
        }
        for (int f = 0; f < in.flowCount(); f++) {
            nb.get(in.classOf[f]).add(f);
        }
        for (int e = 0; e < in.evictable.length; e++) {
            eb.get(in.evictableClassOf[e]).add(e);
        }
        // Inside a class, the best value per bandwidth first (the classic knapsack greedy), ties by input order.
        double[] density = new double[in.flowCount()];
        for (int f = 0; f < density.length; f++) {
            density[f] = in.value[f] / in.bandwidth[f];
        }
        for (List<Integer> l : nb) {
            l.sort((a, b) -> {
                int c = Double.compare(density[b], density[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
        }
        newcomersByClass = nb.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        evictableByClass = eb.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** A decoded decision: candidate index per newcomer (-1 rejected) and kept flag per evictable flow. */
    record Decision(int[] choice, boolean[] kept, Score score) {
    }

    /** Decodes preferences (candidate index, possibly out of range, or {@link #DEFERRED}). */
    Decision decode(int[] preference) {
        return decode(preference, false);
    }

    /**
     * Decodes preferences; with {@code reroute}, after each class is placed (strict mode; after all classes in
     * weighted mode) every rejected newcomer of that class is tried once more by moving one admitted newcomer
     * to another of its candidates so that the rejected one fits ({@link #reroute}); not with evictable existing
     * flows. In strict mode a newcomer of a higher class is moved only off links that no rejected newcomer of its
     * class or any class between crosses on any candidate: otherwise the move could free room in which such a flow
     * would fit (what the checker's strict-priority rule forbids, and a lexicographic loss). Each accepted move adds the rejected newcomer's value to its class and
     * changes no higher class, so the answer is at least as good lexicographically as without.
     */
    Decision decode(int[] preference, boolean rerouteAsked) {
        return decode(preference, rerouteAsked, () -> false);
    }

    /** As {@link #decode(int[], boolean)}; the moves stop (the answer kept maximal) once {@code stop} says so. */
    Decision decode(int[] preference, boolean rerouteAsked, java.util.function.BooleanSupplier stop) {
        // With evictable flows an eviction must stay justified by a higher newcomer on the evicted path: no moves.
        boolean reroute = rerouteAsked && in.evictable.length == 0;
        double[] load = in.pinnedLoad.clone();
        int n = in.flowCount();
        int[] choice = new int[n];
        // -1 until placed: the re-routing moves read the choices of the classes placed so far.
        java.util.Arrays.fill(choice, -1);
        boolean[] kept = new boolean[in.evictable.length];
        boolean strict = in.isStrict();
        int[] deferred = new int[n];
        int deferredCount = 0;
        double[] perClass = new double[in.classes.length];
        double weighted = 0;
        double pathWeight = 0;
        for (var a : in.pinned) {
            perClass[in.indexOfClass(a.flow().priority())] += a.flow().value();
            weighted += in.classWeight(a.flow().priority()) * a.flow().value();
        }
        for (int c = 0; c < in.classes.length; c++) {
            for (int e : evictableByClass[c]) {
                if (fits(load, in.evictableLinks[e], in.evictable[e].bandwidthBps())) {
                    add(load, in.evictableLinks[e], in.evictable[e].bandwidthBps());
                    kept[e] = true;
                    perClass[c] += in.evictable[e].value();
                    weighted += in.classWeight(in.evictable[e].priority()) * in.evictable[e].value();
                }
            }
            if (strict) {
                deferredCount = 0;
            }
            for (int f : newcomersByClass[c]) {
                choice[f] = -1;
                int pref = preference[f];
                if (pref == DEFERRED) {
                    deferred[deferredCount++] = f;
                    continue;
                }
                choice[f] = place(load, f, pref);
            }
            if (strict) {
                for (int i = 0; i < deferredCount; i++) {
                    choice[deferred[i]] = place(load, deferred[i], 0);
                }
                if (reroute) {
                    reroute(load, choice, newcomersByClass[c], c, stop);
                }
            }
        }
        if (!strict) {
            for (int i = 0; i < deferredCount; i++) {
                choice[deferred[i]] = place(load, deferred[i], 0);
            }
            if (reroute) {
                for (int c = 0; c < in.classes.length; c++) {
                    reroute(load, choice, newcomersByClass[c], -1, stop);
                }
            }
        }
        for (int f = 0; f < n; f++) {
            if (choice[f] >= 0) {
                perClass[in.classOf[f]] += in.value[f];
                weighted += in.classWeight(in.priority[f]) * in.value[f];
                pathWeight += in.candidateWeight[f][choice[f]];
            }
        }
        Score score = new Score(strict ? perClass : new double[] {weighted}, pathWeight);
        return new Decision(choice, kept, score);
    }

    /**
     * Preferences that make {@link #decode} reproduce {@code d}'s newcomers (or better): each admitted newcomer prefers
     * its chosen candidate, each rejected one is deferred. Decoding places the admitted ones of a class first, in
     * any order, and each fits on its preference because the loads at that point are below those of {@code d}; a
     * deferred one then fits only where it adds value. Used to write a locally improved answer back into a genotype.
     */
    int[] preferencesOf(Decision d) {
        int[] pref = new int[d.choice().length];
        for (int f = 0; f < pref.length; f++) {
            pref[f] = d.choice()[f] >= 0 ? d.choice()[f] : DEFERRED;
        }
        return pref;
    }

    /**
     * Tries each rejected newcomer of {@code members} (in decode order) on each of its candidates: when the
     * candidate lacks room, each admitted newcomer {@code g} crossing the most overloaded link of it is tried as the
     * first to be taken off ({@link #eject}: with up to two more, until the rejected one fits, and each put back on
     * another of its own candidates, freeing in strict mode only links allowed for its class, see
     * {@link #decode(int[], boolean)}); otherwise everything is restored. Up to three passes while something was inserted, then a last pass placing any
     * rejected member that fits. Loads and choices stay feasible throughout.
     *
     * @param strictClass the members' class index in strict mode (every admitted newcomer is then of that class or
     *                    higher), -1 in weighted mode (no restriction on moves)
     */
    private void reroute(double[] load, int[] choice, int[] members, int strictClass, java.util.function.BooleanSupplier stop) {
        List<List<Integer>> onLink = new ArrayList<>();
        for (int l = 0; l < in.links; l++) {
            onLink.add(new ArrayList<>());
        }
        for (int g = 0; g < choice.length; g++) {
            if (choice[g] >= 0) {
                for (int l : in.candidateLinks[g][choice[g]]) {
                    onLink.get(l).add(g);
                }
            }
        }
        // maxRejected[l]: the lowest class (largest index) of a rejected higher-class newcomer with a candidate over l.
        int[] maxRejected = new int[in.links];
        java.util.Arrays.fill(maxRejected, -1);
        if (strictClass > 0) {
            for (int c = 0; c < strictClass; c++) {
                for (int f : newcomersByClass[c]) {
                    if (choice[f] < 0) {
                        for (int[] path : in.candidateLinks[f]) {
                            for (int l : path) {
                                maxRejected[l] = Math.max(maxRejected[l], c);
                            }
                        }
                    }
                }
            }
        }
        for (int pass = 0; pass < 3; pass++) {
            boolean inserted = false;
            boolean stopped = false;
            for (int f : members) {
                if (choice[f] >= 0 || in.candidateLinks[f].length == 0) {
                    continue;
                }
                if (stop.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                int p = insert(load, choice, onLink, maxRejected, f);
                if (p >= 0) {
                    inserted = true;
                }
            }
            if (stopped) {
                break;
            }
            if (!inserted) {
                return;
            }
        }
        // A move may have freed room for a newcomer tried earlier in the last pass: keep the answer maximal.
        for (int f : members) {
            if (choice[f] < 0) {
                choice[f] = place(load, f, 0);
            }
        }
    }

    /** One insertion attempt for rejected newcomer f (see {@link #reroute}); returns its candidate or -1. */
    private int insert(double[] load, int[] choice, List<List<Integer>> onLink, int[] maxRejected, int f) {
        double b = in.bandwidth[f];
        int[][] cands = in.candidateLinks[f];
        for (int p = 0; p < cands.length; p++) {
            int worst = -1;
            double worstExcess = 0;
            for (int l : cands[p]) {
                double excess = load[l] + b - in.capacity[l] * (1 + 1e-12);
                if (excess > worstExcess) {
                    worstExcess = excess;
                    worst = l;
                }
            }
            if (worst < 0) {
                add(load, cands[p], b);
                choice[f] = p;
                index(onLink, f, cands[p], true);
                return p;
            }
            List<Integer> crossing = new ArrayList<>(onLink.get(worst));
            for (int g : crossing) {
                if ((MAX_EJECTED > 1 || in.bandwidth[g] >= worstExcess) && eject(load, choice, onLink, maxRejected, f, p, g)) {
                    return p;
                }
            }
        }
        return -1;
    }

    /**
     * Most newcomers taken off a candidate path for one insertion (see {@link #eject}). 2 and 3 were measured
     * (50 nodes / 2000 flows, load 2.0, seeds 2 and 3): no better answers and 5 to 20 times slower moves.
     */
    private static final int MAX_EJECTED = 1;

    /**
     * Takes {@code first} off its path, then, while newcomer f does not fit on its candidate p, the widest admitted
     * newcomer on p's most overloaded link (at most {@link #MAX_EJECTED} in all); if f then fits, places it and puts
     * each one taken off back on another of its candidates that fits (and may be freed, {@link #mayFree}). Commits
     * and returns true when every one found a place; otherwise restores loads and choices and returns false.
     */
    private boolean eject(double[] load, int[] choice, List<List<Integer>> onLink, int[] maxRejected, int f, int p, int first) {
        int[] path = in.candidateLinks[f][p];
        double b = in.bandwidth[f];
        int[] out = new int[MAX_EJECTED];
        int count = 0;
        out[count++] = first;
        add(load, in.candidateLinks[first][choice[first]], -in.bandwidth[first]);
        while (!fits(load, path, b) && count < MAX_EJECTED) {
            int worst = -1;
            double worstExcess = 0;
            for (int l : path) {
                double excess = load[l] + b - in.capacity[l] * (1 + 1e-12);
                if (excess > worstExcess) {
                    worstExcess = excess;
                    worst = l;
                }
            }
            int widest = -1;
            for (int h : onLink.get(worst)) {
                if ((widest < 0 || in.bandwidth[h] > in.bandwidth[widest]) && !contains(out, count, h)) {
                    widest = h;
                }
            }
            if (widest < 0) {
                break;
            }
            out[count++] = widest;
            add(load, in.candidateLinks[widest][choice[widest]], -in.bandwidth[widest]);
        }
        if (fits(load, path, b)) {
            add(load, path, b);
            int[] moved = new int[count];
            int placed = 0;
            for (; placed < count; placed++) {
                int g = out[placed];
                int[][] gc = in.candidateLinks[g];
                int[] old = gc[choice[g]];
                moved[placed] = -1;
                for (int q = 0; q < gc.length; q++) {
                    if (q != choice[g] && fits(load, gc[q], in.bandwidth[g]) && mayFree(old, gc[q], maxRejected, in.classOf[g])) {
                        add(load, gc[q], in.bandwidth[g]);
                        moved[placed] = q;
                        break;
                    }
                }
                if (moved[placed] < 0) {
                    break;
                }
            }
            if (placed == count) {
                for (int j = 0; j < count; j++) {
                    int g = out[j];
                    index(onLink, g, in.candidateLinks[g][choice[g]], false);
                    index(onLink, g, in.candidateLinks[g][moved[j]], true);
                    choice[g] = moved[j];
                }
                choice[f] = p;
                index(onLink, f, path, true);
                return true;
            }
            for (int j = 0; j < placed; j++) {
                add(load, in.candidateLinks[out[j]][moved[j]], -in.bandwidth[out[j]]);
            }
            add(load, path, -b);
        }
        for (int j = 0; j < count; j++) {
            add(load, in.candidateLinks[out[j]][choice[out[j]]], in.bandwidth[out[j]]);
        }
        return false;
    }

    private static boolean contains(int[] xs, int count, int x) {
        for (int i = 0; i < count; i++) {
            if (xs[i] == x) {
                return true;
            }
        }
        return false;
    }

    /** True when no link left by a move from {@code from} to {@code to} is crossed by a rejected flow of class index >= c. */
    private static boolean mayFree(int[] from, int[] to, int[] maxRejected, int c) {
        for (int l : from) {
            if (maxRejected[l] >= c && !contains(to, l)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(int[] path, int l) {
        for (int x : path) {
            if (x == l) {
                return true;
            }
        }
        return false;
    }

    private static void index(List<List<Integer>> onLink, int f, int[] path, boolean present) {
        for (int l : path) {
            if (present) {
                onLink.get(l).add(f);
            } else {
                onLink.get(l).remove(Integer.valueOf(f));
            }
        }
    }

    /**
     * Preferences that steer newcomers away from the links a decision saturates: each newcomer whose first
     * candidate crosses a link loaded above {@code threshold} of its capacity prefers its first candidate
     * that does not (or keeps 0). A seed for the GA next to the greedy preferences.
     */
    int[] avoidSaturated(Decision d, double threshold) {
        double[] load = in.pinnedLoad.clone();
        for (int e = 0; e < d.kept().length; e++) {
            if (d.kept()[e]) {
                add(load, in.evictableLinks[e], in.evictable[e].bandwidthBps());
            }
        }
        for (int f = 0; f < in.flowCount(); f++) {
            if (d.choice()[f] >= 0) {
                add(load, in.candidateLinks[f][d.choice()[f]], in.bandwidth[f]);
            }
        }
        boolean[] hot = new boolean[in.links];
        for (int l = 0; l < in.links; l++) {
            hot[l] = load[l] > threshold * in.capacity[l];
        }
        int[] pref = new int[in.flowCount()];
        for (int f = 0; f < pref.length; f++) {
            int[][] c = in.candidateLinks[f];
            if (c.length < 2 || !crosses(c[0], hot)) {
                continue;
            }
            for (int p = 1; p < c.length; p++) {
                if (!crosses(c[p], hot)) {
                    pref[f] = p;
                    break;
                }
            }
        }
        return pref;
    }

    private static boolean crosses(int[] path, boolean[] hot) {
        for (int l : path) {
            if (hot[l]) {
                return true;
            }
        }
        return false;
    }

    /** Places newcomer f on its preferred candidate, else the first that fits by weight; returns the index or -1. */
    private int place(double[] load, int f, int pref) {
        int[][] cands = in.candidateLinks[f];
        if (cands.length == 0) {
            return -1;
        }
        double b = in.bandwidth[f];
        int first = Math.floorMod(pref, cands.length);
        if (fits(load, cands[first], b)) {
            add(load, cands[first], b);
            return first;
        }
        for (int p = 0; p < cands.length; p++) {
            if (p != first && fits(load, cands[p], b)) {
                add(load, cands[p], b);
                return p;
            }
        }
        return -1;
    }

    private boolean fits(double[] load, int[] path, double b) {
        for (int l : path) {
            if (load[l] + b > in.capacity[l] * (1 + 1e-12)) {
                return false;
            }
        }
        return true;
    }

    private static void add(double[] load, int[] path, double b) {
        for (int l : path) {
            load[l] += b;
        }
    }
}
