package io.thalamus.telemetry.sample;


import java.nio.charset.StandardCharsets;

/**
 * A record the pipeline refused, as written to {@code thalamus.telemetry.dead-letter} (JSON, schema
 * version 1): why, where it came from, and the original payload as text.
 *
 * @param schemaVersion  1
 * @param reason         why it was refused, naming the field or element
 * @param sourceTopic    topic it was read from
 * @param partition      partition it was read from, -1 when unknown
 * @param offset         offset it was read from, -1 when unknown
 * @param key            its key, may be null
 * @param payload        its value as UTF-8 text, may be null
 * @param rejectedAtMs   wall-clock time of the refusal, epoch ms
 */
public record DeadLetter(int schemaVersion, String reason, String sourceTopic, int partition, long offset,
                         String key, String payload, long rejectedAtMs) {

    /** A dead letter of the current schema version. */
    public static DeadLetter of(String reason, String sourceTopic, int partition, long offset, String key,
                                byte[] payload, long rejectedAtMs) {
        return new DeadLetter(1, reason, sourceTopic, partition, offset, key,
                payload == null ? null : new String(payload, StandardCharsets.UTF_8), rejectedAtMs);
    }

    /** JSON bytes. */
    public byte[] toJson() {
        return JsonRecords.write(this);
    }

    /** Reads a record written by {@link #toJson()}. */
    public static DeadLetter fromJson(byte[] json) {
        return JsonRecords.read(json, DeadLetter.class, "dead letter");
    }
}
