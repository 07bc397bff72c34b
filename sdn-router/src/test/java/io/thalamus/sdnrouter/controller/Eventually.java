package io.thalamus.sdnrouter.controller;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition every 10 ms until it holds or the time is up (for asynchronous controller state in tests). */
final class Eventually {

    private Eventually() {
    }

    /** True as soon as {@code done} holds; false when it still does not after {@code within}. */
    static boolean holds(Duration within, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return done.getAsBoolean();
    }
}
