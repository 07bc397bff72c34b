package io.thalamus.intent.language;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Sentence embeddings already computed, so a restart does not re-embed the training corpus (about 2,400
 * sentences). Saved atomically to a file; a missing or unreadable file just means an empty cache.
 */
final class EmbeddingCache {

    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private boolean dirty;

    EmbeddingCache(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                int n = in.readInt();
                int dim = in.readInt();
                for (int i = 0; i < n; i++) {
                    String text = in.readUTF();
                    float[] v = new float[dim];
                    for (int j = 0; j < dim; j++) {
                        v[j] = in.readFloat();
                    }
                    vectors.put(text, v);
                }
            } catch (IOException | RuntimeException e) {
                vectors.clear();
            }
        }
    }

    synchronized float[] get(String text, TextEncoder encoder) {
        float[] v = vectors.get(text);
        if (v == null) {
            v = encoder.encode(text);
            vectors.put(text, v);
            dirty = true;
        }
        return v;
    }

    synchronized void save() {
        if (file == null || !dirty || vectors.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                int dim = vectors.values().iterator().next().length;
                out.writeInt(vectors.size());
                out.writeInt(dim);
                for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                    out.writeUTF(e.getKey());
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dirty = false;
        } catch (IOException e) {
            // a cache that cannot be written only costs time at the next start
        }
    }
}
