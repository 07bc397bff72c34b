package io.thalamus.models.card;

import java.util.Arrays;

/** The kinds of task a model can serve; the wire names are those of the model-card schema. */
public enum TaskType {
    FORECAST("forecast"),
    DETECT_ANOMALY("detect-anomaly"),
    ADMIT_FLOWS("admit-flows"),
    ROUTE("route"),
    ESTIMATE_DELAY("estimate-delay"),
    CLASSIFY_INTENT("classify-intent"),
    EMBED_TEXT("embed-text"),
    ASSESS_SATISFACTION("assess-satisfaction"),
    GENERATE_TEXT("generate-text"),
    WHAT_IF("what-if");

    private final String wire;

    TaskType(String wire) {
        this.wire = wire;
    }

    /** The name used in cards and JSON. */
    public String wire() {
        return wire;
    }

    /** The task type of a wire name. @throws IllegalArgumentException naming the expected values */
    public static TaskType fromWire(String name) {
        for (TaskType t : values()) {
            if (t.wire.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task type '" + name + "', expected one of "
                + Arrays.stream(values()).map(TaskType::wire).toList());
    }

    @Override
    public String toString() {
        return wire;
    }
}
