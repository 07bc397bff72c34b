package io.thalamus.telemetry.streams;

import io.thalamus.telemetry.kafka.TelemetryTopics;
import io.thalamus.telemetry.sample.DeadLetter;
import io.thalamus.telemetry.sample.SampleFormatException;
import io.thalamus.telemetry.sample.SampleJson;
import io.thalamus.telemetry.sample.TelemetrySample;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-sample stage of the topology: parses and validates each record (refusals go out at once as
 * dead letters), folds the link's time-aware EWMA in, and adds the point to an in-memory partial
 * aggregate of its link and event-time slot. Every {@code flushInterval} of wall-clock time the partials
 * go downstream (oldest slot first), the EWMAs are written to their store, and a commit is requested, so
 * the window stores see a few records per link per flush instead of one per sample.
 *
 * <p>A slot is {@code slotMs} long and aligned so that every window boundary is a slot boundary: all
 * points of one slot fall into exactly the same tumbling and hopping windows, which makes merging them
 * before the windows exact. A partial is stamped with its newest point's time and keeps its key
 * ({@code element|link}, partitioned by element), so the windows need no repartition topic: each
 * window task sees the partials of exactly one input partition, in order.
 *
 * <p>Delivery: a commit is requested right after each flush, so the input offsets committed then cover
 * only points already handed to the window stores (whose changelogs the same commit flushes). Points
 * buffered at a moment the runtime commits on its own (the commit-interval backstop, a rebalance, a
 * clean shutdown) are not re-read: at most one flush interval of points per partition can miss their
 * windows then. A crash never loses them: their offsets were not committed, so they are read again.
 */
final class PreAggregateProcessor implements FixedKeyProcessor<String, byte[], TelemetryTopology.Checked> {

    private final SampleValidator validator;
    private final double halfLifeMs;
    private final long slotMs;
    private final Duration flushInterval;
    private final PipelineEvents events;
    private final Map<String, LinkState> links = new HashMap<>();
    private FixedKeyProcessorContext<String, TelemetryTopology.Checked> context;
    private KeyValueStore<String, byte[]> ewmaStore;
    private long streamTime = Long.MIN_VALUE;
    private int buffered;

    PreAggregateProcessor(SampleValidator validator, PipelineSettings settings, long slotMs, Duration flushInterval,
                          PipelineEvents events) {
        this.validator = validator;
        this.halfLifeMs = settings.ewmaHalfLife().toMillis();
        this.slotMs = slotMs;
        this.flushInterval = flushInterval;
        this.events = events;
    }

    /** EWMA and open partial aggregates of one record key (element|link). */
    private static final class LinkState {
        double ewma = Double.NaN;
        long ewmaTs = Long.MIN_VALUE;
        boolean ewmaDirty;
        /** A record of this key to derive the partials' records from (the key never changes: no repartition). */
        FixedKeyRecord<String, TelemetryTopology.Checked> template;
        final List<Long> slotStarts = new ArrayList<>(2);
        final List<WindowAccumulator> partials = new ArrayList<>(2);

        WindowAccumulator partial(long slot) {
            for (int i = 0; i < slotStarts.size(); i++) {
                if (slotStarts.get(i) == slot) {
                    return partials.get(i);
                }
            }
            WindowAccumulator a = new WindowAccumulator();
            slotStarts.add(slot);
            partials.add(a);
            return a;
        }
    }

    /** One partial ready to go downstream. */
    private record Partial(String key, FixedKeyRecord<String, TelemetryTopology.Checked> template, long slot, WindowAccumulator acc) {
    }

    @Override
    public void init(FixedKeyProcessorContext<String, TelemetryTopology.Checked> context) {
        this.context = context;
        this.ewmaStore = context.getStateStore(TelemetryTopology.EWMA_STORE);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, t -> flush());
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> rec) {
        String key = rec.key();
        TelemetrySample s;
        try {
            s = SampleJson.read(rec.value());
        } catch (SampleFormatException e) {
            reject(rec, e.getMessage());
            return;
        }
        if (key == null || !key.equals(s.key())) {
            reject(rec, "record key '" + key + "' does not match the sample's key '" + s.key() + "' (element|subject)");
            return;
        }
        Verdict v = validator.check(s, context.currentSystemTimeMs(), streamTime);
        if (v instanceof Verdict.Rejected r) {
            reject(rec, r.reason());
        } else if (v instanceof Verdict.Accepted a) {
            LinkPoint p = a.point();
            streamTime = Math.max(streamTime, p.timestampMs());
            LinkState st = links.computeIfAbsent(key, this::load);
            if (st.template == null) {
                st.template = rec.withValue((TelemetryTopology.Checked) null).withHeaders(new RecordHeaders());
            }
            double e = updateEwma(st, p);
            st.partial(Math.floorDiv(p.timestampMs(), slotMs) * slotMs)
                    .add(new LinkPoint(p.linkId(), p.utilization(), p.loadBps(), p.timestampMs(), e));
            buffered++;
            events.accepted();
        } else {
            events.skipped();
        }
    }

    private LinkState load(String key) {
        LinkState st = new LinkState();
        byte[] prev = ewmaStore.get(key);
        if (prev != null) {
            ByteBuffer bb = ByteBuffer.wrap(prev);
            st.ewma = bb.getDouble();
            st.ewmaTs = bb.getLong();
        }
        return st;
    }

    /** Time-aware EWMA: weight 1 - 2^(-dt / halfLife); an out-of-order sample gets the weight of dt = 0+. */
    private double updateEwma(LinkState st, LinkPoint p) {
        if (st.ewmaTs == Long.MIN_VALUE) {
            st.ewma = p.utilization();
            st.ewmaTs = p.timestampMs();
        } else {
            long dt = Math.max(1, p.timestampMs() - st.ewmaTs);
            double alpha = 1 - Math.pow(2, -dt / halfLifeMs);
            st.ewma += alpha * (p.utilization() - st.ewma);
            st.ewmaTs = Math.max(st.ewmaTs, p.timestampMs());
        }
        st.ewmaDirty = true;
        return st.ewma;
    }

    /** Sends every partial downstream, oldest slot first, and persists the EWMAs that moved. */
    private void flush() {
        if (buffered == 0) {
            return;
        }
        List<Partial> out = new ArrayList<>();
        for (Map.Entry<String, LinkState> e : links.entrySet()) {
            LinkState st = e.getValue();
            for (int i = 0; i < st.slotStarts.size(); i++) {
                out.add(new Partial(e.getKey(), st.template, st.slotStarts.get(i), st.partials.get(i)));
            }
            st.slotStarts.clear();
            st.partials.clear();
            if (st.ewmaDirty) {
                ewmaStore.put(e.getKey(), ByteBuffer.allocate(16).putDouble(st.ewma).putLong(st.ewmaTs).array());
                st.ewmaDirty = false;
            }
        }
        buffered = 0;
        out.sort(Comparator.comparingLong(Partial::slot).thenComparing(Partial::key));
        for (Partial p : out) {
            context.forward(p.template().withValue(new TelemetryTopology.Checked(p.acc(), null)).withTimestamp(p.acc().latestTimestampMs()));
        }
        context.commit();
    }

    private void reject(FixedKeyRecord<String, byte[]> rec, String reason) {
        RecordMetadata md = context.recordMetadata().orElse(null);
        DeadLetter d = DeadLetter.of(reason, md == null ? TelemetryTopics.SAMPLES : md.topic(),
                md == null ? -1 : md.partition(), md == null ? -1 : md.offset(), rec.key(), rec.value(),
                context.currentSystemTimeMs());
        events.deadLettered(reason);
        context.forward(rec.withValue(new TelemetryTopology.Checked(null, d)));
    }

    /** Persists the EWMAs; partials not yet flushed are dropped (see the class comment). */
    @Override
    public void close() {
        for (Map.Entry<String, LinkState> e : links.entrySet()) {
            LinkState st = e.getValue();
            if (st.ewmaDirty) {
                ewmaStore.put(e.getKey(), ByteBuffer.allocate(16).putDouble(st.ewma).putLong(st.ewmaTs).array());
            }
        }
        links.clear();
    }
}
