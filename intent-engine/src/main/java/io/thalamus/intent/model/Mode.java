package io.thalamus.intent.model;

/** Whether an intent may change the network once the twin approves it. */
public enum Mode {
    /** Plan and check on the twin only. */
    DRY_RUN("dry-run"),
    /** Plan, check on the twin and install when every expectation holds. */
    APPLY("apply");

    private final String wire;

    Mode(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON. */
    public String wire() {
        return wire;
    }

    /** The mode with this wire name. */
    public static Mode fromWire(String name) {
        return "dry-run".equals(name) ? DRY_RUN : APPLY;
    }
}
