package io.thalamus.sdnrouter.admission;

/**
 * A 0-1 linear model held by one OR-Tools engine, built incrementally so that lexicographic stages
 * can add constraints and swap objectives without rebuilding it.
 */
interface MipBackend extends AutoCloseable {

    /** Engine name for results ({@code cp-sat}, {@code scip}). */
    String name();

    /** Adds a binary variable and returns its index. */
    int addBool(String name);

    /** Number of variables added so far. */
    int variableCount();

    /** Adds {@code lb <= sum coefs[i] * x[vars[i]] <= ub} (infinite bounds allowed). */
    void addConstraint(int[] vars, double[] coefs, double lb, double ub, String name);

    /** Optimises a linear objective from the hinted start within the time limit, stopping at the relative gap. */
    Outcome optimize(int[] vars, double[] coefs, boolean maximize, double timeLimitSeconds, double[] hint,
                     double relativeGap);

    /** Fixes the variables to 0 (or frees them again to 0..1) for the following optimisations. */
    void fixToZero(int[] vars, boolean fixed);

    /** True when some data could not be represented exactly (CP-SAT needs integer coefficients). */
    boolean approximate();

    @Override
    void close();

    /** What one optimisation returned: values of every variable (null when none found), the proven bound. */
    record Outcome(boolean proven, boolean infeasible, double[] values, double bound) {
    }
}
