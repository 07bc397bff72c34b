package io.thalamus.models.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes outcomes as JSON Lines, one {@link Outcome} per line. */
public final class OutcomeJsonl {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomeJsonl() {
    }

    /** Writes the outcomes to {@code file} (parent folders created). */
    public static void write(Path file, List<Outcome> outcomes) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Outcome o : outcomes) {
                    w.write(MAPPER.writeValueAsString(o));
                    w.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads outcomes from {@code file}. @throws IllegalArgumentException naming the bad line */
    public static List<Outcome> read(Path file) {
        List<Outcome> out = new ArrayList<>();
        try {
            int no = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(MAPPER.readValue(line, Outcome.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + ": line " + no + ": not an outcome: " + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }
}
