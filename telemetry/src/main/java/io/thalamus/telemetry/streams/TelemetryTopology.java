package io.thalamus.telemetry.streams;

import io.thalamus.telemetry.kafka.TelemetryTopics;
import io.thalamus.telemetry.sample.DeadLetter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The Kafka Streams topology of the telemetry pipeline:
 * <ol>
 *   <li>read {@code samples} as raw bytes, parse and validate each record (bad JSON, unknown element or
 *       link, NaN, negative, far-future, later than the grace period), send refusals to
 *       {@code dead-letter} with the reason, update the link's EWMA (state store {@code link-ewma}),
 *       and pre-aggregate the points per link and window-aligned slot in memory
 *       ({@link PreAggregateProcessor}, flushed every {@link #FLUSH_INTERVAL});</li>
 *   <li>per link (the key {@code element|link} is already partitioned by element, so no repartition),
 *       the partials merged into tumbling and hopping windows with a grace period, in-memory window
 *       stores, aggregates flushed to {@code link-stats} at every commit;</li>
 *   <li>closed tumbling windows (suppressed until the grace period ends) scored against the link's last
 *       windows by an {@link AnomalyScorer}; scores at or past the threshold go to {@code anomalies}.</li>
 * </ol>
 */
public final class TelemetryTopology {

    static final String EWMA_STORE = "link-ewma";
    /** Wall-clock interval at which the pre-aggregated partials go to the window stores. */
    public static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);
    static final String HISTORY_STORE = "anomaly-history";

    private TelemetryTopology() {
    }

    /** Builds the topology over the links of {@code catalog}. */
    public static Topology build(LinkCatalog catalog, PipelineSettings settings, AnomalyScorer scorer, PipelineEvents events) {
        StreamsBuilder b = new StreamsBuilder();
        StoreBuilder<KeyValueStore<String, byte[]>> ewmaStore = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(EWMA_STORE), Serdes.String(), Serdes.ByteArray()).withCachingEnabled();
        b.addStateStore(ewmaStore);
        StoreBuilder<KeyValueStore<String, byte[]>> historyStore = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(HISTORY_STORE), Serdes.String(), Serdes.ByteArray());
        b.addStateStore(historyStore);

        SampleValidator validator = new SampleValidator(catalog, settings);
        long slotMs = slotMillis(settings);
        KStream<String, Checked> checked = b.stream(TelemetryTopics.SAMPLES, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .processValues(() -> new PreAggregateProcessor(validator, settings, slotMs, FLUSH_INTERVAL, events),
                        Named.as("validate-pre-aggregate"), EWMA_STORE);

        Map<String, KStream<String, Checked>> branches = checked.split(Named.as("route-"))
                .branch((k, v) -> v.partial() != null, Branched.as("partials"))
                .defaultBranch(Branched.as("dead"));
        branches.get("route-dead")
                .mapValues(c -> c.deadLetter().toJson(), Named.as("dead-letter-json"))
                .to(TelemetryTopics.DEAD_LETTER, Produced.with(Serdes.String(), Serdes.ByteArray()));

        KGroupedStream<String, WindowAccumulator> perLink = branches.get("route-partials")
                .mapValues(Checked::partial, Named.as("partial"))
                .groupByKey(Grouped.with(Serdes.String(), WindowAccumulator.serde()));

        Duration tumbling = settings.tumbling();
        KTable<Windowed<String>, WindowAccumulator> tumblingStats = perLink
                .windowedBy(TimeWindows.ofSizeAndGrace(tumbling, settings.grace()))
                .aggregate(WindowAccumulator::new, (k, part, acc) -> acc.merge(part), Named.as("tumbling-aggregate"),
                        Materialized.<String, WindowAccumulator>as(Stores.inMemoryWindowStore("tumbling-store",
                                        tumbling.plus(settings.grace()).plus(tumbling), tumbling, false))
                                .withKeySerde(Serdes.String()).withValueSerde(WindowAccumulator.serde()));
        toLinkStats(tumblingStats, LinkStatsMessage.TUMBLING);

        Duration hop = settings.hoppingSize();
        KTable<Windowed<String>, WindowAccumulator> hoppingStats = perLink
                .windowedBy(TimeWindows.ofSizeAndGrace(hop, settings.grace()).advanceBy(settings.hoppingAdvance()))
                .aggregate(WindowAccumulator::new, (k, part, acc) -> acc.merge(part), Named.as("hopping-aggregate"),
                        Materialized.<String, WindowAccumulator>as(Stores.inMemoryWindowStore("hopping-store",
                                        hop.plus(settings.grace()).plus(hop), hop, false))
                                .withKeySerde(Serdes.String()).withValueSerde(WindowAccumulator.serde()));
        toLinkStats(hoppingStats, LinkStatsMessage.HOPPING);

        // not changelogged: the window updates come from the flush punctuation, whose record context has
        // no topic, which the buffer's changelog cannot serialize. After a restart the buffer refills from
        // the next update of each open window (the window stores themselves are changelogged).
        tumblingStats.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded().withLoggingDisabled())
                        .withName("closed-windows"))
                .toStream(Named.as("closed-stream"))
                .process(() -> new AnomalyProcessor(settings, scorer, events), Named.as("anomaly-score"), HISTORY_STORE)
                .to(TelemetryTopics.ANOMALIES, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return b.build();
    }

    private static void toLinkStats(KTable<Windowed<String>, WindowAccumulator> table, String kind) {
        table.toStream(Named.as(kind + "-stream"))
                .filter((k, v) -> k != null && v != null, Named.as(kind + "-nonnull"))
                .map((k, v) -> KeyValue.pair(v.linkId(),
                        LinkStatsMessage.of(kind, k.window().start(), k.window().end(), v).toJson()), Named.as(kind + "-json"))
                .to(TelemetryTopics.LINK_STATS, Produced.with(Serdes.String(), Serdes.ByteArray()));
    }

    /** What the per-sample stage sends on: a partial aggregate of one link and slot, or a dead letter. */
    record Checked(WindowAccumulator partial, DeadLetter deadLetter) {
    }

    /**
     * Length of the pre-aggregation slots: the greatest common divisor of the window sizes and the
     * hopping advance, so that no window starts or ends inside a slot.
     */
    static long slotMillis(PipelineSettings s) {
        long g = gcd(s.tumbling().toMillis(), gcd(s.hoppingSize().toMillis(), s.hoppingAdvance().toMillis()));
        return Math.max(1, g);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Scores each closed tumbling window of a link against its previous windows. */
    static final class AnomalyProcessor implements Processor<Windowed<String>, WindowAccumulator, String, byte[]> {
        private final int capacity;
        private final double threshold;
        private final AnomalyScorer scorer;
        private final PipelineEvents events;
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<String, byte[]> history;

        AnomalyProcessor(PipelineSettings settings, AnomalyScorer scorer, PipelineEvents events) {
            this.capacity = settings.anomalyHistory();
            this.threshold = settings.anomalyThreshold();
            this.scorer = scorer;
            this.events = events;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.history = context.getStateStore(HISTORY_STORE);
        }

        @Override
        public void process(Record<Windowed<String>, WindowAccumulator> rec) {
            WindowAccumulator acc = rec.value();
            if (acc == null || acc.linkId() == null) {
                return;
            }
            String link = acc.linkId();
            double x = acc.meanUtilization();
            double[] h = decode(history.get(link));
            AnomalyScorer.Score s = scorer.score(h, h.length, x);
            if (s.isAnomaly(threshold)) {
                AnomalyEvent ev = new AnomalyEvent(1, link, rec.key().window().start(), rec.key().window().end(), x,
                        s.baseline(), s.value(), threshold, scorer.name(), h.length);
                events.anomaly(ev);
                context.forward(new Record<>(link, ev.toJson(), rec.timestamp()));
            }
            double[] next;
            if (h.length < capacity) {
                next = java.util.Arrays.copyOf(h, h.length + 1);
            } else {
                next = new double[capacity];
                System.arraycopy(h, 1, next, 0, capacity - 1);
            }
            next[next.length - 1] = x;
            history.put(link, encode(next));
        }

        private static double[] decode(byte[] b) {
            if (b == null) {
                return new double[0];
            }
            ByteBuffer bb = ByteBuffer.wrap(b);
            double[] d = new double[b.length / 8];
            for (int i = 0; i < d.length; i++) {
                d[i] = bb.getDouble();
            }
            return d;
        }

        private static byte[] encode(double[] d) {
            ByteBuffer bb = ByteBuffer.allocate(d.length * 8);
            for (double v : d) {
                bb.putDouble(v);
            }
            return bb.array();
        }
    }

    /** Names of the state stores, for documentation and tests. */
    public static Set<String> storeNames() {
        return Set.of(EWMA_STORE, HISTORY_STORE, "tumbling-store", "hopping-store");
    }

}
