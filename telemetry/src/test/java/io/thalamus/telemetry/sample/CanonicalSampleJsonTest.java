package io.thalamus.telemetry.sample;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalSampleJsonTest {

    private static final String[] NAMES = {"ATLA", "L1:ATLA-HSTN", "a b", "x", "node-7"};

    private static TelemetrySample random(Random rnd) {
        boolean link = rnd.nextBoolean();
        double value = switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextDouble();
            case 1 -> rnd.nextDouble() * 1e10;
            case 2 -> -rnd.nextDouble() * 1e-7;
            default -> rnd.nextInt(1000);
        };
        return new TelemetrySample(NAMES[rnd.nextInt(NAMES.length)], rnd.nextBoolean() ? "load" : "utilization",
                link ? NAMES[rnd.nextInt(NAMES.length)] : null, link ? null : NAMES[rnd.nextInt(NAMES.length)],
                value, "bit/s", rnd.nextLong() >>> 20, rnd.nextInt(1 << 30) - 5);
    }

    @Test
    void fastWriterMatchesJacksonAndFastReaderMatchesJackson() {
        Random rnd = new Random(17);
        for (int i = 0; i < 2000; i++) {
            TelemetrySample s = random(rnd);
            byte[] fast = CanonicalSampleJson.write(s);
            assertThat(fast).isNotNull();
            // Jackson reads the fast writer's bytes to the same sample, and the fast reader reads them too
            assertThat(SampleJson.readGeneral(fast)).isEqualTo(s);
            assertThat(CanonicalSampleJson.read(fast)).isEqualTo(s);
            assertThat(CanonicalSampleJson.read(SampleJson.writeGeneral(s))).isIn(s, null);
        }
    }

    @Test
    void fastReaderNeverAcceptsWhatJacksonRefusesNorReadsOtherValues() {
        Random rnd = new Random(23);
        byte[] alphabet = "{}[]\":,.-+eE0123456789 \\nulAL".getBytes(StandardCharsets.US_ASCII);
        int fastAccepted = 0;
        for (int i = 0; i < 6_000; i++) {
            byte[] b = CanonicalSampleJson.write(random(rnd));
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits; e++) {
                b[rnd.nextInt(b.length)] = alphabet[rnd.nextInt(alphabet.length)];
            }
            TelemetrySample fast = CanonicalSampleJson.read(b);
            TelemetrySample jackson;
            try {
                jackson = SampleJson.readGeneral(b);
            } catch (SampleFormatException ex) {
                jackson = null;
            }
            if (fast != null) {
                fastAccepted++;
                assertThat(fast).as(new String(b, StandardCharsets.ISO_8859_1)).isEqualTo(jackson);
            }
        }
        assertThat(fastAccepted).isGreaterThan(30); // edits inside values and names stay canonical
    }

    @Test
    void nonCanonicalButValidLayoutsStillParseAndErrorsKeepTheirWording() {
        String spaced = "{ \"schemaVersion\": 1, \"metric\": \"load\", \"element\": \"A\", \"link\": \"L\", \"value\": 2.5,"
                + " \"unit\": \"bit/s\", \"timestamp\": 7, \"sequence\": 3, \"extra\": [1] }";
        byte[] b = spaced.getBytes(StandardCharsets.UTF_8);
        assertThat(CanonicalSampleJson.read(b)).isNull();
        assertThat(SampleJson.read(b)).isEqualTo(new TelemetrySample("A", "load", "L", null, 2.5, "bit/s", 7, 3));
        String escaped = "{\"schemaVersion\":1,\"element\":\"A\\u0042\",\"metric\":\"load\",\"link\":\"L\",\"node\":null,"
                + "\"value\":1,\"unit\":\"bit/s\",\"timestamp\":7,\"sequence\":3}";
        assertThat(SampleJson.read(escaped.getBytes(StandardCharsets.UTF_8)).element()).isEqualTo("AB");
        String leadingZero = "{\"schemaVersion\":1,\"element\":\"A\",\"metric\":\"load\",\"link\":\"L\",\"node\":null,"
                + "\"value\":01,\"unit\":\"bit/s\",\"timestamp\":7,\"sequence\":3}";
        assertThat(CanonicalSampleJson.read(leadingZero.getBytes(StandardCharsets.UTF_8))).isNull();
        assertThatThrownBy(() -> SampleJson.read(leadingZero.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SampleFormatException.class).hasMessageStartingWith("malformed JSON");
        TelemetrySample quoted = new TelemetrySample("A\"B", "load", "L", null, 1, "bit/s", 7, 3);
        assertThat(CanonicalSampleJson.write(quoted)).isNull();
        assertThat(SampleJson.read(SampleJson.write(quoted))).isEqualTo(quoted);
    }
}
