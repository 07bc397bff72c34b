package io.thalamus.telemetry.replay;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Topology;
import io.thalamus.telemetry.sample.SamplePublisher;
import io.thalamus.telemetry.sample.TelemetrySample;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Replays a traffic series straight into Kafka: each step becomes one {@code load} sample per directed
 * link, reported by the link's source element, at a chosen speed-up (100 = one hundred series seconds
 * per wall-clock second). Samples are stamped with replay time (wall clock at the step's due time), so
 * windows and latency work as for live data; the series' own time is in the log, not in the samples.
 */
public final class TrafficReplay {

    /** What a replay did. */
    public record Result(int steps, long samples, long dropped, Duration elapsed) {
    }

    private final LinkLoads loads;
    private final SamplePublisher publisher;

    /** A replay of {@code loads} through {@code publisher}. */
    public TrafficReplay(LinkLoads loads, SamplePublisher publisher) {
        this.loads = loads;
        this.publisher = publisher;
    }

    /**
     * Replays every step; {@code speedup} <= 0 or infinite sends as fast as the publisher takes them.
     * Blocks until done (or interrupted), then flushes.
     */
    public Result run(double speedup) throws InterruptedException {
        Topology topo = loads.topology();
        Map<String, Long> seq = new HashMap<>();
        long wallStart = System.currentTimeMillis();
        long seriesStart = loads.time(0).toEpochMilli();
        boolean paced = speedup > 0 && Double.isFinite(speedup);
        long samples = 0;
        long droppedBefore = publisher.dropped();
        for (int t = 0; t < loads.steps(); t++) {
            long offset = loads.time(t).toEpochMilli() - seriesStart;
            long due = wallStart + (paced ? (long) (offset / speedup) : 0);
            long wait = due - System.currentTimeMillis();
            if (paced && wait > 0) {
                Thread.sleep(wait);
            }
            long ts = paced ? due : System.currentTimeMillis();
            for (int l = 0; l < topo.linkCount(); l++) {
                Link link = topo.links().get(l);
                long s = seq.merge(link.source(), 1L, Long::sum);
                publisher.offer(TelemetrySample.linkLoad(link.source(), link.id(), loads.load(t, l), ts, s));
                samples++;
            }
        }
        publisher.flush();
        return new Result(loads.steps(), samples, publisher.dropped() - droppedBefore,
                Duration.ofMillis(System.currentTimeMillis() - wallStart));
    }
}
