package io.thalamus.intent.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the CPU priority of the calling thread (Linux: a higher nice value for that one thread), so that on a
 * machine with few cores the intake path (HTTP event loops, the intent log's producer and broker) gets the CPU first
 * and planning takes what is left: an intent waits a little longer for INSTALLED instead of its POST waiting for a
 * core. Best effort: where there is no {@code /proc/thread-self} or no {@code renice}, nothing changes.
 */
public final class PlanningPriority {

    private static final Logger LOG = LoggerFactory.getLogger(PlanningPriority.class);

    private PlanningPriority() {
    }

    /**
     * Gives the calling thread nice value {@code +nice} relative to the process (0 leaves it alone).
     * @return whether the priority was lowered
     */
    public static boolean lowerCurrentThread(int nice) {
        if (nice <= 0) {
            return false;
        }
        try {
            Path self = Path.of("/proc/thread-self");
            if (!Files.exists(self)) {
                return false;
            }
            // "<pid>/task/<tid>": on Linux a nice value belongs to a thread, and renice takes a thread id
            String target = Files.readSymbolicLink(self).toString();
            String tid = target.substring(target.lastIndexOf('/') + 1);
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            boolean ok = p.exitValue() == 0;
            LOG.debug("thread {} (tid {}): nice +{} {}", Thread.currentThread().getName(), tid, nice, ok ? "set" : "refused");
            return ok;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot lower the priority of thread {}: {}", Thread.currentThread().getName(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
