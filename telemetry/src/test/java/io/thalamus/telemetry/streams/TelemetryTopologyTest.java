package io.thalamus.telemetry.streams;

import io.thalamus.telemetry.TinyNetwork;
import io.thalamus.telemetry.kafka.TelemetryTopics;
import io.thalamus.telemetry.sample.DeadLetter;
import io.thalamus.telemetry.sample.SampleJson;
import io.thalamus.telemetry.sample.TelemetrySample;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Collectors;

import static io.thalamus.telemetry.TinyNetwork.AB;
import static io.thalamus.telemetry.TinyNetwork.BC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TelemetryTopologyTest {

    /** 2026-01-01T00:00:00Z: a round epoch so windows start at multiples of their size. */
    private static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> samples;
    private TestOutputTopic<String, byte[]> stats;
    private TestOutputTopic<String, byte[]> anomalies;
    private TestOutputTopic<String, byte[]> dead;

    @BeforeEach
    void start() {
        PipelineSettings settings = PipelineSettings.defaults();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(TelemetryTopology.build(new LinkCatalog(TinyNetwork.topology()), settings,
                new RobustZScore(10), PipelineEvents.NONE), props, Instant.ofEpochMilli(T0 + 3_600_000));
        samples = driver.createInputTopic(TelemetryTopics.SAMPLES, new StringSerializer(), new ByteArraySerializer());
        stats = driver.createOutputTopic(TelemetryTopics.LINK_STATS, new StringDeserializer(), new ByteArrayDeserializer());
        anomalies = driver.createOutputTopic(TelemetryTopics.ANOMALIES, new StringDeserializer(), new ByteArrayDeserializer());
        dead = driver.createOutputTopic(TelemetryTopics.DEAD_LETTER, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String element, String link, double utilization, long ts) {
        TelemetrySample s = new TelemetrySample(element, TelemetrySample.UTILIZATION, link, null, utilization,
                TelemetrySample.RATIO, ts, 0);
        samples.pipeInput(s.key(), SampleJson.write(s), ts);
    }

    /** Lets the pre-aggregation stage hand its partials to the windows (a wall-clock punctuation). */
    private void flush() {
        driver.advanceWallClockTime(TelemetryTopology.FLUSH_INTERVAL);
    }

    private List<LinkStatsMessage> allStats() {
        flush();
        return stats.readValuesToList().stream().map(LinkStatsMessage::fromJson).collect(Collectors.toList());
    }

    private static LinkStatsMessage last(List<LinkStatsMessage> list, String kind, String link, long start) {
        LinkStatsMessage found = null;
        for (LinkStatsMessage m : list) {
            if (m.window().equals(kind) && m.linkId().equals(link) && m.windowStart() == start) {
                found = m;
            }
        }
        assertThat(found).as("%s window of %s starting at %d", kind, link, start).isNotNull();
        return found;
    }

    @Test
    void tumblingWindowReportsMeanMaxAndP95() {
        double[] u = {0.1, 0.5, 0.3, 0.2, 0.4};
        for (int i = 0; i < u.length; i++) {
            send("A", AB, u[i], T0 + 1000L * i);
        }
        LinkStatsMessage m = last(allStats(), LinkStatsMessage.TUMBLING, AB, T0);
        assertThat(m.windowEnd()).isEqualTo(T0 + 10_000);
        assertThat(m.samples()).isEqualTo(5);
        assertThat(m.meanUtilization()).isCloseTo(0.3, within(1e-12));
        assertThat(m.maxUtilization()).isEqualTo(0.5);
        // sorted 0.1 0.2 0.3 0.4 0.5; rank 0.95 * 4 = 3.8 -> 0.4 + 0.8 * 0.1, within the sketch's 1 %
        assertThat(m.p95Utilization()).isCloseTo(0.48, within(0.48 * LogHistogram.RELATIVE_ERROR));
        assertThat(m.meanLoadBps()).isCloseTo(0.3 * TinyNetwork.CAPACITY, within(1.0));
        assertThat(m.latestSampleTimestamp()).isEqualTo(T0 + 4000);
    }

    @Test
    void p95OfAWindowFedOverManyFlushesIsWithinTheSketchErrorOfTheExactP95() {
        Random rnd = new Random(11);
        double[] u = new double[600];
        for (int i = 0; i < u.length; i++) {
            u[i] = 0.05 + 0.9 * rnd.nextDouble() * rnd.nextDouble();
            send("A", AB, u[i], T0 + 10_000 + i * 15L);
            if (i % 97 == 0) {
                flush(); // partials of several sizes merge into the same window
            }
        }
        LinkStatsMessage m = last(allStats(), LinkStatsMessage.TUMBLING, AB, T0 + 10_000);
        assertThat(m.samples()).isEqualTo(u.length);
        double[] sorted = u.clone();
        java.util.Arrays.sort(sorted);
        double h = (sorted.length - 1) * 0.95;
        int lo = (int) Math.floor(h);
        double exact = sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
        assertThat(m.p95Utilization()).isCloseTo(exact, within(exact * LogHistogram.RELATIVE_ERROR));
        assertThat(m.maxUtilization()).isEqualTo(sorted[sorted.length - 1]);
        assertThat(m.meanUtilization()).isCloseTo(java.util.Arrays.stream(u).average().orElseThrow(), within(1e-12));
    }

    @Test
    void aScorersOwnVerdictDecidesWhateverTheThreshold() {
        driver.close();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test-verdict");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        AnomalyScorer flagsHighWindows = new AnomalyScorer() {
            @Override
            public String name() {
                return "verdict-only";
            }

            @Override
            public Score score(double[] history, int length, double x) {
                return new Score(Double.NaN, Double.NaN, x > 0.5); // no numeric score at all
            }
        };
        driver = new TopologyTestDriver(TelemetryTopology.build(new LinkCatalog(TinyNetwork.topology()),
                PipelineSettings.defaults(), flagsHighWindows, PipelineEvents.NONE), props, Instant.ofEpochMilli(T0 + 3_600_000));
        samples = driver.createInputTopic(TelemetryTopics.SAMPLES, new StringSerializer(), new ByteArraySerializer());
        anomalies = driver.createOutputTopic(TelemetryTopics.ANOMALIES, new StringDeserializer(), new ByteArrayDeserializer());
        send("A", AB, 0.2, T0 + 1_000);
        send("A", AB, 0.9, T0 + 11_000);
        send("A", AB, 0.2, T0 + 21_000);
        send("A", AB, 0.2, T0 + 36_000); // closes the first three windows
        flush();
        List<AnomalyEvent> events = anomalies.readValuesToList().stream().map(AnomalyEvent::fromJson).toList();
        assertThat(events).extracting(AnomalyEvent::windowStart).containsExactly(T0 + 10_000);
        assertThat(events.get(0).detector()).isEqualTo("verdict-only");
    }

    @Test
    void partialsKeepTheirKeySoTheWindowsNeedNoRepartitionTopic() {
        var description = TelemetryTopology.build(new LinkCatalog(TinyNetwork.topology()), PipelineSettings.defaults(),
                new RobustZScore(10), PipelineEvents.NONE).describe();
        // a repartition would let partials of two input partitions interleave and arrive late for their windows
        assertThat(description.subtopologies()).hasSize(1);
        assertThat(description.toString()).doesNotContain("repartition");
        assertThat(TelemetryTopology.slotMillis(PipelineSettings.defaults())).isEqualTo(10_000);
    }

    @Test
    void samplesOfALaterWindowOpenANewTumblingWindowAndFeedOverlappingHoppingWindows() {
        send("A", AB, 0.2, T0 + 5_000);
        send("A", AB, 0.6, T0 + 25_000);
        List<LinkStatsMessage> all = allStats();
        LinkStatsMessage second = last(all, LinkStatsMessage.TUMBLING, AB, T0 + 20_000);
        assertThat(second.samples()).isEqualTo(1);
        assertThat(second.meanUtilization()).isEqualTo(0.6);
        // hopping 60 s by 20 s: t0+25 s falls in the windows starting at t0-40 s, t0-20 s and t0 + 20 s
        LinkStatsMessage hop = last(all, LinkStatsMessage.HOPPING, AB, T0);
        assertThat(hop.samples()).isEqualTo(2);
        assertThat(hop.meanUtilization()).isCloseTo(0.4, within(1e-12));
        assertThat(last(all, LinkStatsMessage.HOPPING, AB, T0 + 20_000).samples()).isEqualTo(1);
        assertThat(last(all, LinkStatsMessage.HOPPING, AB, T0 - 20_000).samples()).isEqualTo(2);
    }

    @Test
    void ewmaFollowsTheHalfLife() {
        send("A", AB, 0.0, T0);
        send("A", AB, 1.0, T0 + 30_000); // one half-life later: halfway
        LinkStatsMessage m = last(allStats(), LinkStatsMessage.TUMBLING, AB, T0 + 30_000);
        assertThat(m.ewmaUtilization()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void lateSampleWithinGraceCountsAndBeyondGraceIsDeadLettered() {
        send("A", AB, 0.2, T0 + 1_000);
        send("A", AB, 0.4, T0 + 12_000);   // stream time 12 s; window [0,10) open until 15 s
        send("A", AB, 0.6, T0 + 8_000);    // out of order, within grace
        List<LinkStatsMessage> all = allStats();
        LinkStatsMessage w0 = last(all, LinkStatsMessage.TUMBLING, AB, T0);
        assertThat(w0.samples()).isEqualTo(2);
        assertThat(w0.meanUtilization()).isCloseTo(0.4, within(1e-12));
        assertThat(dead.isEmpty()).isTrue();

        send("A", AB, 0.3, T0 + 16_000);   // stream time 16 s: window [0,10) is closed
        send("A", AB, 0.9, T0 + 9_000);
        List<DeadLetter> letters = dead.readValuesToList().stream().map(DeadLetter::fromJson).toList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).reason()).startsWith("late:");
        assertThat(last(allStats(), LinkStatsMessage.TUMBLING, AB, T0 + 10_000).samples()).isEqualTo(2);
    }

    @Test
    void malformedSamplesGoToTheDeadLetterTopicWithTheirReasonAndTheStreamGoesOn() {
        long now = T0 + 3_600_000;
        samples.pipeInput("A|" + AB, "{not json".getBytes(StandardCharsets.UTF_8), now);
        send("A", "L9:A-Z", 0.5, now);
        send("A", AB, Double.NaN, now);
        send("A", AB, 0.5, now + Duration.ofDays(2).toMillis());
        TelemetrySample mismatched = new TelemetrySample("B", TelemetrySample.UTILIZATION, BC, null, 0.1, TelemetrySample.RATIO, now, 0);
        samples.pipeInput("A|" + AB, SampleJson.write(mismatched), now);
        send("Z", AB, 0.5, now);
        send("A", AB, 0.25, now);

        List<DeadLetter> letters = dead.readValuesToList().stream().map(DeadLetter::fromJson).toList();
        assertThat(letters).extracting(DeadLetter::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("malformed JSON"),
                r -> assertThat(r).contains("unknown link 'L9:A-Z'"),
                r -> assertThat(r).contains("'value' is NaN"),
                r -> assertThat(r).contains("in the future"),
                r -> assertThat(r).contains("does not match"),
                r -> assertThat(r).contains("unknown element 'Z'"));
        assertThat(letters.get(0).payload()).isEqualTo("{not json");
        assertThat(letters.get(0).sourceTopic()).isEqualTo(TelemetryTopics.SAMPLES);
        List<LinkStatsMessage> all = allStats();
        assertThat(all).isNotEmpty();
        assertThat(all.get(all.size() - 1).meanUtilization()).isEqualTo(0.25);
    }

    @Test
    void injectedSpikeRaisesExactlyOneAnomaly() {
        Random rnd = new Random(42);
        int windows = 25;
        int spikeWindow = 20;
        for (int w = 0; w < windows; w++) {
            for (int i = 0; i < 5; i++) {
                double u = w == spikeWindow ? 0.95 : 0.30 + 0.02 * rnd.nextGaussian();
                send("A", AB, u, T0 + w * 10_000L + i * 2_000L);
                send("B", BC, 0.50 + 0.02 * rnd.nextGaussian(), T0 + w * 10_000L + i * 2_000L);
            }
        }
        send("A", AB, 0.3, T0 + windows * 10_000L + 6_000); // push stream time past the last grace
        flush();
        List<AnomalyEvent> events = anomalies.readValuesToList().stream().map(AnomalyEvent::fromJson).toList();
        assertThat(events).hasSize(1);
        AnomalyEvent e = events.get(0);
        assertThat(e.linkId()).isEqualTo(AB);
        assertThat(e.windowStart()).isEqualTo(T0 + spikeWindow * 10_000L);
        assertThat(e.score()).isGreaterThan(3.5);
        assertThat(e.baseline()).isCloseTo(0.30, within(0.02));
        assertThat(e.detector()).isEqualTo("robust-z-score");
    }
}
