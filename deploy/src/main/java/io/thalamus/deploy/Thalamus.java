package io.thalamus.deploy;

import io.thalamus.deploy.api.ApiServer;
import io.thalamus.network.builtin.BuiltinTopologies;
import io.thalamus.network.topology.Topology;

import java.io.IOException;
import java.nio.file.Files;

/** The composition root: wires every module from one {@link ThalamusConfig} and owns their lifecycles. */
public final class Thalamus implements AutoCloseable {

    private final ThalamusConfig config;
    private final Topology topology;
    private final ApiServer api;

    private Thalamus(ThalamusConfig config, Topology topology, ApiServer api) {
        this.config = config;
        this.topology = topology;
        this.api = api;
    }

    /** Loads the topology, starts the services and the HTTP API; returns once everything listens. */
    public static Thalamus start(ThalamusConfig config) throws IOException {
        Files.createDirectories(config.stateDir());
        Topology topology = config.topologyFile() == null
                ? BuiltinTopologies.abilene()
                : TopologyFiles.read(config.topologyFile());
        ApiServer api = ApiServer.start(config.port(), topology);
        return new Thalamus(config, topology, api);
    }

    public int port() {
        return api.port();
    }

    public Topology topology() {
        return topology;
    }

    public ThalamusConfig config() {
        return config;
    }

    @Override
    public void close() {
        api.close();
    }
}
