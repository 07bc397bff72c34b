package io.thalamus.twin.scenario;

/** A scenario that cannot be read or applied; names the field by JSON pointer and says what was expected. */
public final class ScenarioException extends IllegalArgumentException {

    private final String pointer;

    /** An error at {@code pointer} (e.g. {@code /steps/0/links/1}). */
    public ScenarioException(String pointer, String message) {
        super("scenario at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message);
        this.pointer = pointer;
    }

    /** JSON pointer of the offending field. */
    public String pointer() {
        return pointer;
    }
}
