package io.thalamus.sdnrouter.controller;

/** The lab could not be built, changed or measured; the message names the command or element at fault. */
public final class LabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with its explanation. */
    public LabException(String message) {
        super(message);
    }

    /** An error with its explanation and cause. */
    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
