package io.thalamus.intent.language;

/** Turns a sentence into a fixed-length, L2-normalised vector (all-MiniLM-L6-v2 in production). */
@FunctionalInterface
public interface TextEncoder {

    /** The embedding of {@code text}. */
    float[] encode(String text);
}
