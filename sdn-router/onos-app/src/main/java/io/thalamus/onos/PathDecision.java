package io.thalamus.onos;

import java.util.Objects;

/**
 * One forwarding rule Thalamus decided (a hop of an admitted path, or an entry of a forwarding table), as the
 * Thalamus REST API returns it: on {@code deviceId}, IPv4 traffic from {@code ipv4Src} (or any, when null) to
 * {@code ipv4Dst} leaves by {@code outPort}.
 */
public final class PathDecision {

    private final String flowId;
    private final String deviceId;
    private final int priority;
    private final String ipv4Src;
    private final String ipv4Dst;
    private final long outPort;

    /** A decision; {@code ipv4Src} may be null. */
    public PathDecision(String flowId, String deviceId, int priority, String ipv4Src, String ipv4Dst, long outPort) {
        this.flowId = Objects.requireNonNull(flowId, "flowId");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.priority = priority;
        this.ipv4Src = ipv4Src;
        this.ipv4Dst = Objects.requireNonNull(ipv4Dst, "ipv4Dst");
        this.outPort = outPort;
        if (priority < 0 || priority > 65535) {
            throw new IllegalArgumentException("decision " + flowId + ": priority must be 0..65535, got " + priority);
        }
        if (outPort < 1) {
            throw new IllegalArgumentException("decision " + flowId + ": outPort must be >= 1, got " + outPort);
        }
    }

    public String flowId() {
        return flowId;
    }

    public String deviceId() {
        return deviceId;
    }

    public int priority() {
        return priority;
    }

    public String ipv4Src() {
        return ipv4Src;
    }

    public String ipv4Dst() {
        return ipv4Dst;
    }

    public long outPort() {
        return outPort;
    }
}
