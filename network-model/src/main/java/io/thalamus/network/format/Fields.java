package io.thalamus.network.format;

/** Parsing of numeric fields for the text and XML readers, failing with the file, place and what was expected. */
final class Fields {

    private Fields() {
    }

    /** {@code text} as a double (NaN and infinities pass: callers check the range they need). */
    static double number(String text, String what, String source, String where) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new TopologyFormatException(source, where, "expected a number for " + what + ", got '" + text + "'");
        }
    }

    /** {@code text} as an int. */
    static int integer(String text, String what, String source, String where) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new TopologyFormatException(source, where, "expected an integer for " + what + ", got '" + text + "'");
        }
    }
}
