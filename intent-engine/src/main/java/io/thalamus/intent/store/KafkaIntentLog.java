package io.thalamus.intent.store;

import io.thalamus.intent.lifecycle.IntentEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The intent log on a Kafka topic with one partition (one total order of events), written by an
 * idempotent producer with {@code acks=all}: an append completes only once the broker has the record.
 */
public final class KafkaIntentLog implements IntentLog {

    /** Default topic name. */
    public static final String DEFAULT_TOPIC = "thalamus.intent-events";

    private final String bootstrap;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    /** Connects to {@code bootstrapServers}, creating {@code topic} when it does not exist. */
    public KafkaIntentLog(String bootstrapServers, String topic) {
        this.bootstrap = bootstrapServers;
        this.topic = topic;
        ensureTopic();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // batching: appends within 5 ms share one produce request (and one acknowledgement); under load this is
        // what lets thousands of intents a second be durable before their 202 without a request each
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "thalamus-intent-log");
        // append() is called on the HTTP event loop; send() blocks only to fetch metadata (fetched here, at start)
        // or while the 32 MiB buffer is full (a broker that stopped answering): bound that, so an overloaded log
        // answers 503 within a second instead of stalling every request on the loop for a minute
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        warmMetadata();
    }

    /** Fetches the topic's metadata before the first append, retrying for up to 30 s (each try is bounded by max.block.ms). */
    private void warmMetadata() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    producer.close();
                    throw new IllegalStateException("no metadata for topic " + topic + " from " + bootstrap + " in 30 s", e);
                }
            }
        }
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                            .configs(Map.of("min.insync.replicas", "1", "retention.ms", "-1"))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + " on " + bootstrap + ": " + e.getCause(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + ": " + e, e);
        }
    }

    @Override
    public CompletableFuture<Void> append(IntentEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, 0, event.intentId(), IntentEventCodec.encode(event)), (md, ex) -> {
            if (ex != null) {
                done.completeExceptionally(ex);
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    @Override
    public long replay(Consumer<IntentEvent> sink) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long n = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
            while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    sink.accept(IntentEventCodec.decode(r.value()));
                    n++;
                }
            }
        }
        return n;
    }

    /** The topic this log writes. */
    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
