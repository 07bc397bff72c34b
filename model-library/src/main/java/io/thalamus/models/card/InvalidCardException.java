package io.thalamus.models.card;

import java.util.List;

/** A model card that does not satisfy the schema or cannot be loaded; names the source, field and reason. */
public final class InvalidCardException extends IllegalArgumentException {

    private final String source;
    private final transient List<CardViolation> violations;

    /** An invalid card read from {@code source}. */
    public InvalidCardException(String source, List<CardViolation> violations) {
        super("invalid model card " + source + ": " + String.join("; ",
                violations.stream().map(CardViolation::toString).toList()));
        this.source = source;
        this.violations = List.copyOf(violations);
    }

    /** Where the card came from (file or classpath resource). */
    public String source() {
        return source;
    }

    /** Every violation found, in document order. */
    public List<CardViolation> violations() {
        return violations;
    }
}
