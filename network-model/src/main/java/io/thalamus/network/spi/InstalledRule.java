package io.thalamus.network.spi;

/**
 * One forwarding rule a controller installed.
 *
 * @param ruleId   controller-specific id (OpenFlow cookie, ONOS flow id)
 * @param flowId   the Thalamus flow it serves
 * @param deviceId the switch it lives on
 * @param match    a readable match, e.g. {@code ipv4 10.0.0.1->10.0.0.2}
 * @param action   a readable action, e.g. {@code output:3}
 * @param packets  packets matched, or -1 when unknown
 * @param bytes    bytes matched, or -1 when unknown
 */
public record InstalledRule(String ruleId, String flowId, String deviceId, String match, String action,
                            long packets, long bytes) {
}
