package io.thalamus.models.card;

import java.net.URI;

/** Where a model's implementation lives: a Java provider, an ONNX file or an OpenAI-compatible endpoint. */
public sealed interface Implementation {

    /** The reference as written in the card. */
    String reference();

    /** A {@code ModelProvider} class found through {@code ServiceLoader}. @param className its binary name */
    record Java(String className) implements Implementation {
        @Override
        public String reference() {
            return "java:" + className;
        }
    }

    /** An ONNX model file run in-process with ONNX Runtime. @param file path relative to the card's folder */
    record Onnx(String file) implements Implementation {
        @Override
        public String reference() {
            return "onnx:" + file;
        }
    }

    /** An OpenAI-compatible chat/completions endpoint (optional; never needed offline). @param endpoint its URL */
    record Http(URI endpoint) implements Implementation {
        @Override
        public String reference() {
            return endpoint.toString();
        }
    }

    /** Parses a card's implementation string. @throws IllegalArgumentException when no kind matches */
    static Implementation parse(String ref) {
        if (ref.startsWith("java:")) {
            return new Java(ref.substring(5));
        }
        if (ref.startsWith("onnx:")) {
            return new Onnx(ref.substring(5));
        }
        if (ref.startsWith("http://") || ref.startsWith("https://")) {
            return new Http(URI.create(ref));
        }
        throw new IllegalArgumentException("implementation '" + ref + "' must start with java:, onnx:, http:// or https://");
    }
}
