package io.thalamus.intent.model;

import java.util.Arrays;

/** The closed set of intent types, with the names they carry on the wire. */
public enum IntentType {
    CONNECTIVITY("connectivity"),
    ADMIT_FLOWS("admit-flows"),
    ROUTING_POLICY("routing-policy"),
    WHAT_IF("what-if"),
    FORECAST("forecast"),
    DETECT_ANOMALY("detect-anomaly"),
    ASSURE_QOS("assure-qos");

    private final String wire;

    IntentType(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, e.g. {@code admit-flows}. */
    public String wire() {
        return wire;
    }

    /** True when the intent changes the network (as opposed to analysis intents that only report). */
    public boolean installs() {
        return switch (this) {
            case CONNECTIVITY, ADMIT_FLOWS, ROUTING_POLICY, ASSURE_QOS -> true;
            case WHAT_IF, FORECAST, DETECT_ANOMALY -> false;
        };
    }

    /** The type with this wire name. @throws IllegalArgumentException for an unknown name */
    public static IntentType fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown intent type '" + name + "'"));
    }
}
