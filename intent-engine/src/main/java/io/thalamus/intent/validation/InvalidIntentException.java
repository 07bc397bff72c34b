package io.thalamus.intent.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A submitted intent is malformed or inconsistent; carries every problem found, each with its pointer. */
public final class InvalidIntentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidIntentException(List<FieldError> errors) {
        super(errors.stream().map(e -> (e.pointer().isEmpty() ? "/" : e.pointer()) + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in document order. */
    public List<FieldError> errors() {
        return errors;
    }
}
