package io.thalamus.telemetry.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The running statistics of one link in one window (or one pre-aggregated slice of it): count, sums,
 * maximum, a mergeable p95 sketch ({@link LogHistogram}, 1 % relative error), and the EWMA carried by the
 * newest sample. Mutable because Kafka Streams aggregates in place; stored in compact binary form by
 * {@link #serde()}.
 */
public final class WindowAccumulator {

    private String linkId;
    private long count;
    private double sumUtilization;
    private double sumLoadBps;
    private double maxUtilization = Double.NEGATIVE_INFINITY;
    private long latestTimestampMs = Long.MIN_VALUE;
    private double ewmaAtLatest = Double.NaN;
    private LogHistogram histogram = new LogHistogram();

    /** Folds one point in. */
    public WindowAccumulator add(LinkPoint p) {
        linkId = p.linkId();
        count++;
        sumUtilization += p.utilization();
        sumLoadBps += p.loadBps();
        maxUtilization = Math.max(maxUtilization, p.utilization());
        histogram.add(p.utilization());
        if (p.timestampMs() >= latestTimestampMs) {
            latestTimestampMs = p.timestampMs();
            ewmaAtLatest = p.ewma();
        }
        return this;
    }

    /** Folds a partial aggregate of the same link in (exact for count, sums, max; the sketch merges exactly). */
    public WindowAccumulator merge(WindowAccumulator o) {
        if (o.count == 0) {
            return this;
        }
        linkId = o.linkId;
        count += o.count;
        sumUtilization += o.sumUtilization;
        sumLoadBps += o.sumLoadBps;
        maxUtilization = Math.max(maxUtilization, o.maxUtilization);
        histogram.merge(o.histogram);
        if (o.latestTimestampMs >= latestTimestampMs) {
            latestTimestampMs = o.latestTimestampMs;
            ewmaAtLatest = o.ewmaAtLatest;
        }
        return this;
    }

    public String linkId() {
        return linkId;
    }

    public long count() {
        return count;
    }

    public double meanUtilization() {
        return count == 0 ? Double.NaN : sumUtilization / count;
    }

    public double meanLoadBps() {
        return count == 0 ? Double.NaN : sumLoadBps / count;
    }

    public double maxUtilization() {
        return count == 0 ? Double.NaN : maxUtilization;
    }

    public double p95Utilization() {
        return histogram.quantile(0.95);
    }

    public long latestTimestampMs() {
        return latestTimestampMs;
    }

    public double ewmaAtLatest() {
        return ewmaAtLatest;
    }

    /** The binary serde of accumulators used by the window stores. */
    public static Serde<WindowAccumulator> serde() {
        return Serdes.serdeFrom(new Ser(), new De());
    }

    private static final class Ser implements Serializer<WindowAccumulator> {
        @Override
        public byte[] serialize(String topic, WindowAccumulator a) {
            if (a == null) {
                return null;
            }
            byte[] id = (a.linkId == null ? "" : a.linkId).getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(4 + id.length + 8 * 6 + a.histogram.byteSize());
            b.putInt(id.length).put(id);
            b.putLong(a.count).putDouble(a.sumUtilization).putDouble(a.sumLoadBps).putDouble(a.maxUtilization)
                    .putLong(a.latestTimestampMs).putDouble(a.ewmaAtLatest);
            a.histogram.write(b);
            return b.array();
        }
    }

    private static final class De implements Deserializer<WindowAccumulator> {
        @Override
        public WindowAccumulator deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(data);
            WindowAccumulator a = new WindowAccumulator();
            byte[] id = new byte[b.getInt()];
            b.get(id);
            a.linkId = id.length == 0 ? null : new String(id, StandardCharsets.UTF_8);
            a.count = b.getLong();
            a.sumUtilization = b.getDouble();
            a.sumLoadBps = b.getDouble();
            a.maxUtilization = b.getDouble();
            a.latestTimestampMs = b.getLong();
            a.ewmaAtLatest = b.getDouble();
            a.histogram = LogHistogram.read(b);
            return a;
        }
    }
}
