package io.thalamus.network.format;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Line-by-line reading of text files, gzip-compressed when the name ends in {@code .gz}, with line numbers in errors. */
final class TextInput implements AutoCloseable {

    private final String source;
    private final BufferedReader in;
    private int lineNumber;

    private TextInput(String source, BufferedReader in) {
        this.source = source;
        this.in = in;
    }

    static TextInput open(Path file) {
        String source = file.toString();
        try {
            InputStream raw = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                try {
                    raw = new GZIPInputStream(raw, 1 << 16);
                } catch (IOException e) {
                    raw.close();
                    throw new TopologyFormatException(source, "", "not a gzip file: " + e.getMessage(), e);
                }
            }
            return new TextInput(source, new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16));
        } catch (IOException e) {
            throw new TopologyFormatException(source, "", "cannot read file: " + e.getMessage(), e);
        }
    }

    /** The next line, or null at the end of the file. */
    String next() {
        try {
            String line = in.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (EOFException | ZipException e) {
            throw new TopologyFormatException(source, "line " + (lineNumber + 1),
                    "truncated or corrupt compressed file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TopologyFormatException(source, "line " + (lineNumber + 1), "cannot read: " + e.getMessage(), e);
        }
    }

    int lineNumber() {
        return lineNumber;
    }

    String where() {
        return "line " + lineNumber;
    }

    String source() {
        return source;
    }

    double number(String text, String what) {
        return Fields.number(text, what, source, where());
    }

    int integer(String text, String what) {
        return Fields.integer(text, what, source, where());
    }

    TopologyFormatException error(String message) {
        return new TopologyFormatException(source, where(), message);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close loses nothing
        }
    }

    /** Splits a CSV line without quoting (none of the supported files quote) into exactly its fields. */
    static String[] split(String line, char sep) {
        int count = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == sep) {
                count++;
            }
        }
        String[] out = new String[count];
        int start = 0;
        int k = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == sep) {
                out[k++] = line.substring(start, i);
                start = i + 1;
            }
        }
        out[k] = line.substring(start);
        return out;
    }
}
