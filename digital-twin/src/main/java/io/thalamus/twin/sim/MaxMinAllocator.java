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
            allocateClass(flowLinks, demand, capacity, residual, classLoad, members, m, rate);
            start = end;
        }
        return rate;
    }

    private static void allocateClass(int[][] flowLinks, double[] demand, double[] capacity, double[] residual, double[] classLoad,
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
        int[] activeOnLink = new int[residual.length];
        boolean[] active = new boolean[demand.length];
        int activeCount = 0;
        for (int i = 0; i < m; i++) {
            int f = members[i];
            if (demand[f] <= 0) {
                continue;
            }
            active[f] = true;
            activeCount++;
            for (int l : flowLinks[f]) {
                activeOnLink[l]++;
            }
        }
        boolean[] saturated = new boolean[residual.length];
        while (activeCount > 0) {
            double delta = Double.POSITIVE_INFINITY;
            for (int l = 0; l < residual.length; l++) {
                if (activeOnLink[l] > 0) {
                    delta = Math.min(delta, Math.max(0, residual[l]) / activeOnLink[l]);
                }
            }
            for (int i = 0; i < m; i++) {
                int f = members[i];
                if (active[f]) {
                    delta = Math.min(delta, demand[f] - rate[f]);
                }
            }
            for (int i = 0; i < m; i++) {
                int f = members[i];
                if (active[f]) {
                    rate[f] += delta;
                    for (int l : flowLinks[f]) {
                        residual[l] -= delta;
                    }
                }
            }
            for (int l = 0; l < residual.length; l++) {
                if (activeOnLink[l] > 0 && residual[l] <= EPS * (1 + capacity[l])) {
                    saturated[l] = true;
                }
            }
            for (int i = 0; i < m; i++) {
                int f = members[i];
                if (!active[f]) {
                    continue;
                }
                boolean freeze = rate[f] >= demand[f] - EPS * Math.max(1, demand[f]);
                if (!freeze) {
                    for (int l : flowLinks[f]) {
                        if (saturated[l]) {
                            freeze = true;
                            break;
                        }
                    }
                }
                if (freeze) {
                    active[f] = false;
                    activeCount--;
                    for (int l : flowLinks[f]) {
                        activeOnLink[l]--;
                    }
                }
            }
        }
        for (int l = 0; l < residual.length; l++) {
            residual[l] = Math.max(0, residual[l]);
        }
    }
}
