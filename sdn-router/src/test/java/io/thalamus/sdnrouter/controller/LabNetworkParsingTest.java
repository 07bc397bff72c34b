package io.thalamus.sdnrouter.controller;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading ping output: summaries, and when connectivity came back after a cut. */
class LabNetworkParsingTest {

    private static final String LOG = String.join("\n",
            "PING 10.0.0.8 (10.0.0.8) 56(84) bytes of data.",
            "[100.000] 64 bytes from 10.0.0.8: icmp_seq=1 ttl=64 time=2.0 ms",
            "[100.010] 64 bytes from 10.0.0.8: icmp_seq=2 ttl=64 time=2.0 ms",
            "[100.040] no answer yet for icmp_seq=3",
            "[100.041] 64 bytes from 10.0.0.8: icmp_seq=3 ttl=64 time=30.0 ms",
            "[100.062] 64 bytes from 10.0.0.8: icmp_seq=5 ttl=64 time=2.0 ms",
            "[100.072] 64 bytes from 10.0.0.8: icmp_seq=6 ttl=64 time=2.0 ms", "");

    @Test
    void restoredIsTheFirstReplyToARequestSentAfterTheCut() {
        // cut at 100.015: seq 3 was sent at 100.011 (before the cut, delivered late), seq 4 was lost,
        // seq 5 was sent at 100.060 and answered at 100.062
        assertThat(LabNetwork.restoredAfterMs(LOG, 100.015)).isCloseTo(47.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(LabNetwork.lostRequests(LOG)).isEqualTo(1);
        assertThat(LabNetwork.restoredAfterMs(LOG, 200)).isNaN();
    }

    @Test
    void parsesPingSummaries() {
        var r = LabNetwork.parsePing("3 packets transmitted, 2 received, 33.3333% packet loss, time 402ms\n"
                + "rtt min/avg/max/mdev = 0.300/0.412/0.524/0.112 ms\n");
        assertThat(r.sent()).isEqualTo(3);
        assertThat(r.received()).isEqualTo(2);
        assertThat(r.avgRttMs()).isEqualTo(0.412);
        assertThat(LabNetwork.parsePing("ping: connect: Network is unreachable").reachable()).isFalse();
    }
}
