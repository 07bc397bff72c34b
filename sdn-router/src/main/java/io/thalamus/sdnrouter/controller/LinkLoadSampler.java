package io.thalamus.sdnrouter.controller;

import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.network.spi.TelemetryListener;
import io.thalamus.network.topology.Topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns the controller's port statistics into telemetry: each sample takes the transmitted-byte counter of every
 * link's source port, and the difference to the previous sample over the elapsed time is the link's load. Loads
 * are scaled back to the topology's units (times the lab's rate scale) so utilisation compares to the topology's
 * capacities; each sample becomes one {@link LinkStatistics} window for the listener (e.g. the digital twin).
 */
public final class LinkLoadSampler implements AutoCloseable {

    private final OpenFlowController controller;
    private final Topology topology;
    private final double rateScale;
    private final TelemetryListener listener;
    private Map<String, Long> lastBytes = Map.of();
    private Instant lastTime;
    private ScheduledExecutorService timer;

    /** A sampler of {@code controller}'s links reporting to {@code listener}. */
    public LinkLoadSampler(OpenFlowController controller, double rateScale, TelemetryListener listener) {
        this.controller = controller;
        this.topology = controller.topology();
        this.rateScale = rateScale;
        this.listener = listener;
    }

    /**
     * Takes one sample; from the second call on, reports and returns the statistics of every link over the
     * interval since the previous call.
     */
    public synchronized List<LinkStatistics> sample() {
        Instant now = Instant.now();
        Map<String, Long> bytes = new HashMap<>();
        for (PortCounters c : controller.portStatistics()) {
            if (c.linkId() != null) {
                bytes.put(c.linkId(), c.txBytes());
            }
        }
        List<LinkStatistics> out = new ArrayList<>();
        if (lastTime != null) {
            double seconds = Duration.between(lastTime, now).toNanos() / 1e9;
            for (Map.Entry<String, Long> e : bytes.entrySet()) {
                Long before = lastBytes.get(e.getKey());
                if (before == null || seconds <= 0) {
                    continue;
                }
                double loadBps = Math.max(0, e.getValue() - before) * 8 / seconds * rateScale;
                double util = loadBps / topology.link(e.getKey()).capacityBps();
                LinkStatistics s = new LinkStatistics(e.getKey(), lastTime, now, 1, util, util, util, util, loadBps);
                out.add(s);
                listener.onLinkStatistics(s);
            }
        }
        lastBytes = bytes;
        lastTime = now;
        return out;
    }

    /** Samples every {@code period} in the background until closed. */
    public synchronized LinkLoadSampler start(Duration period) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "link-load-sampler");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> {
                try {
                    sample();
                } catch (RuntimeException e) {
                    // a switch reconnecting: the next sample catches up
                }
            }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
