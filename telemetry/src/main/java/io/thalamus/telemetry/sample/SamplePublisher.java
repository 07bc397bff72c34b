package io.thalamus.telemetry.sample;

import io.thalamus.telemetry.kafka.TelemetryTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes samples to the samples topic through a bounded in-memory queue: {@link #offer} never blocks
 * the caller (an OPC UA callback or a replay loop); when the queue is full the sample is dropped and
 * counted. One sender thread drains the queue into a Kafka producer keyed {@code element|subject},
 * partitioned by element ({@link ElementPartitioner}). The record timestamp is the send time, not the
 * sample's: a broker refuses a whole batch holding one far-future timestamp, and the topology re-stamps
 * each record from the sample anyway.
 */
public final class SamplePublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final BlockingQueue<TelemetrySample> queue;
    private final Thread sender;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    /** A publisher to {@link TelemetryTopics#SAMPLES} with a queue of {@code capacity} samples. */
    public SamplePublisher(String bootstrapServers, int capacity) {
        this(bootstrapServers, TelemetryTopics.SAMPLES, capacity, Map.of());
    }

    /** A publisher to {@code topic}; {@code overrides} are extra producer settings. */
    public SamplePublisher(String bootstrapServers, String topic, int capacity, Map<String, Object> overrides) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be >= 1, got " + capacity);
        }
        this.producer = new KafkaProducer<>(producerConfig(bootstrapServers, overrides),
                new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sender = new Thread(this::drain, "telemetry-sample-publisher");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Producer settings used for samples: batching, lz4, idempotence, the element partitioner. */
    public static Map<String, Object> producerConfig(String bootstrapServers, Map<String, Object> overrides) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, ElementPartitioner.class.getName());
        c.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        c.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.putAll(overrides);
        return c;
    }

    /** Queues a sample; returns false (and counts a drop) when the queue is full or the publisher closed. */
    public boolean offer(TelemetrySample s) {
        offered.incrementAndGet();
        if (!running || !queue.offer(s)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    private void drain() {
        List<TelemetrySample> batch = new ArrayList<>(1024);
        while (running || !queue.isEmpty()) {
            try {
                TelemetrySample first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 4095);
                for (TelemetrySample s : batch) {
                    send(s);
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    private void send(TelemetrySample s) {
        producer.send(new ProducerRecord<>(topic, s.key(), SampleJson.write(s)), (md, ex) -> {
            if (ex == null) {
                acked.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        });
    }

    /** Samples handed to {@link #offer}. */
    public long offered() {
        return offered.get();
    }

    /** Samples refused because the queue was full (or the publisher closed). */
    public long dropped() {
        return dropped.get();
    }

    /** Samples the broker acknowledged. */
    public long acked() {
        return acked.get();
    }

    /** Samples whose send failed. */
    public long failed() {
        return failed.get();
    }

    /** Samples waiting in the queue. */
    public int queued() {
        return queue.size();
    }

    /** Sends what is queued and waits (at most 30 s) until every accepted sample is acknowledged or failed. */
    public void flush() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (acked.get() + failed.get() < offered.get() - dropped.get() && System.currentTimeMillis() < deadline) {
            producer.flush();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sender.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
