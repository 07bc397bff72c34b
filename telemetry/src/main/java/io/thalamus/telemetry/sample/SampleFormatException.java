package io.thalamus.telemetry.sample;

/** A sample that cannot be read or is not acceptable; the message is the reason stored in the dead letter. */
public final class SampleFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A refusal with its reason. */
    public SampleFormatException(String reason) {
        super(reason);
    }

    /** A refusal with its reason and the parser error behind it. */
    public SampleFormatException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
