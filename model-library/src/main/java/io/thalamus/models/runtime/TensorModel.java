package io.thalamus.models.runtime;

import io.thalamus.models.registry.Model;

/** A model that maps one float tensor to another (the shape of {@code onnx:} cards). */
public interface TensorModel extends Model {

    /** Runs the model on {@code input} of the given shape and returns the first output, flattened. */
    float[] run(float[] input, long[] shape);
}
