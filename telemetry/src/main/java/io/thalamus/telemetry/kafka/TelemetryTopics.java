package io.thalamus.telemetry.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Names of the telemetry topics and their creation (idempotent) on any cluster. */
public final class TelemetryTopics {

    /** Raw samples, keyed {@code element|subject}, partitioned by element. */
    public static final String SAMPLES = "thalamus.telemetry.samples";
    /** Windowed per-link statistics, keyed by directed link id. */
    public static final String LINK_STATS = "thalamus.telemetry.link-stats";
    /** Anomaly scores of closed windows that crossed the threshold, keyed by link id. */
    public static final String ANOMALIES = "thalamus.telemetry.anomalies";
    /** Samples the pipeline refused, with the reason. */
    public static final String DEAD_LETTER = "thalamus.telemetry.dead-letter";

    private TelemetryTopics() {
    }

    /** All four topics. */
    public static List<String> all() {
        return List.of(SAMPLES, LINK_STATS, ANOMALIES, DEAD_LETTER);
    }

    /**
     * Creates the telemetry topics that do not exist yet ({@code samplePartitions} partitions for the
     * sample topic, the others with as many), with {@code replication} replicas each.
     */
    public static void create(String bootstrapServers, int samplePartitions, short replication) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> toCreate = new ArrayList<>();
            for (String t : all()) {
                if (!existing.contains(t)) {
                    toCreate.add(new NewTopic(t, samplePartitions, replication));
                }
            }
            if (!toCreate.isEmpty()) {
                try {
                    admin.createTopics(toCreate).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating telemetry topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create telemetry topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }
}
