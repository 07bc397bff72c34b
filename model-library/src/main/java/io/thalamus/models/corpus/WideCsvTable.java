package io.thalamus.models.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A wide time-series CSV in the TOTEM layout: first column {@code time} (ISO local date-time or instant), then
 * one column per series, empty cell = missing. Plain or gzip ({@code .gz}). A minimal reader for the model
 * benchmark; rows must be in time order.
 *
 * @param columns series names (header without the time column)
 * @param times   one timestamp per row
 * @param values  values[column][row], NaN where missing
 */
public record WideCsvTable(List<String> columns, List<Instant> times, double[][] values) {

    /** Reads a file. @throws IllegalArgumentException naming the line and column of a bad cell */
    public static WideCsvTable read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty file, expected a header 'time,<series>...'");
            }
            String[] h = header.split(",", -1);
            if (h.length < 2 || !h[0].trim().equalsIgnoreCase("time")) {
                throw new IllegalArgumentException(file + ": line 1: first column must be 'time' followed by series columns");
            }
            List<String> cols = new ArrayList<>();
            for (int i = 1; i < h.length; i++) {
                cols.add(h[i].trim());
            }
            List<Instant> times = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                double[] row = new double[cols.size()];
                int col = -1;
                int start = 0;
                for (int i = 0; i <= line.length(); i++) {
                    if (i == line.length() || line.charAt(i) == ',') {
                        String cell = line.substring(start, i).trim();
                        if (col == -1) {
                            Instant t = parseTime(cell, file, lineNo);
                            if (!times.isEmpty() && !t.isAfter(times.get(times.size() - 1))) {
                                throw new IllegalArgumentException(file + ": line " + lineNo + ": time " + cell
                                        + " does not follow the previous row");
                            }
                            times.add(t);
                        } else if (col < row.length) {
                            row[col] = parseCell(cell, file, lineNo, cols.get(col));
                        } else {
                            throw new IllegalArgumentException(file + ": line " + lineNo + ": more cells than header columns ("
                                    + (cols.size() + 1) + ")");
                        }
                        col++;
                        start = i + 1;
                    }
                }
                if (col < row.length) {
                    throw new IllegalArgumentException(file + ": line " + lineNo + ": " + (col + 1)
                            + " cells, header has " + (cols.size() + 1));
                }
                rows.add(row);
            }
            double[][] values = new double[cols.size()][rows.size()];
            for (int t = 0; t < rows.size(); t++) {
                double[] row = rows.get(t);
                for (int c = 0; c < row.length; c++) {
                    values[c][t] = row[c];
                }
            }
            return new WideCsvTable(List.copyOf(cols), List.copyOf(times), values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Instant parseTime(String cell, Path file, int line) {
        try {
            return cell.endsWith("Z") ? Instant.parse(cell) : LocalDateTime.parse(cell).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": line " + line + ": column time: expected an ISO date-time, got '" + cell + "'");
        }
    }

    private static double parseCell(String cell, Path file, int line, String column) {
        if (cell.isEmpty() || cell.equals("-") || cell.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(cell);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": line " + line + ": column " + column
                    + ": expected a number or an empty cell, got '" + cell + "'");
        }
    }

    /** The most common spacing between rows. */
    public Duration step() {
        Map<Duration, Integer> counts = new HashMap<>();
        for (int i = 1; i < times.size(); i++) {
            counts.merge(Duration.between(times.get(i - 1), times.get(i)), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(Duration.ZERO);
    }

    /** Steps per day (the daily season), or 1 when the step does not divide a day into 2..2000 parts. */
    public int dailyPeriod() {
        long s = step().getSeconds();
        if (s <= 0 || 86400 % s != 0) {
            return 1;
        }
        long p = 86400 / s;
        return p >= 2 && p <= 2000 ? (int) p : 1;
    }

    /**
     * The values re-gridded on the regular step: rows missing from the file (gaps in time) become NaN rows, so
     * seasonal lags stay aligned.
     */
    public double[][] regular() {
        Duration step = step();
        if (times.isEmpty() || step.isZero()) {
            return values;
        }
        long span = Duration.between(times.get(0), times.get(times.size() - 1)).getSeconds();
        long st = step.getSeconds();
        int n = (int) (span / st) + 1;
        if (n > 4L * times.size()) {
            return values;
        }
        double[][] out = new double[values.length][n];
        for (double[] o : out) {
            java.util.Arrays.fill(o, Double.NaN);
        }
        for (int t = 0; t < times.size(); t++) {
            long off = Duration.between(times.get(0), times.get(t)).getSeconds();
            if (off % st != 0) {
                continue;
            }
            int k = (int) (off / st);
            for (int c = 0; c < values.length; c++) {
                out[c][k] = values[c][t];
            }
        }
        return out;
    }
}
