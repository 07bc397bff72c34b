package io.thalamus.deploy;

import java.nio.file.Path;

/**
 * The one configuration record the application is wired from.
 *
 * @param port              HTTP port on 127.0.0.1 (0 picks a free one)
 * @param topologyFile      topology to load, or null for the built-in Abilene
 * @param stateDir          folder for all persistent state (the embedded broker's log, caches)
 * @param bootstrapServers  Kafka cluster to use, or null to start the embedded single-node KRaft broker
 * @param english           whether to train the English intent pipeline in the background at start
 * @param telemetryReplay   whether to replay synthetic diurnal link loads into the twin (the demo's live traffic)
 */
public record ThalamusConfig(int port, Path topologyFile, Path stateDir, String bootstrapServers, boolean english,
                             boolean telemetryReplay) {

    /** Port 8080, built-in topology, state in {@code ~/.thalamus}, embedded broker, English on, replay on. */
    public static ThalamusConfig defaults() {
        return new ThalamusConfig(8080, null, Path.of(System.getProperty("user.home"), ".thalamus"), null, true, true);
    }

    public ThalamusConfig withPort(int p) {
        return new ThalamusConfig(p, topologyFile, stateDir, bootstrapServers, english, telemetryReplay);
    }

    public ThalamusConfig withTopologyFile(Path f) {
        return new ThalamusConfig(port, f, stateDir, bootstrapServers, english, telemetryReplay);
    }

    public ThalamusConfig withStateDir(Path d) {
        return new ThalamusConfig(port, topologyFile, d, bootstrapServers, english, telemetryReplay);
    }

    public ThalamusConfig withBootstrapServers(String servers) {
        return new ThalamusConfig(port, topologyFile, stateDir, servers, english, telemetryReplay);
    }

    public ThalamusConfig withEnglish(boolean on) {
        return new ThalamusConfig(port, topologyFile, stateDir, bootstrapServers, on, telemetryReplay);
    }

    public ThalamusConfig withTelemetryReplay(boolean on) {
        return new ThalamusConfig(port, topologyFile, stateDir, bootstrapServers, english, on);
    }
}
