package io.thalamus.telemetry.streams;

import io.thalamus.network.spi.LinkStatistics;
import io.thalamus.network.spi.TelemetryListener;
import io.thalamus.telemetry.TinyNetwork;
import io.thalamus.telemetry.kafka.EmbeddedKafka;
import io.thalamus.telemetry.kafka.TelemetryTopics;
import io.thalamus.telemetry.sample.DeadLetter;
import io.thalamus.telemetry.sample.SamplePublisher;
import io.thalamus.telemetry.sample.TelemetrySample;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static io.thalamus.telemetry.TinyNetwork.AB;
import static io.thalamus.telemetry.TinyNetwork.CB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The topology on a real embedded broker: samples in, link statistics out, listener updated. */
class PipelineIntegrationTest {

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static StreamsRunner streams;
    private static LinkStatsApplier applier;
    private static final List<LinkStatistics> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPipeline() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        TelemetryTopics.create(kafka.bootstrapServers(), 2, (short) 1);
        streams = new StreamsRunner(TelemetryTopology.build(new LinkCatalog(TinyNetwork.topology()),
                PipelineSettings.defaults(), new RobustZScore(10), PipelineEvents.NONE),
                "it-pipeline", kafka.bootstrapServers(), dir.resolve("streams"), 1, Map.of()).start(Duration.ofSeconds(60));
        TelemetryListener listener = received::add;
        applier = new LinkStatsApplier(kafka.bootstrapServers(), "it-twin", listener, ms -> { });
        assertThat(applier.waitAssigned(30_000)).isTrue();
    }

    @AfterAll
    static void stopPipeline() {
        applier.close();
        streams.close();
        kafka.close();
    }

    private static LinkStatistics awaitStats(Predicate<LinkStatistics> p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (LinkStatistics s : received) {
                if (p.test(s)) {
                    return s;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching link statistics within 30 s; received " + received);
    }

    @Test
    void samplesInLinkStatisticsOutListenerUpdated() throws Exception {
        long base = Math.floorDiv(System.currentTimeMillis() - 5_000, 10_000) * 10_000 + 100;
        try (SamplePublisher pub = new SamplePublisher(kafka.bootstrapServers(), 1000)) {
            pub.offer(TelemetrySample.linkLoad("A", AB, 1e9, base, 1));
            pub.offer(TelemetrySample.linkLoad("A", AB, 3e9, base + 100, 2));
            pub.offer(TelemetrySample.linkLoad("A", AB, 5e9, base + 200, 3));
            pub.flush();
            assertThat(pub.acked()).isEqualTo(3);
        }
        LinkStatistics s = awaitStats(x -> x.linkId().equals(AB) && x.samples() == 3);
        assertThat(s.meanUtilization()).isCloseTo(0.3, within(1e-12));
        assertThat(s.maxUtilization()).isCloseTo(0.5, within(1e-12));
        assertThat(s.meanLoadBps()).isCloseTo(3e9, within(1.0));
        assertThat(s.windowStart().toEpochMilli()).isEqualTo(base - 100);
        assertThat(s.windowEnd().toEpochMilli() - s.windowStart().toEpochMilli()).isEqualTo(10_000);
    }

    @Test
    void malformedRecordsAreDeadLetteredAndTheStreamKeepsRunning() throws Exception {
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(TelemetryTopics.SAMPLES, "C|" + CB, "}{".getBytes(StandardCharsets.UTF_8))).get();
        }
        try (SamplePublisher pub = new SamplePublisher(kafka.bootstrapServers(), 1000)) {
            pub.offer(TelemetrySample.linkLoad("C", "L404:C-X", 1e9, now, 1));
            pub.offer(TelemetrySample.linkLoad("C", CB, Double.NaN, now, 2));
            pub.offer(TelemetrySample.linkLoad("C", CB, 1e9, now + Duration.ofHours(3).toMillis(), 3));
            pub.offer(TelemetrySample.linkLoad("C", CB, 7e9, now, 4));
            pub.flush();
        }
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-dead-letter-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(TelemetryTopics.DEAD_LETTER));
            long deadline = System.currentTimeMillis() + 30_000;
            while (reasons.size() < 4 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    reasons.add(DeadLetter.fromJson(r.value()).reason());
                }
            }
        }
        assertThat(reasons).hasSize(4);
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("malformed JSON"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("unknown link 'L404:C-X'"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("NaN"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("in the future"));
        LinkStatistics s = awaitStats(x -> x.linkId().equals(CB));
        assertThat(s.samples()).isEqualTo(1);
        assertThat(s.meanUtilization()).isCloseTo(0.7, within(1e-12));
        assertThat(streams.state().isRunningOrRebalancing()).isTrue();
    }
}
