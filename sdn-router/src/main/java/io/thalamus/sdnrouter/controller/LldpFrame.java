package io.thalamus.sdnrouter.controller;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The LLDP probe the OpenFlow controller sends out of every switch port (IEEE 802.1AB): an Ethernet frame to the
 * nearest-bridge group address {@code 01:80:c2:00:00:0e}, EtherType {@code 0x88cc}, carrying a Chassis ID TLV
 * (subtype 7, locally assigned: {@code dpid:} and the 16 hex digits of the sending switch's datapath id), a Port ID
 * TLV (subtype 7: the OpenFlow port number in decimal), a TTL TLV and the End TLV, padded to the 60-byte Ethernet
 * minimum. The switch at the other end of the cable hands it back in a PACKET_IN: sender (chassis, port) plus
 * receiver (datapath, in-port) is one directed link.
 *
 * @param dpid       datapath id of the switch that sent it
 * @param port       OpenFlow port it left by
 * @param ttlSeconds how long the receiver may believe it
 */
public record LldpFrame(long dpid, long port, int ttlSeconds) {

    /** LLDP's EtherType. */
    public static final int ETH_TYPE = 0x88cc;
    /** The nearest-bridge group MAC every LLDP frame goes to. */
    public static final byte[] DESTINATION = {0x01, (byte) 0x80, (byte) 0xc2, 0x00, 0x00, 0x0e};

    private static final int TLV_END = 0;
    private static final int TLV_CHASSIS_ID = 1;
    private static final int TLV_PORT_ID = 2;
    private static final int TLV_TTL = 3;
    private static final int SUBTYPE_LOCAL = 7;
    private static final String CHASSIS_PREFIX = "dpid:";
    private static final int MIN_FRAME = 60;

    public LldpFrame {
        if (port < 1 || port > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("LLDP port must be 1..4294967295, got " + port);
        }
        if (ttlSeconds < 0 || ttlSeconds > 0xFFFF) {
            throw new IllegalArgumentException("LLDP TTL must be 0..65535 s, got " + ttlSeconds);
        }
    }

    /** The frame's bytes, sent from {@code sourceMac} (6 bytes, e.g. the port's own address). */
    public byte[] encode(byte[] sourceMac) {
        if (sourceMac == null || sourceMac.length != 6) {
            throw new IllegalArgumentException("source MAC must be 6 bytes");
        }
        byte[] chassis = (CHASSIS_PREFIX + String.format("%016x", dpid)).getBytes(StandardCharsets.US_ASCII);
        byte[] portId = Long.toString(port).getBytes(StandardCharsets.US_ASCII);
        int length = 14 + (2 + 1 + chassis.length) + (2 + 1 + portId.length) + (2 + 2) + 2;
        ByteBuffer b = ByteBuffer.allocate(Math.max(length, MIN_FRAME));
        b.put(DESTINATION).put(sourceMac).putShort((short) ETH_TYPE);
        tlvHeader(b, TLV_CHASSIS_ID, 1 + chassis.length);
        b.put((byte) SUBTYPE_LOCAL).put(chassis);
        tlvHeader(b, TLV_PORT_ID, 1 + portId.length);
        b.put((byte) SUBTYPE_LOCAL).put(portId);
        tlvHeader(b, TLV_TTL, 2);
        b.putShort((short) ttlSeconds);
        tlvHeader(b, TLV_END, 0);
        return b.array(); // the rest is zero padding
    }

    private static void tlvHeader(ByteBuffer b, int type, int length) {
        b.putShort((short) ((type << 9) | length));
    }

    /**
     * Reads a frame as received; empty for anything that is not one of these probes (another EtherType, another
     * chassis or port id form, a truncated or malformed TLV), so foreign LLDP traffic is ignored.
     */
    public static Optional<LldpFrame> decode(byte[] frame) {
        if (frame == null || frame.length < 14) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        b.position(12);
        int type = b.getShort() & 0xFFFF;
        if (type == 0x8100 && frame.length >= 18) { // one 802.1Q tag
            b.getShort();
            type = b.getShort() & 0xFFFF;
        }
        if (type != ETH_TYPE) {
            return Optional.empty();
        }
        Long dpid = null;
        Long port = null;
        Integer ttl = null;
        while (b.remaining() >= 2) {
            int header = b.getShort() & 0xFFFF;
            int tlv = header >>> 9;
            int len = header & 0x1FF;
            if (tlv == TLV_END) {
                break;
            }
            if (len > b.remaining()) {
                return Optional.empty();
            }
            byte[] value = new byte[len];
            b.get(value);
            switch (tlv) {
                case TLV_CHASSIS_ID -> dpid = localText(value, CHASSIS_PREFIX, 16);
                case TLV_PORT_ID -> port = localText(value, "", 10);
                case TLV_TTL -> ttl = len == 2 ? ((value[0] & 0xFF) << 8) | (value[1] & 0xFF) : null;
                default -> {
                    // other TLVs (system name, organisational ones) are not ours to read
                }
            }
        }
        if (dpid == null || port == null || ttl == null || port < 1 || port > 0xFFFF_FFFFL) {
            return Optional.empty();
        }
        return Optional.of(new LldpFrame(dpid, port, ttl));
    }

    /** A locally assigned (subtype 7) id {@code prefix + digits}: the number (hex for 16 digits, else decimal). */
    private static Long localText(byte[] value, String prefix, int maxDigits) {
        if (value.length < 2 || value[0] != SUBTYPE_LOCAL) {
            return null;
        }
        String s = new String(value, 1, value.length - 1, StandardCharsets.US_ASCII);
        if (!s.startsWith(prefix)) {
            return null;
        }
        String digits = s.substring(prefix.length());
        boolean hex = maxDigits == 16;
        if (digits.isEmpty() || digits.length() > maxDigits || !digits.matches(hex ? "[0-9a-fA-F]+" : "[0-9]+")) {
            return null;
        }
        return hex ? Long.parseUnsignedLong(digits, 16) : Long.parseLong(digits);
    }
}
