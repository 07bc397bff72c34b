package io.thalamus.twin.sweep;

/** Which single failures a sweep tries. */
public enum FailureKind {
    /** Every physical link (both directions at once). */
    SINGLE_LINK,
    /** Every node, with all its links. */
    SINGLE_NODE,
    /** Every shared-risk link group. */
    SRLG;

    /** Parses {@code single-link}, {@code single-node} or {@code srlg}. */
    public static FailureKind parse(String s) {
        return switch (s) {
            case "single-link" -> SINGLE_LINK;
            case "single-node" -> SINGLE_NODE;
            case "srlg" -> SRLG;
            default -> throw new IllegalArgumentException("--failures: expected single-link, single-node or srlg, got '" + s + "'");
        };
    }

    /** The command-line spelling. */
    public String label() {
        return switch (this) {
            case SINGLE_LINK -> "single-link";
            case SINGLE_NODE -> "single-node";
            case SRLG -> "srlg";
        };
    }
}
