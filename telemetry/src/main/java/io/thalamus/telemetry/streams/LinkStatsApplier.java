package io.thalamus.telemetry.streams;

import io.thalamus.network.spi.TelemetryListener;
import io.thalamus.telemetry.kafka.TelemetryTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Consumes {@code link-stats} and hands each tumbling-window record to a {@link TelemetryListener}
 * (the digital twin). Hopping-window records stay on the topic for other readers. Reports the
 * end-to-end latency (now minus the newest sample's timestamp) of every applied record.
 */
public final class LinkStatsApplier implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final TelemetryListener listener;
    private final LongConsumer latencyMs;
    private final Thread thread;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean assignedFlag;

    /**
     * Starts a consumer in group {@code groupId} that applies link statistics to {@code listener} and
     * reports each record's end-to-end latency to {@code latencyMs}.
     */
    public LinkStatsApplier(String bootstrapServers, String groupId, TelemetryListener listener, LongConsumer latencyMs) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.listener = listener;
        this.latencyMs = latencyMs;
        this.thread = new Thread(this::run, "telemetry-link-stats-applier");
        this.thread.setDaemon(true);
        consumer.subscribe(List.of(TelemetryTopics.LINK_STATS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assignedFlag = !partitions.isEmpty();
            }
        });
        this.thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    LinkStatsMessage m;
                    try {
                        m = LinkStatsMessage.fromJson(r.value());
                    } catch (RuntimeException e) {
                        malformed.incrementAndGet();
                        continue;
                    }
                    if (!LinkStatsMessage.TUMBLING.equals(m.window())) {
                        continue;
                    }
                    latencyMs.accept(System.currentTimeMillis() - m.latestSampleTimestamp());
                    try {
                        listener.onLinkStatistics(m.toLinkStatistics());
                    } finally {
                        applied.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Whether the consumer has been assigned its partitions (records produced after that will be seen). */
    public boolean assigned() {
        return waitAssigned(0);
    }

    /** Waits at most {@code millis} for a partition assignment. */
    public boolean waitAssigned(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        do {
            if (assignedFlag) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.currentTimeMillis() < deadline);
        return assignedFlag;
    }

    /** Link statistics handed to the listener. */
    public long applied() {
        return applied.get();
    }

    /** Records that could not be read. */
    public long malformed() {
        return malformed.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
