package io.thalamus.intent.execution;

import java.util.List;

/** A blueprint task found the intent cannot be satisfied; carries the evidence and the intents in the way. */
public class TaskFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ExpectationCheck> evidence;
    private final transient List<Conflict> conflicts;

    public TaskFailure(String reason, List<ExpectationCheck> evidence, List<Conflict> conflicts) {
        super(reason);
        this.evidence = List.copyOf(evidence);
        this.conflicts = List.copyOf(conflicts);
    }

    public TaskFailure(String reason) {
        this(reason, List.of(), List.of());
    }

    /** What the twin measured. */
    public List<ExpectationCheck> evidence() {
        return evidence;
    }

    /** Other intents that stand in the way. */
    public List<Conflict> conflicts() {
        return conflicts;
    }
}
