package io.thalamus.sdnrouter.admission;

import java.util.Locale;

/** How admitted value is scored across priority classes (see docs/admission.md for the exact objective). */
public enum ObjectiveMode {
    /** Lexicographic over priority classes, highest class first. */
    STRICT,
    /** Maximise the sum of value x (priority + 1). */
    WEIGHTED;

    /** Parses {@code strict} or {@code weighted} (case-insensitive). */
    public static ObjectiveMode parse(String text) {
        if (text != null) {
            for (ObjectiveMode m : values()) {
                if (m.name().equalsIgnoreCase(text.trim())) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("objective: expected strict or weighted, got '" + text + "'");
    }

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
