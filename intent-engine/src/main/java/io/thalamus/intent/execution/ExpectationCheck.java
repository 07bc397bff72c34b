package io.thalamus.intent.execution;

/**
 * The twin's verdict on one expectation: the measured value, whether it held, and by how much it missed
 * or cleared the target ({@code margin = actual - target}; {@code where} names the link or flow behind it).
 */
public record ExpectationCheck(String metric, String op, double target, double actual, boolean holds,
                               double margin, String where) {

    /** A sentence for reasons and logs. */
    public String describe() {
        return metric + " " + op + " " + target + ": twin says " + round(actual) + (where == null ? "" : " (at " + where + ")")
                + (holds ? ", holds" : ", fails by " + round(Math.abs(margin)));
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
