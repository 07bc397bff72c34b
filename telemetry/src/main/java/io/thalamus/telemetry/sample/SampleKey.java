package io.thalamus.telemetry.sample;

/** The key format of the samples topic, {@code element|subject}, and how to take it apart. */
public final class SampleKey {

    /** Separates the element from the subject in a key. */
    public static final char SEPARATOR = '|';

    private SampleKey() {
    }

    /** Key of a sample of {@code subject} reported by {@code element}. */
    public static String of(String element, String subject) {
        return element + SEPARATOR + subject;
    }

    /** The element part of a key (the whole key when it has no separator). */
    public static String element(String key) {
        int i = key.indexOf(SEPARATOR);
        return i < 0 ? key : key.substring(0, i);
    }
}
