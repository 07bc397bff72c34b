package io.thalamus.network.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared real-data folder: {@code THALAMUS_DATA} (environment or system property), else
 * {@code ../shared/data} seen from the working directory or any of its parents.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The data folder, if one exists. */
    public static Optional<Path> root() {
        String configured = System.getProperty("THALAMUS_DATA", System.getenv("THALAMUS_DATA"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured).toAbsolutePath().normalize();
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        String fallback = System.getenv("THALAMUS_DATA_FALLBACK");
        if (fallback != null && Files.isDirectory(Path.of(fallback))) {
            return Optional.of(Path.of(fallback).toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** A file or folder inside the data folder. @throws IllegalStateException when the data folder or entry is missing */
    public static Path resolve(String relative) {
        Path root = root().orElseThrow(() -> new IllegalStateException(
                "shared data folder not found: set THALAMUS_DATA or place it at ../shared/data"));
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing shared data entry: " + p);
        }
        return p;
    }
}
