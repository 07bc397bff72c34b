package io.thalamus.twin.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class MaxMinAllocatorTest {

    @Test
    void twoFlowsOnOneBottleneckSplitItEvenly() {
        // Both want 8 on a 10 link: max-min gives 5 and 5.
        double[] r = MaxMinAllocator.allocate(new int[][] {{0}, {0}}, new double[] {8, 8}, new int[] {0, 0}, new double[] {10});
        assertArrayEquals(new double[] {5, 5}, r, 1e-9);
    }

    @Test
    void aSmallFlowKeepsItsDemandAndTheRestGoesToTheOther() {
        double[] r = MaxMinAllocator.allocate(new int[][] {{0}, {0}}, new double[] {3, 10}, new int[] {0, 0}, new double[] {10});
        assertArrayEquals(new double[] {3, 7}, r, 1e-9);
    }

    @Test
    void progressiveFillingAcrossTwoLinks() {
        // f0 crosses links 0 and 1, f1 only link 0, f2 only link 1. Link 1 (cap 4) saturates first at 2 each;
        // f0 freezes at 2 and f1 takes the remaining 8 of link 0.
        double[] r = MaxMinAllocator.allocate(new int[][] {{0, 1}, {0}, {1}}, new double[] {100, 100, 100},
                new int[] {0, 0, 0}, new double[] {10, 4});
        assertArrayEquals(new double[] {2, 8, 2}, r, 1e-9);
    }

    @Test
    void higherClassIsServedFirstAndLowerClassSharesTheRest() {
        double[] r = MaxMinAllocator.allocate(new int[][] {{0}, {0}, {0}}, new double[] {8, 4, 4},
                new int[] {5, 1, 1}, new double[] {10});
        assertArrayEquals(new double[] {8, 1, 1}, r, 1e-9);
    }

    @Test
    void higherClassStarvesLowerClassCompletely() {
        double[] r = MaxMinAllocator.allocate(new int[][] {{0}, {0}}, new double[] {12, 4}, new int[] {2, 0}, new double[] {10});
        assertArrayEquals(new double[] {10, 0}, r, 1e-9);
    }

    @Test
    void unroutedFlowsGetNothingAndDoNotConsumeCapacity() {
        double[] r = MaxMinAllocator.allocate(new int[][] {null, {0}}, new double[] {5, 5}, new int[] {0, 0}, new double[] {10});
        assertArrayEquals(new double[] {0, 5}, r, 1e-9);
    }
}
