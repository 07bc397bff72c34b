package io.thalamus.sdnrouter.controller;

import java.time.Duration;

/**
 * How {@link OpenFlowController} learns which switch port leads to which: from the {@link DataPlaneWiring} alone
 * (the lab's mode: the lab made the cables, so it knows them), or additionally by LLDP probes, where only links
 * whose probes come back count as present and a link whose probes stop arriving for {@code linkExpiry} is reported
 * down.
 *
 * @param mode          WIRING or LLDP
 * @param probeInterval time between LLDP probe rounds (each switch, each port)
 * @param linkExpiry    age after which an LLDP link not seen again is dropped
 */
public record TopologyDiscovery(Mode mode, Duration probeInterval, Duration linkExpiry) {

    /** ONOS's default LLDP probe period. */
    public static final Duration DEFAULT_PROBE = Duration.ofSeconds(3);
    /** ONOS's default age for a link whose probes stopped arriving. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(10);

    /** The two ways of knowing the links. */
    public enum Mode {
        /** Trust the wiring; no probes. */
        WIRING,
        /** Probe with LLDP; links are what comes back. */
        LLDP
    }

    public TopologyDiscovery {
        if (mode == null) {
            throw new IllegalArgumentException("discovery mode is required");
        }
        if (mode == Mode.LLDP && (probeInterval == null || probeInterval.toMillis() < 10)) {
            throw new IllegalArgumentException("LLDP probe interval must be at least 10 ms, got " + probeInterval);
        }
        if (mode == Mode.LLDP && (linkExpiry == null || linkExpiry.compareTo(probeInterval) <= 0)) {
            throw new IllegalArgumentException("LLDP link expiry must be longer than the probe interval " + probeInterval
                    + ", got " + linkExpiry);
        }
    }

    /** Wiring only (the lab's default). */
    public static TopologyDiscovery wiring() {
        return new TopologyDiscovery(Mode.WIRING, null, null);
    }

    /** LLDP with ONOS's default timing (probe every 3 s, links expire after 10 s). */
    public static TopologyDiscovery lldp() {
        return lldp(DEFAULT_PROBE, DEFAULT_EXPIRY);
    }

    /** LLDP with the given timing. */
    public static TopologyDiscovery lldp(Duration probeInterval, Duration linkExpiry) {
        return new TopologyDiscovery(Mode.LLDP, probeInterval, linkExpiry);
    }

    /** True in LLDP mode. */
    public boolean lldpOn() {
        return mode == Mode.LLDP;
    }
}
