package io.thalamus.models.text;

import io.thalamus.models.registry.Model;

/** Turns a sentence into a fixed-length vector whose cosine similarity tracks meaning. */
public interface TextEmbedder extends Model {

    /** The embedding of {@code text}, L2-normalised. */
    float[] embed(String text);

    /** Length of every embedding. */
    int dimension();
}
