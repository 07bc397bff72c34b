package io.thalamus.telemetry.sample;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** JSON of the pipeline's output records (link statistics, anomalies, dead letters) through one mapper. */
public final class JsonRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRecords() {
    }

    /** {@code value} as JSON bytes. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads a {@code type} from JSON; a bad record is a {@link SampleFormatException} naming what it should have been. */
    public static <T> T read(byte[] json, Class<T> type, String what) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new SampleFormatException("malformed " + what + ": " + e.getMessage(), e);
        }
    }
}
