package io.thalamus.sdnrouter.admission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dominance between newcomers, for the path ILP without evictable flows: newcomer {@code a} dominates
 * {@code b} when both have the same class and value, {@code (b_a, a) < (b_b, b)} (bandwidth, then index),
 * and every candidate path of {@code b} contains all links of some candidate path of {@code a}. Then some
 * optimal answer admits {@code a} whenever it admits {@code b}: if {@code b} is admitted on {@code q} and
 * {@code a} rejected, putting {@code a} on its candidate inside {@code q} instead of {@code b} keeps every
 * class value, loads no link more and does not lengthen the path weight; each such swap lowers the sorted
 * keys of the admitted set, so repeating it ends with every dominance row {@code admit(a) >= admit(b)} met.
 */
final class Dominance {

    private Dominance() {
    }

    /** Pairs {a, b} of newcomer indices with a dominating b (transitively implied pairs included). */
    static List<int[]> pairs(AdmissionInstance in) {
        int n = in.flowCount();
        // Node pairs and their candidate link sets, shared by the flows of the pair.
        Map<Long, List<Integer>> byPair = new HashMap<>();
        int nodes = in.topology.nodeCount();
        int[] src = new int[n];
        int[] dst = new int[n];
        for (int f = 0; f < n; f++) {
            src[f] = in.topology.indexOfNode(in.flows[f].source());
            dst[f] = in.topology.indexOfNode(in.flows[f].destination());
            if (in.candidateLinks[f].length > 0) {
                byPair.computeIfAbsent((long) src[f] * nodes + dst[f], x -> new ArrayList<>()).add(f);
            }
        }
        // covers.get(p2) = node pairs p1 whose candidates each lie inside every candidate of p2 (p1 may equal p2).
        Map<Long, List<Long>> covering = new HashMap<>();
        for (var e : byPair.entrySet()) {
            long p2 = e.getKey();
            int f2 = e.getValue().get(0);
            int[][] q = in.candidateLinks[f2];
            boolean[] mandatory = new boolean[nodes];
            Arrays.fill(mandatory, true);
            for (int[] path : q) {
                boolean[] on = new boolean[nodes];
                for (int l : path) {
                    on[in.topology.indexOfNode(in.link(l).source())] = true;
                    on[in.topology.indexOfNode(in.link(l).target())] = true;
                }
                for (int v = 0; v < nodes; v++) {
                    mandatory[v] &= on[v];
                }
            }
            List<Long> cov = new ArrayList<>();
            for (int u = 0; u < nodes; u++) {
                for (int v = 0; v < nodes; v++) {
                    if (u == v || !mandatory[u] || !mandatory[v]) {
                        continue;
                    }
                    long p1 = (long) u * nodes + v;
                    List<Integer> f1s = byPair.get(p1);
                    if (f1s != null && covers(in.candidateLinks[f1s.get(0)], q, in.links)) {
                        cov.add(p1);
                    }
                }
            }
            covering.put(p2, cov);
        }
        List<int[]> out = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            if (in.candidateLinks[b].length == 0) {
                continue;
            }
            for (long p1 : covering.get((long) src[b] * nodes + dst[b])) {
                for (int a : byPair.get(p1)) {
                    if (a != b && in.classOf[a] == in.classOf[b] && in.value[a] == in.value[b]
                            && (in.bandwidth[a] < in.bandwidth[b] || (in.bandwidth[a] == in.bandwidth[b] && a < b))) {
                        out.add(new int[] {a, b});
                    }
                }
            }
        }
        return out;
    }

    /** Whether every path of {@code q} contains all links of some path of {@code p}. */
    private static boolean covers(int[][] p, int[][] q, int links) {
        boolean[] on = new boolean[links];
        for (int[] path : q) {
            for (int l : path) {
                on[l] = true;
            }
            boolean found = false;
            for (int[] sub : p) {
                boolean inside = true;
                for (int l : sub) {
                    if (!on[l]) {
                        inside = false;
                        break;
                    }
                }
                if (inside) {
                    found = true;
                    break;
                }
            }
            for (int l : path) {
                on[l] = false;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
