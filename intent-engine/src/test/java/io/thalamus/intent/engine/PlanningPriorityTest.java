package io.thalamus.intent.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PlanningPriorityTest {

    /** Field 19 of /proc/thread-self/stat: the calling thread's nice value. */
    private static int niceOfCurrentThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(f[16]); // fields after "(comm)" start at field 3
    }

    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int mainBefore = niceOfCurrentThread();
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                before.set(niceOfCurrentThread());
                lowered.set(PlanningPriority.lowerCurrentThread(3));
                after.set(niceOfCurrentThread());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
        assumeTrue(lowered.get(), "renice not available here");
        assertThat(after.get()).isEqualTo(Math.min(19, before.get() + 3));
        assertThat(niceOfCurrentThread()).isEqualTo(mainBefore);
        assertThat(PlanningPriority.lowerCurrentThread(0)).isFalse();
    }
}
