package io.thalamus.sdnrouter.controller;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LLDP probe against frames written out byte by byte from IEEE 802.1AB's layout. */
class LldpFrameTest {

    private static final byte[] SRC_MAC = HexFormat.of().parseHex("020000000001");

    /** Ethernet header + TLVs as hex, written by hand (TLV header = 7-bit type, 9-bit length). */
    private static byte[] handBuilt(String ethType, String... tlvs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(HexFormat.of().parseHex("0180c200000e" + "020000000001" + ethType));
        for (String t : tlvs) {
            b.writeBytes(HexFormat.of().parseHex(t));
        }
        while (b.size() < 60) {
            b.write(0);
        }
        return b.toByteArray();
    }

    private static String ascii(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }

    // chassis: type 1, length 22 -> 0x0216; subtype 7 + "dpid:00000e7400000003"
    private static final String CHASSIS = "0216" + "07" + ascii("dpid:00000e7400000003");
    // port: type 2, length 2 -> 0x0402; subtype 7 + "4"
    private static final String PORT_4 = "0402" + "07" + ascii("4");
    // ttl: type 3, length 2 -> 0x0602; 10 s
    private static final String TTL_10 = "0602" + "000a";
    private static final String END = "0000";

    @Test
    void encodesExactlyTheHandBuiltFrame() {
        byte[] expected = handBuilt("88cc", CHASSIS, PORT_4, TTL_10, END);
        assertThat(expected).hasSize(60);
        assertThat(HexFormat.of().formatHex(new LldpFrame(0x00000e7400000003L, 4, 10).encode(SRC_MAC)))
                .isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void decodesTheHandBuiltFrame() {
        assertThat(LldpFrame.decode(handBuilt("88cc", CHASSIS, PORT_4, TTL_10, END)))
                .contains(new LldpFrame(0x00000e7400000003L, 4, 10));
    }

    @Test
    void decodesLongIdsOtherTlvsAndAVlanTag() {
        // port 4294967040 (0xffffff00), a system-name TLV (type 5) before End, inside an 802.1Q tag
        String port = "040b" + "07" + ascii("4294967040");
        String sysName = "0a04" + ascii("ovs1");
        String chassis = "0216" + "07" + ascii("dpid:ffffffffffffff01");
        byte[] tagged = handBuilt("8100" + "0064" + "88cc", chassis, port, TTL_10, sysName, END);
        assertThat(LldpFrame.decode(tagged)).contains(new LldpFrame(0xffffffffffffff01L, 4294967040L, 10));
        // and the encoder round-trips the same values
        assertThat(LldpFrame.decode(new LldpFrame(0xffffffffffffff01L, 4294967040L, 120).encode(SRC_MAC)))
                .contains(new LldpFrame(0xffffffffffffff01L, 4294967040L, 120));
    }

    @Test
    void ignoresForeignAndBrokenFrames() {
        // another EtherType (IPv4)
        assertThat(LldpFrame.decode(handBuilt("0800", CHASSIS, PORT_4, TTL_10, END))).isEmpty();
        // a switch's own LLDP: chassis subtype 4 (MAC address), port subtype 5 (interface name)
        String macChassis = "0207" + "04" + "020000000001";
        String namePort = "0405" + "05" + ascii("eth0");
        assertThat(LldpFrame.decode(handBuilt("88cc", macChassis, namePort, TTL_10, END))).isEmpty();
        // chassis id not "dpid:" + hex
        assertThat(LldpFrame.decode(handBuilt("88cc", "0216" + "07" + ascii("dpid:00000e74zz000003"), PORT_4, TTL_10, END)))
                .isEmpty();
        // port TLV claims 9 bytes, the frame ends first
        byte[] truncated = HexFormat.of().parseHex("0180c200000e" + "020000000001" + "88cc" + CHASSIS + "0409" + "07" + ascii("4"));
        assertThat(LldpFrame.decode(truncated)).isEmpty();
        // no TTL TLV
        assertThat(LldpFrame.decode(handBuilt("88cc", CHASSIS, PORT_4, END))).isEmpty();
        // port 0 is not a switch port
        assertThat(LldpFrame.decode(handBuilt("88cc", CHASSIS, "0402" + "07" + ascii("0"), TTL_10, END))).isEmpty();
        assertThat(LldpFrame.decode(new byte[10])).isEmpty();
    }

    @Test
    void rejectsImpossibleProbes() {
        assertThatThrownBy(() -> new LldpFrame(1, 0, 10)).hasMessageContaining("port");
        assertThatThrownBy(() -> new LldpFrame(1, 1, 70000)).hasMessageContaining("TTL");
        assertThatThrownBy(() -> new LldpFrame(1, 1, 10).encode(new byte[5])).hasMessageContaining("MAC");
    }
}
