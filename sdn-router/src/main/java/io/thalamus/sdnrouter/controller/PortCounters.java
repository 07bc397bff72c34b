package io.thalamus.sdnrouter.controller;

/**
 * Counters of one switch port, as an OpenFlow port-statistics reply gives them.
 *
 * @param deviceId  node id of the switch
 * @param port      OpenFlow port number
 * @param linkId    directed link leaving by this port, or {@code null} (host port)
 * @param rxPackets packets received
 * @param txPackets packets sent
 * @param rxBytes   bytes received
 * @param txBytes   bytes sent
 */
public record PortCounters(String deviceId, long port, String linkId, long rxPackets, long txPackets,
                           long rxBytes, long txBytes) {
}
