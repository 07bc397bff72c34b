package io.thalamus.models.registry;

/** A card that is valid JSON but whose implementation cannot be found or started; names the card and cause. */
public final class ModelLoadException extends IllegalArgumentException {

    /** A load failure of card {@code id} read from {@code source}. */
    public ModelLoadException(String source, String id, String reason) {
        super("model card " + source + " (id " + id + "): /implementation: " + reason);
    }
}
