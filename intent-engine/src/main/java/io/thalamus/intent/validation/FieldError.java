package io.thalamus.intent.validation;

/** One problem with a submitted intent: the JSON pointer of the field (RFC 6901) and what was expected. */
public record FieldError(String pointer, String message) {
}
