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
        double[] load = in.pinnedLoad.clone();
        int n = in.flowCount();
        int[] choice = new int[n];
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
            }
        }
        if (!strict) {
            for (int i = 0; i < deferredCount; i++) {
                choice[deferred[i]] = place(load, deferred[i], 0);
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
