package io.thalamus.network.format;

/**
 * A file could not be read as a network, matrix or flow set. The message names the file, where in it
 * (line, element or JSON pointer) and what was expected; no partial result is ever returned.
 */
public class TopologyFormatException extends RuntimeException {

    private final String file;
    private final String location;

    public TopologyFormatException(String file, String location, String message) {
        this(file, location, message, null);
    }

    public TopologyFormatException(String file, String location, String message, Throwable cause) {
        super(file + (location == null || location.isEmpty() ? "" : " at " + location) + ": " + message, cause);
        this.file = file;
        this.location = location;
    }

    /** The file (or source name) that was being read. */
    public String file() {
        return file;
    }

    /** Line, element or JSON pointer of the problem, or empty. */
    public String location() {
        return location == null ? "" : location;
    }
}
