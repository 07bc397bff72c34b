package io.thalamus.models.card;

/**
 * One reason a card is invalid.
 *
 * @param pointer JSON pointer of the offending field ({@code ""} for the whole card)
 * @param reason  what was expected
 */
public record CardViolation(String pointer, String reason) {
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + reason;
    }
}
