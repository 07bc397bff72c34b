package io.thalamus.network.topology;

/**
 * A default a reader filled in because the file did not say, reported so it is never silent.
 *
 * @param field  the field defaulted, e.g. {@code capacityBps} or {@code propagationDelayMs}
 * @param rule   what was applied, e.g. {@code "10 Gbit/s"} or {@code "great-circle distance / 200,000 km/s"}
 * @param count  how many elements received it
 */
public record AppliedDefault(String field, String rule, int count) {

    @Override
    public String toString() {
        return field + ": " + rule + " (" + count + ")";
    }
}
