package io.thalamus.telemetry.replay;

import io.thalamus.network.format.AbileneZhangReader;
import io.thalamus.network.format.SndlibDynamicCsvReader;
import io.thalamus.network.format.TotemCsvReader;
import io.thalamus.network.traffic.TrafficSeries;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a traffic series file by its content (plain or gzip): a header {@code time,source,target,...}
 * is SNDlib dynamic CSV, a header {@code time,<o>_<d>,...} is the GEANT TOTEM wide CSV, and lines of
 * whitespace-separated numbers are Abilene (Zhang) matrices over the Abilene node list.
 */
public final class SeriesFiles {

    private SeriesFiles() {
    }

    /** Reads the series in {@code file}; errors name the file and what was expected. */
    public static TrafficSeries read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("series file " + file + ": no such file");
        }
        String first = firstLine(file).trim();
        if (first.startsWith("time,source,target")) {
            return SndlibDynamicCsvReader.read(file);
        }
        if (first.startsWith("time,")) {
            return TotemCsvReader.read(file);
        }
        if (!first.isEmpty() && (Character.isDigit(first.charAt(0)) || first.charAt(0) == '.' || first.charAt(0) == '-')) {
            return AbileneZhangReader.readMatrices(file);
        }
        throw new IllegalArgumentException("series file " + file + ": unrecognised format (expected SNDlib dynamic CSV "
                + "'time,source,target,...', TOTEM CSV 'time,o_d,...' or Abilene matrices of numbers)");
    }

    private static String firstLine(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    return line;
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("series file " + file + ": " + e.getMessage(), e);
        }
    }
}
