package io.thalamus.sdnrouter.routing;

/**
 * Which neighbours a learned policy lets its network choose among (a neighbour that is the
 * destination is always taken first). A rule is a list of filters tried strictly to loosely: the
 * network picks among the unvisited neighbours passing the first filter that any passes.
 */
public enum CandidateRule {

    /** Every unvisited neighbour, as in the paper. */
    ALL_UNVISITED("all-unvisited", 1),

    /**
     * Unvisited neighbours that make geographic progress (closer to the destination than the
     * current node) and are not leaves (a neighbour whose only link leads back here is a certain
     * dead end); if there is none, every unvisited non-leaf; if none, every unvisited neighbour.
     */
    PROGRESS_FIRST("progress-first", 3),

    /**
     * Unvisited neighbours that still have an unvisited onward neighbour (from their neighbour
     * table: a two-hop dead-end check); if there is none, every unvisited neighbour.
     */
    LIVE_FIRST("live-first", 2),

    /**
     * Unvisited neighbours that make geographic progress and still have an unvisited onward
     * neighbour; if none, those with an onward neighbour; if none, every unvisited neighbour.
     */
    PROGRESS_LIVE("progress-live", 3),

    /**
     * Unvisited neighbours through which the three-hop view reaches past this node's two-hop ball
     * ({@link LocalView#frontier3} finite: u is not a dead end as far as the view sees); if there is
     * none, every unvisited neighbour. Only for {@link FeatureSet#THREE_HOP}, whose last feature is
     * that look-ahead (a network cannot learn "infinite" from the finite dead-end penalty it sees).
     */
    THREE_HOP_LIVE("three-hop-live", 2),

    /**
     * As {@link #THREE_HOP_LIVE}, but unvisited neighbours that also make geographic progress first;
     * if none, those the three-hop view sees past; if none, every unvisited neighbour. The progress
     * filter comes before the look-ahead, so a decision computes it for fewer candidates.
     */
    PROGRESS_THREE_HOP_LIVE("progress-three-hop-live", 3);

    private final String fileName;
    private final int levels;

    CandidateRule(String fileName, int levels) {
        this.fileName = fileName;
        this.levels = levels;
    }

    /** Name used in policy files. */
    public String fileName() {
        return fileName;
    }

    /** How many filters the rule tries (the last one admits every unvisited neighbour). */
    int levels() {
        return levels;
    }

    /** Whether filter {@code level} admits only neighbours closer to the destination than the current node. */
    boolean requiresProgress(int level) {
        return level == 0 && level < levels - 1 && (this == PROGRESS_FIRST || this == PROGRESS_LIVE || this == PROGRESS_THREE_HOP_LIVE);
    }

    /** Whether some filter looks at the candidates' onward neighbours ({@link LocalView#onwardCount}). */
    boolean usesOnward() {
        return this == LIVE_FIRST || this == PROGRESS_LIVE;
    }

    /** Whether some filter looks at the candidates' three-hop look-ahead ({@link LocalView#frontier3}). */
    boolean usesFrontier3() {
        return this == THREE_HOP_LIVE || this == PROGRESS_THREE_HOP_LIVE;
    }

    /**
     * Whether the unvisited neighbour in {@code slot} passes filter {@code level} (0 = strictest).
     *
     * @param here d(v,t)
     * @param dut  d(u,t)
     */
    boolean admits(LocalView view, int slot, int level, double here, double dut) {
        return admits(view, slot, level, here, dut, usesOnward() ? view.onwardCount(slot) : 0,
                usesFrontier3() ? view.frontier3(slot) : Double.NaN);
    }

    /**
     * As {@link #admits(LocalView, int, int, double, double)} with u's onward count and (when
     * {@link #usesFrontier3()}, else ignored) its three-hop look-ahead already known.
     */
    boolean admits(LocalView view, int slot, int level, double here, double dut, int onward, double frontier3) {
        if (level >= levels - 1) {
            return true;
        }
        if (requiresProgress(level) && !(dut < here)) {
            return false;
        }
        return switch (this) {
            case ALL_UNVISITED -> true;
            case PROGRESS_FIRST -> view.neighbourDegree(slot) > 1;
            case LIVE_FIRST, PROGRESS_LIVE -> onward > 0;
            case THREE_HOP_LIVE, PROGRESS_THREE_HOP_LIVE -> frontier3 != Double.POSITIVE_INFINITY;
        };
    }

    /** The rule with this file name. @throws IllegalArgumentException when none matches */
    public static CandidateRule ofFileName(String name) {
        for (CandidateRule r : values()) {
            if (r.fileName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown candidate rule \"" + name + "\"; expected one of "
                + java.util.Arrays.stream(values()).map(r -> "\"" + r.fileName + "\"").toList());
    }
}
