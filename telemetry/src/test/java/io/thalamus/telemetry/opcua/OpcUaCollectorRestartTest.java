package io.thalamus.telemetry.opcua;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import io.thalamus.telemetry.TinyNetwork;
import io.thalamus.telemetry.kafka.EmbeddedKafka;
import io.thalamus.telemetry.kafka.TelemetryTopics;
import io.thalamus.telemetry.replay.LinkLoads;
import io.thalamus.telemetry.replay.SyntheticTraffic;
import io.thalamus.telemetry.sample.SampleJson;
import io.thalamus.telemetry.sample.SamplePublisher;
import io.thalamus.telemetry.sample.TelemetrySample;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A collector against a real Milo server on loopback, with the server restarted mid-stream. */
class OpcUaCollectorRestartTest {

    @TempDir
    Path dir;

    private static void await(String what, long millis, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!cond.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void collectionResumesAfterAServerRestartAndEverySampleIsAccountedFor() throws Exception {
        Topology topo = TinyNetwork.topology();
        LinkLoads loads = LinkLoads.route(topo, SyntheticTraffic.diurnal(topo, 500, Duration.ofMinutes(5),
                Instant.parse("2026-01-01T00:00:00Z"), 0.6, 11));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
             ElementSimulator sim = new ElementSimulator(loads, 0).startServer()) {
            TelemetryTopics.create(kafka.bootstrapServers(), 2, (short) 1);
            try (SamplePublisher pub = new SamplePublisher(kafka.bootstrapServers(), 10_000);
                 OpcUaCollector collector = new OpcUaCollector(List.of(sim.endpointUrl()), CollectorSettings.defaults(), pub).start()) {
                // 3 Sequence variables + 4 interfaces' LoadBps
                assertThat(collector.monitoredVariables()).isEqualTo(7);
                await("monitored items on the server", 10_000, () -> sim.monitoredItems() == 7);

                sim.startTicking(Duration.ofMillis(20));
                await("first steps", 10_000, () -> collector.counters().stepsSeen() >= 30);
                sim.stopServer();
                Thread.sleep(500);
                sim.startServer();
                await("resubscription", 30_000, () -> collector.counters().resubscriptions() >= 1 && collector.subscribed());
                long stepsAfterRestart = sim.steps();
                await("steps after the restart", 10_000, () -> sim.steps() > stepsAfterRestart + 30);
                sim.stopTicking();
                await("the last step of every element", 10_000, () -> topo.nodes().stream().allMatch(n ->
                        collector.account(n.id()).map(a -> a.lastSequence() == sim.sequence(n.id())).orElse(false)));
                pub.flush();

                CollectorCounters c = collector.counters();
                assertThat(c.sessionsActivated()).isGreaterThanOrEqualTo(2);
                assertThat(c.overflows()).isZero();
                assertThat(c.publisherDrops()).isZero();
                assertThat(c.stepsMissed()).as("the restart cost steps").isPositive();
                for (Node n : topo.nodes()) {
                    OpcUaCollector.ElementAccount a = collector.account(n.id()).orElseThrow();
                    assertThat(a.seen() + a.missed()).as(a.toString()).isEqualTo(a.lastSequence() - a.firstSequence() + 1);
                }

                Map<String, Integer> perLink = new HashMap<>();
                Set<String> keys = new HashSet<>();
                int records = 0;
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "opcua-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(TelemetryTopics.SAMPLES));
                    long deadline = System.currentTimeMillis() + 30_000;
                    while (records < c.published() && System.currentTimeMillis() < deadline) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            TelemetrySample s = SampleJson.read(r.value());
                            records++;
                            perLink.merge(s.linkId(), 1, Integer::sum);
                            assertThat(keys.add(s.key() + "@" + s.timestampMs())).as("duplicate sample %s", s).isTrue();
                        }
                    }
                }
                assertThat((long) records).isEqualTo(c.published());
                for (Link l : topo.links()) {
                    assertThat((long) perLink.getOrDefault(l.id(), 0)).isEqualTo(collector.publishedFor(l.id()));
                    long seen = collector.account(l.source()).orElseThrow().seen();
                    // a step races the item creation at most once per (re)subscription
                    assertThat((long) perLink.get(l.id())).isBetween(seen - 2, seen + 2);
                }
            }
        }
    }
}
