package io.thalamus.models.card;

/** Highest data classification a model may be shown, in increasing order of trust. */
public enum SecurityClearance {
    PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED;

    /** The name used in cards. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The clearance of a wire name. @throws IllegalArgumentException naming the expected values */
    public static SecurityClearance fromWire(String name) {
        for (SecurityClearance c : values()) {
            if (c.wire().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown security clearance '" + name
                + "', expected public, internal, confidential or restricted");
    }

    /** True when a model with this clearance may see data classified {@code required}. */
    public boolean covers(SecurityClearance required) {
        return compareTo(required) >= 0;
    }
}
