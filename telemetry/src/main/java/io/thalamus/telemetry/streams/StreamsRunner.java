package io.thalamus.telemetry.streams;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Runs the telemetry topology with Kafka Streams: settings tuned for one small JVM, its own state folder. */
public final class StreamsRunner implements AutoCloseable {

    private final KafkaStreams streams;

    /**
     * Starts {@code topology} as application {@code applicationId} against {@code bootstrapServers}, with
     * its state under {@code stateDir}; {@code replication} is the replication factor of internal topics.
     */
    public StreamsRunner(Topology topology, String applicationId, String bootstrapServers, Path stateDir,
                         int replication, Map<String, Object> overrides) {
        Properties p = properties(applicationId, bootstrapServers, stateDir, replication);
        p.putAll(overrides);
        this.streams = new KafkaStreams(topology, p);
    }

    /** The Streams settings used (before overrides). */
    public static Properties properties(String applicationId, String bootstrapServers, Path stateDir, int replication) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replication);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // the pre-aggregation stage requests a commit after each flush (every 200 ms); the timer is a backstop
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10_000);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 8L * 1024 * 1024);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), 8 * 1024 * 1024);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 2 * 1024 * 1024);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG), 8L * 1024 * 1024);
        p.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 2000);
        return p;
    }

    /** Starts processing and waits (at most {@code timeout}) until the application is RUNNING. */
    public StreamsRunner start(Duration timeout) {
        streams.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                throw new IllegalStateException("Kafka Streams stopped: " + streams.state());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return this;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The largest consumer lag (records) of the Streams consumer over its partitions, NaN if unknown. */
    public double maxLag() {
        return metric("records-lag-max", "consumer-fetch-manager-metrics");
    }

    /** Records the Streams main consumer fetched per second (recent rate). */
    public double consumedRate() {
        return metric("records-consumed-rate", "consumer-fetch-manager-metrics");
    }

    /** Records Streams dropped (too late for every window, or unreadable), since start. */
    public double droppedRecords() {
        double sum = 0;
        boolean any = false;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            if (e.getKey().name().equals("dropped-records-total")) {
                Object v = e.getValue().metricValue();
                if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
                    sum += n.doubleValue();
                    any = true;
                }
            }
        }
        return any ? sum : 0;
    }

    /** Non-zero dropped-record counts by the metric's tags (task, processor node), for diagnosis. */
    public Map<String, Double> droppedRecordsByTags() {
        Map<String, Double> out = new java.util.TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            if (e.getKey().name().equals("dropped-records-total")
                    && e.getValue().metricValue() instanceof Number n && n.doubleValue() > 0) {
                out.put(e.getKey().group() + " " + e.getKey().tags(), n.doubleValue());
            }
        }
        return out;
    }

    private double metric(String name, String group) {
        double best = Double.NaN;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (n.name().equals(name) && n.group().equals(group) && !n.tags().containsKey("topic")
                    && n.tags().getOrDefault("client-id", "").contains("StreamThread")
                    && !n.tags().get("client-id").contains("restore")) {
                Object v = e.getValue().metricValue();
                if (v instanceof Number num && !Double.isNaN(num.doubleValue()) && !Double.isInfinite(num.doubleValue())) {
                    best = Double.isNaN(best) ? num.doubleValue() : Math.max(best, num.doubleValue());
                }
            }
        }
        return best;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(15));
    }
}
