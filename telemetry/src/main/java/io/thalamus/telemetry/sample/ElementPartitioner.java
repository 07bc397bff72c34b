package io.thalamus.telemetry.sample;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Producer partitioner of the samples topic: the partition depends on the element part of the key only,
 * so all samples of one element (and so of each of its links) land in one partition, in order, and the
 * Streams topology can window them per link without a repartition topic.
 */
public final class ElementPartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int n = cluster.partitionCountForTopic(topic);
        if (n <= 1) {
            return 0;
        }
        String k = key instanceof String s ? s : new String(keyBytes == null ? new byte[0] : keyBytes, StandardCharsets.UTF_8);
        return partitionOf(SampleKey.element(k), n);
    }

    /** Partition of {@code element} among {@code partitions}. */
    public static int partitionOf(String element, int partitions) {
        return Utils.toPositive(Utils.murmur2(element.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
