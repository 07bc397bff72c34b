package io.thalamus.deploy;

import java.nio.file.Path;

/**
 * The one configuration record the application is wired from.
 *
 * @param port          HTTP port on 127.0.0.1 (0 picks a free one)
 * @param topologyFile  topology to load, or null for the built-in Abilene
 * @param stateDir      folder for all persistent state
 */
public record ThalamusConfig(int port, Path topologyFile, Path stateDir) {

    /** Port 8080, built-in topology, state in {@code ~/.thalamus}. */
    public static ThalamusConfig defaults() {
        return new ThalamusConfig(8080, null, Path.of(System.getProperty("user.home"), ".thalamus"));
    }

    public ThalamusConfig withPort(int p) {
        return new ThalamusConfig(p, topologyFile, stateDir);
    }

    public ThalamusConfig withTopologyFile(Path f) {
        return new ThalamusConfig(port, f, stateDir);
    }

    public ThalamusConfig withStateDir(Path d) {
        return new ThalamusConfig(port, topologyFile, d);
    }
}
