package io.thalamus.telemetry.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Binary serde of {@link LinkPoint} (only used if Streams ever needs to materialise points). */
public final class LinkPointSerde implements Serde<LinkPoint> {

    @Override
    public Serializer<LinkPoint> serializer() {
        return (topic, p) -> {
            if (p == null) {
                return null;
            }
            byte[] id = p.linkId().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(4 + id.length + 32).putInt(id.length).put(id).putDouble(p.utilization())
                    .putDouble(p.loadBps()).putLong(p.timestampMs()).putDouble(p.ewma()).array();
        };
    }

    @Override
    public Deserializer<LinkPoint> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(data);
            byte[] id = new byte[b.getInt()];
            b.get(id);
            return new LinkPoint(new String(id, StandardCharsets.UTF_8), b.getDouble(), b.getDouble(), b.getLong(), b.getDouble());
        };
    }
}
