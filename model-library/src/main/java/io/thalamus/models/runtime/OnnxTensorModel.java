package io.thalamus.models.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.thalamus.models.registry.ModelLoadException;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** An {@code onnx:} model: one float input, first output returned, run in-process by ONNX Runtime. */
public final class OnnxTensorModel implements TensorModel, AutoCloseable {

    private final OrtSession session;
    private final String inputName;

    private OnnxTensorModel(OrtSession session) throws OrtException {
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
    }

    /** Opens the file. @throws IllegalStateException when ONNX Runtime rejects it */
    public static OnnxTensorModel open(Path file) {
        try {
            return new OnnxTensorModel(OrtEnvironment.getEnvironment().createSession(file.toString(),
                    new OrtSession.SessionOptions()));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    /** Fails with a {@link ModelLoadException} when the file is not a loadable ONNX model. */
    public static void checkLoads(Path file, String source, String id) {
        try (OnnxTensorModel m = open(file)) {
            if (m.session.getNumInputs() < 1 || m.session.getNumOutputs() < 1) {
                throw new ModelLoadException(source, id, "onnx model " + file + " needs at least one input and one output");
            }
        } catch (IllegalStateException e) {
            throw new ModelLoadException(source, id, e.getMessage());
        }
    }

    @Override
    public float[] run(float[] input, long[] shape) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result r = session.run(Map.of(inputName, t))) {
            OnnxTensor out = (OnnxTensor) r.get(0);
            FloatBuffer fb = out.getFloatBuffer();
            float[] a = new float[fb.remaining()];
            fb.get(a);
            return a;
        } catch (OrtException e) {
            throw new IllegalArgumentException("onnx run failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
