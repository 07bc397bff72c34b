package io.thalamus.sdnrouter.controller;

/**
 * What a flow's rules match: IPv4 source and destination and, where given, the IP protocol and the
 * transport destination port (to tell apart several flows between the same two hosts).
 *
 * @param sourceIpv4      source host address, or {@code null} to match any source (forwarding tables)
 * @param destinationIpv4 destination host address
 * @param ipProtocol      IP protocol number (6 TCP, 17 UDP), or {@code null} for any
 * @param destinationPort transport destination port, or {@code null} for any (needs a protocol)
 */
public record FlowMatch(String sourceIpv4, String destinationIpv4, Integer ipProtocol, Integer destinationPort) {

    /** IP protocol number of UDP. */
    public static final int UDP = 17;
    /** IP protocol number of TCP. */
    public static final int TCP = 6;

    public FlowMatch {
        if (destinationIpv4 == null || destinationIpv4.isBlank()) {
            throw new IllegalArgumentException("match: destinationIpv4 is required");
        }
        if (ipProtocol != null && (ipProtocol < 0 || ipProtocol > 255)) {
            throw new IllegalArgumentException("match: ipProtocol must be 0..255, got " + ipProtocol);
        }
        if (destinationPort != null) {
            if (ipProtocol == null || (ipProtocol != TCP && ipProtocol != UDP)) {
                throw new IllegalArgumentException("match: destinationPort needs ipProtocol 6 (TCP) or 17 (UDP), got "
                        + ipProtocol);
            }
            if (destinationPort < 0 || destinationPort > 65535) {
                throw new IllegalArgumentException("match: destinationPort must be 0..65535, got " + destinationPort);
            }
        }
    }

    /** Matches all IPv4 traffic from one host to another. */
    public static FlowMatch between(String sourceIpv4, String destinationIpv4) {
        return new FlowMatch(sourceIpv4, destinationIpv4, null, null);
    }

    /** Matches all IPv4 traffic toward a host (a forwarding-table entry). */
    public static FlowMatch toward(String destinationIpv4) {
        return new FlowMatch(null, destinationIpv4, null, null);
    }

    /** A readable form, e.g. {@code ipv4 10.0.0.1->10.0.0.2 udp dport 5001}. */
    public String describe() {
        StringBuilder b = new StringBuilder("ipv4 ");
        b.append(sourceIpv4 == null ? "*" : sourceIpv4).append("->").append(destinationIpv4);
        if (ipProtocol != null) {
            b.append(ipProtocol == TCP ? " tcp" : ipProtocol == UDP ? " udp" : " proto " + ipProtocol);
        }
        if (destinationPort != null) {
            b.append(" dport ").append(destinationPort);
        }
        return b.toString();
    }
}
