package io.thalamus.telemetry.kafka;

import io.thalamus.telemetry.LoopbackPorts;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one process) running inside this JVM on
 * loopback, for when no {@code bootstrap.servers} is configured. Its log lives under a data folder and
 * survives a restart on the same folder: the folder is formatted once, and the ports chosen at first
 * start are reused when they are still free.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String PORTS_FILE = "thalamus-ports.properties";
    private static final int NODE_ID = 1;

    private final Path dataDir;
    private final KafkaRaftServer server;
    private final int brokerPort;
    private final int controllerPort;

    private EmbeddedKafka(Path dataDir, KafkaRaftServer server, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.server = server;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker whose log directory is {@code dataDir} (created and formatted when new).
     *
     * @throws IllegalStateException when the broker cannot start
     */
    public static EmbeddedKafka start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path abs = dataDir.toAbsolutePath();
            Path logDir = abs.resolve("log");
            Files.createDirectories(logDir);
            int[] ports = choosePorts(abs);
            Properties props = brokerProperties(logDir, ports[0], ports[1]);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir);
            }
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(abs, server, ports[0], ports[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka: cannot prepare " + dataDir, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("embedded Kafka failed to start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The {@code bootstrap.servers} value clients use to reach this broker. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and waits until it has flushed and released its log directory. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(Path dir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("process.roles", "broker,controller");
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("log.dirs", dir.toString());
        p.put("metadata.log.dir", dir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB dedupe buffer would be allocated on the heap at start.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");
        p.put("auto.create.topics.enable", "false");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("log.retention.bytes", String.valueOf(512L * 1024 * 1024));
        p.put("log.retention.hours", "24");
        p.put("delete.topic.enable", "true");
        p.put("unclean.leader.election.enable", "true");
        return p;
    }

    private static void format(Path dir) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(ps)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(dir.toString()))
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .run();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("formatting " + dir + " failed: " + e.getMessage() + " " + out, e);
        }
    }

    /** Reuses the ports recorded by the previous start when both are free, else picks fresh ones. */
    private static int[] choosePorts(Path dir) throws IOException {
        Path file = dir.resolve(PORTS_FILE);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            int b = Integer.parseInt(p.getProperty("broker", "0"));
            int c = Integer.parseInt(p.getProperty("controller", "0"));
            if (b > 0 && c > 0 && LoopbackPorts.isFree(b) && LoopbackPorts.isFree(c)) {
                return new int[] {b, c};
            }
        }
        int b = LoopbackPorts.free();
        int c = LoopbackPorts.free();
        while (c == b) {
            c = LoopbackPorts.free();
        }
        Properties p = new Properties();
        p.setProperty("broker", String.valueOf(b));
        p.setProperty("controller", String.valueOf(c));
        try (var out = Files.newOutputStream(file)) {
            p.store(out, "ports of the embedded Kafka broker");
        }
        return new int[] {b, c};
    }
}
