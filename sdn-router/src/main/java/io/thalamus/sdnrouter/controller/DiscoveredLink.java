package io.thalamus.sdnrouter.controller;

/**
 * A directed link seen by LLDP: a probe that left switch {@code srcDpid} by {@code srcPort} came back in a
 * PACKET_IN from switch {@code dstDpid} on {@code dstPort}.
 *
 * @param srcDpid datapath id of the sending switch
 * @param srcPort port the probe left by
 * @param dstDpid datapath id of the receiving switch
 * @param dstPort port it arrived on
 */
public record DiscoveredLink(long srcDpid, long srcPort, long dstDpid, long dstPort) {

    /** ONOS's form of the link, {@code of:<src>/<port>-of:<dst>/<port>}. */
    public String describe() {
        return OnosDecisions.deviceId(srcDpid) + "/" + srcPort + "-" + OnosDecisions.deviceId(dstDpid) + "/" + dstPort;
    }
}
