package io.thalamus.intent.language;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuantitiesTest {

    @Test
    void readsRatesInTheCorpusUnits() {
        assertThat(Quantities.bandwidthBps("1Gbps").getAsDouble()).isEqualTo(1e9);
        assertThat(Quantities.bandwidthBps("2.1 mbps").getAsDouble()).isEqualTo(2.1e6);
        assertThat(Quantities.bandwidthBps("100 kilobits/s").getAsDouble()).isEqualTo(1e5);
        assertThat(Quantities.bandwidthBps("20.2 KB/s").getAsDouble()).isEqualTo(20.2e3 * 8);
        assertThat(Quantities.bandwidthBps("0.5 MBps").getAsDouble()).isEqualTo(4e6);
        assertThat(Quantities.bandwidthBps("13.79 KBit/s").getAsDouble()).isEqualTo(13.79e3);
        assertThat(Quantities.bandwidthBps("1123.4 Mb/s").getAsDouble()).isEqualTo(1123.4e6);
        assertThat(Quantities.bandwidthBps("5").getAsDouble()).isEqualTo(5e6);
        assertThat(Quantities.bandwidthBps("fast")).isEmpty();
    }

    @Test
    void readsADelayOnlyAfterADelayWord() {
        assertThat(Quantities.delayMs("with latency under 20 ms").getAsDouble()).isEqualTo(20.0);
        assertThat(Quantities.delayMs("delay at most 0.1 s").getAsDouble()).isEqualTo(100.0);
        assertThat(Quantities.delayMs("send 20 ms of video")).isEmpty();
    }

    @Test
    void readsADelayWordJustAfterTheTimeToo() {
        assertThat(Quantities.delayMs("gets 500 Mbps with less than 30 ms delay").getAsDouble()).isEqualTo(30.0);
        assertThat(Quantities.delayMs("no more than 20 ms of latency").getAsDouble()).isEqualTo(20.0);
        assertThat(Quantities.delayMs("below 0.05 s end-to-end delay").getAsDouble()).isEqualTo(50.0);
        // a delay word farther on belongs to something else
        assertThat(Quantities.delayMs("buffer 20 ms of video and report the measured delay later")).isEmpty();
    }

    @Test
    void aNumberFollowedByATimeUnitIsADuration() {
        assertThat(Quantities.startsWithTimeUnit(" ms delay")).isTrue();
        assertThat(Quantities.startsWithTimeUnit("ms")).isTrue();
        assertThat(Quantities.startsWithTimeUnit(" seconds")).isTrue();
        assertThat(Quantities.startsWithTimeUnit(" Mbps")).isFalse();
        assertThat(Quantities.startsWithTimeUnit(" streams")).isFalse();
        assertThat(Quantities.startsWithTimeUnit("")).isFalse();
    }

    @Test
    void corpusAnnotationsBecomeSpansOfThePlainText() {
        LabelledSentence s = RasaNluCorpus.sentence("create_flow",
                "route traffic from [Host 19](source) to [AB:cd:12:e3:f4:5e](target) with [minimum](operator:GTE) bandwidth of [2.1 mbps](qos)");
        assertThat(s.text()).isEqualTo("route traffic from Host 19 to AB:cd:12:e3:f4:5e with minimum bandwidth of 2.1 mbps");
        assertThat(s.spans()).hasSize(4);
        LabelledSentence.Span op = s.spans().get(2);
        assertThat(s.text().substring(op.start(), op.end())).isEqualTo("minimum");
        assertThat(op.value()).isEqualTo("GTE");
        assertThat(EntityTagger.gold(s, Token.split(s.text()))).containsExactly("O", "O", "O", "B-source", "I-source",
                "O", "B-target", "O", "B-operator", "O", "O", "B-qos", "I-qos");
    }
}
