package io.thalamus.sdnrouter.routing;

/**
 * Which neighbours a learned policy lets its network choose among (a neighbour that is the
 * destination is always taken first).
 */
public enum CandidateRule {

    /** Every unvisited neighbour, as in the paper. */
    ALL_UNVISITED,

    /**
     * Unvisited neighbours that make geographic progress (closer to the destination than the
     * current node) and are not leaves (a neighbour whose only link leads back here is a certain
     * dead end); if there is none, every unvisited non-leaf; if none, every unvisited neighbour.
     */
    PROGRESS_FIRST;

    /** Name used in policy files. */
    public String fileName() {
        return this == ALL_UNVISITED ? "all-unvisited" : "progress-first";
    }

    /** The rule with this file name. @throws IllegalArgumentException when none matches */
    public static CandidateRule ofFileName(String name) {
        for (CandidateRule r : values()) {
            if (r.fileName().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown candidate rule \"" + name + "\"; expected \"all-unvisited\" or \"progress-first\"");
    }
}
