package io.thalamus.telemetry.sample;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleJsonTest {

    @Test
    void roundTripsEveryField() {
        TelemetrySample s = new TelemetrySample("ATLA", "load", "L1:ATLA-HSTN", null, 1.25e9, "bit/s", 1_700_000_000_123L, 42);
        assertThat(SampleJson.read(SampleJson.write(s))).isEqualTo(s);
        String json = new String(SampleJson.write(s), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"schemaVersion\":1,").contains("\"link\":\"L1:ATLA-HSTN\"");
    }

    @Test
    void keepsNaNSoThePipelineCanRefuseIt() {
        TelemetrySample s = new TelemetrySample("A", "load", "L", null, Double.NaN, "bit/s", 5, 1);
        assertThat(SampleJson.read(SampleJson.write(s)).value()).isNaN();
    }

    @Test
    void namesTheMissingOrMistypedField() {
        assertThatThrownBy(() -> read("{\"schemaVersion\":1,\"element\":\"A\",\"metric\":\"load\",\"link\":\"L\",\"unit\":\"bit/s\",\"timestamp\":5}"))
                .hasMessage("missing field 'value'");
        assertThatThrownBy(() -> read("{\"schemaVersion\":1,\"element\":\"A\",\"metric\":\"load\",\"link\":\"L\",\"value\":1,\"unit\":\"bit/s\",\"timestamp\":\"x\"}"))
                .hasMessageContaining("field 'timestamp' must be an integer");
        assertThatThrownBy(() -> read("{\"schemaVersion\":2}")).hasMessageContaining("unsupported schemaVersion 2");
        assertThatThrownBy(() -> read("[1,2]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> read("{\"schemaVersion\":1,\"element\":\"A\",\"metric\":\"load\",\"value\":1,\"unit\":\"bit/s\",\"timestamp\":5}"))
                .hasMessage("one of 'link' or 'node' must be set");
    }

    @Test
    void partitionerKeepsAnElementOnOnePartitionWhateverTheSubject() {
        int p = ElementPartitioner.partitionOf("ATLA", 8);
        assertThat(ElementPartitioner.partitionOf(SampleKey.element(SampleKey.of("ATLA", "L1:ATLA-HSTN")), 8)).isEqualTo(p);
        assertThat(ElementPartitioner.partitionOf(SampleKey.element(SampleKey.of("ATLA", "L7:ATLA-WASH")), 8)).isEqualTo(p);
    }

    private static TelemetrySample read(String s) {
        return SampleJson.read(s.getBytes(StandardCharsets.UTF_8));
    }
}
