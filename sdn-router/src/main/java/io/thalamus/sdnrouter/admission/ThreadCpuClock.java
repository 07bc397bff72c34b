package io.thalamus.sdnrouter.admission;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that advances with the CPU time of the thread that created it (from the moment it was created),
 * so budgets measured with it are not cut short when other jobs share the machine. Only meaningful when
 * read from that same thread.
 */
final class ThreadCpuClock extends Clock {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long threadId = Thread.currentThread().getId();
    private final long origin = threads.getThreadCpuTime(threadId);

    /** CPU nanoseconds of the owning thread since this clock was created. */
    long nanos() {
        return threads.getThreadCpuTime(threadId) - origin;
    }

    @Override
    public long millis() {
        return nanos() / 1_000_000L;
    }

    @Override
    public Instant instant() {
        long n = nanos();
        return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a CPU-time clock has no zone");
    }
}
