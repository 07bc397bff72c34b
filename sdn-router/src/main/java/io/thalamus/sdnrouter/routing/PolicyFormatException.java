package io.thalamus.sdnrouter.routing;

/** A policy file that cannot be read: names the file, the field (JSON pointer) and what was expected. */
public final class PolicyFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String field;

    public PolicyFormatException(String file, String field, String message) {
        super("policy file " + file + (field.isEmpty() ? "" : " at " + field) + ": " + message);
        this.file = file;
        this.field = field;
    }

    /** The file (or resource) that was read. */
    public String file() {
        return file;
    }

    /** JSON pointer of the offending field, empty for the whole document. */
    public String field() {
        return field;
    }
}
