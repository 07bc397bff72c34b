package io.thalamus.sdnrouter.admission;

import java.lang.management.ManagementFactory;

/**
 * CPU time of the whole process since this clock was created, divided by a thread count: with {@code threads}
 * the number of solver workers, one second on it is one second of those workers on dedicated cores. Used for the
 * multi-threaded CP-SAT under a CPU-clock limit, where the calling thread's own CPU time sees none of the workers.
 */
final class ProcessCpuClock {

    private final com.sun.management.OperatingSystemMXBean os;
    private final int threads;
    private final long origin;

    ProcessCpuClock(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean)
                || bean.getProcessCpuTime() < 0) {
            throw new IllegalStateException("this JVM does not report process CPU time");
        }
        this.os = bean;
        this.threads = threads;
        this.origin = os.getProcessCpuTime();
    }

    /** Process CPU nanoseconds since creation, divided by the thread count. */
    long nanos() {
        return (os.getProcessCpuTime() - origin) / threads;
    }
}
