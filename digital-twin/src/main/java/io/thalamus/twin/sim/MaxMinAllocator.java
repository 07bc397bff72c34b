package io.thalamus.twin.sim;

import java.util.Arrays;

/**
 * Bandwidth sharing on over-subscribed links: strict priority between classes (a higher class takes
 * what it needs first) and max-min fairness within a class, computed by progressive filling across all
 * links at once. Works on dense arrays: flows as arrays of link indices.
 */
public final class MaxMinAllocator {

    private static final double EPS = 1e-9;

    private MaxMinAllocator() {
    }

    /**
     * Allocates rates.
     *
     * @param flowLinks link indices of each flow's route ({@code null} = not routed, gets 0)
     * @param demand    requested rate of each flow
     * @param priority  class of each flow (higher served first)
     * @param capacity  capacity of each link (0 for a link that is down)
     * @return the rate of each flow, never above its demand
     */
    public static double[] allocate(int[][] flowLinks, double[] demand, int[] priority, double[] capacity) {
        int n = demand.length;
        double[] rate = new double[n];
        double[] residual = capacity.clone();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(priority[b], priority[a]));
        double[] classLoad = new double[capacity.length];
        int start = 0;
        int[] members = new int[n];
        while (start < n) {
            int p = priority[order[start]];
            int end = start;
            int m = 0;
            while (end < n && priority[order[end]] == p) {
                int f = order[end++];
                if (flowLinks[f] != null) {
                    members[m++] = f;
                }
            }
            allocateClass(flowLinks, demand, residual, classLoad, members, m, rate);
            start = end;
        }
        return rate;
    }

    private static int freeze(int f, double r, int[][] flowLinks, double[] rate, boolean[] frozen, int[] activeOnLink,
                              double[] frozenLoad) {
        rate[f] = r;
        frozen[f] = true;
        for (int l : flowLinks[f]) {
            activeOnLink[l]--;
            frozenLoad[l] += r;
        }
        return 1;
    }

    private static void allocateClass(int[][] flowLinks, double[] demand, double[] residual, double[] classLoad,
                                      int[] members, int m, double[] rate) {
        Arrays.fill(classLoad, 0);
        for (int i = 0; i < m; i++) {
            int f = members[i];
            for (int l : flowLinks[f]) {
                classLoad[l] += demand[f];
            }
        }
        boolean fits = true;
        for (int l = 0; l < residual.length; l++) {
            if (classLoad[l] > residual[l] * (1 + EPS) + EPS) {
                fits = false;
                break;
            }
        }
        if (fits) {
            // The common case: nothing in this class is over-subscribed, so every flow gets its demand.
            for (int i = 0; i < m; i++) {
                int f = members[i];
                rate[f] = demand[f];
            }
            for (int l = 0; l < residual.length; l++) {
                residual[l] = Math.max(0, residual[l] - classLoad[l]);
            }
            return;
        }
        // Progressive filling. Within a class every flow still growing has the same rate (the water
        // level), so each step only finds the next event: the lowest level at which a link saturates or
        // a flow reaches its demand. Flows are frozen once; work is O(events x links + sum of hops).
        int nl = residual.length;
        int[] count = new int[nl];
        for (int i = 0; i < m; i++) {
            for (int l : flowLinks[members[i]]) {
                count[l]++;
            }
        }
        int[][] onLink = new int[nl][];
        for (int l = 0; l < nl; l++) {
            onLink[l] = new int[count[l]];
        }
        int[] activeOnLink = new int[nl];
        for (int i = 0; i < m; i++) {
            int f = members[i];
            for (int l : flowLinks[f]) {
                onLink[l][activeOnLink[l]++] = f;
            }
        }
        Integer[] byDemand = new Integer[m];
        for (int i = 0; i < m; i++) {
            byDemand[i] = members[i];
        }
        Arrays.sort(byDemand, (a, b) -> Double.compare(demand[a], demand[b]));
        boolean[] frozen = new boolean[demand.length];
        double[] frozenLoad = new double[nl];
        int activeCount = m;
        for (int i = 0; i < m; i++) {
            int f = members[i];
            if (demand[f] <= 0) {
                activeCount -= freeze(f, 0, flowLinks, rate, frozen, activeOnLink, frozenLoad);
            }
        }
        double level = 0;
        int next = 0;
        while (activeCount > 0) {
            while (next < m && frozen[byDemand[next]]) {
                next++;
            }
            double target = next < m ? demand[byDemand[next]] : Double.POSITIVE_INFINITY;
            int bottleneck = -1;
            for (int l = 0; l < nl; l++) {
                if (activeOnLink[l] > 0) {
                    double saturation = Math.max(0, residual[l] - frozenLoad[l]) / activeOnLink[l];
                    if (saturation < target) {
                        target = saturation;
                        bottleneck = l;
                    }
                }
            }
            level = Math.max(level, target);
            if (bottleneck >= 0) {
                for (int f : onLink[bottleneck]) {
                    if (!frozen[f]) {
                        activeCount -= freeze(f, Math.min(level, demand[f]), flowLinks, rate, frozen, activeOnLink, frozenLoad);
                    }
                }
            }
            while (next < m && demand[byDemand[next]] <= level * (1 + EPS)) {
                int f = byDemand[next++];
                if (!frozen[f]) {
                    activeCount -= freeze(f, demand[f], flowLinks, rate, frozen, activeOnLink, frozenLoad);
                }
            }
        }
        for (int l = 0; l < nl; l++) {
            residual[l] -= frozenLoad[l];
        }
        for (int l = 0; l < residual.length; l++) {
            residual[l] = Math.max(0, residual[l]);
        }
    }
}
