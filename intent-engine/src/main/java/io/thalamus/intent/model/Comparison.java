package io.thalamus.intent.model;

/** A comparison operator of an expectation. */
public enum Comparison {
    LE("<="), LT("<"), GE(">="), GT(">"), EQ("==");

    /** Relative tolerance of {@code ==} on measured doubles. */
    private static final double EQ_TOLERANCE = 1e-9;

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in JSON. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code actual op target} holds. */
    public boolean holds(double actual, double target) {
        return switch (this) {
            case LE -> actual <= target;
            case LT -> actual < target;
            case GE -> actual >= target;
            case GT -> actual > target;
            case EQ -> Math.abs(actual - target) <= EQ_TOLERANCE * Math.max(1.0, Math.abs(target));
        };
    }

    /** The operator with this symbol. */
    public static Comparison fromSymbol(String s) {
        for (Comparison c : values()) {
            if (c.symbol.equals(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown operator '" + s + "'");
    }
}
