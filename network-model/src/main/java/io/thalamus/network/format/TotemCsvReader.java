package io.thalamus.network.format;

import io.thalamus.network.traffic.TrafficSeries;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the GEANT TOTEM wide CSV: a header {@code time,o_d,...} (one column per origin-destination pair,
 * anonymised node ids), then one row per 15-minute interval with an ISO local time (taken as UTC) and
 * rates in kbit/s. Empty cells and pairs without a column stay missing (NaN); values become bit/s.
 */
public final class TotemCsvReader {

    /** kbit/s to bit/s. */
    static final double KBIT = 1e3;

    private TotemCsvReader() {
    }

    /** Reads the series; it is named after the file. */
    public static TrafficSeries read(Path file) {
        try (TextInput in = TextInput.open(file)) {
            String header = in.next();
            if (header == null) {
                throw in.error("empty file (expected a header 'time,o_d,...')");
            }
            String[] cols = TextInput.split(header, ',');
            if (cols.length < 2 || !cols[0].trim().equals("time")) {
                throw in.error("expected a header starting with 'time' followed by o_d columns");
            }
            Set<String> ids = new LinkedHashSet<>();
            String[][] pairs = new String[cols.length][];
            for (int c = 1; c < cols.length; c++) {
                String[] od = cols[c].trim().split("_");
                if (od.length != 2 || od[0].isEmpty() || od[1].isEmpty()) {
                    throw in.error("column " + (c + 1) + ": expected 'origin_destination', got '" + cols[c] + "'");
                }
                pairs[c] = od;
                ids.add(od[0]);
                ids.add(od[1]);
            }
            List<String> nodes = new ArrayList<>(ids);
            nodes.sort(Comparator.comparingLong(TotemCsvReader::numericOrder).thenComparing(Comparator.naturalOrder()));
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                index.put(nodes.get(i), i);
            }
            int n = nodes.size();
            int[] cellOf = new int[cols.length];
            boolean[] seenCell = new boolean[n * n];
            for (int c = 1; c < cols.length; c++) {
                cellOf[c] = index.get(pairs[c][0]) * n + index.get(pairs[c][1]);
                if (seenCell[cellOf[c]]) {
                    throw in.error("column " + (c + 1) + ": duplicate pair '" + cols[c] + "'");
                }
                seenCell[cellOf[c]] = true;
            }
            TrafficSeries.Builder series = TrafficSeries.builder(TopologyReaders.baseName(file), nodes);
            String line;
            while ((line = in.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = TextInput.split(line, ',');
                if (f.length != cols.length) {
                    throw in.error("expected " + cols.length + " fields as in the header, got " + f.length
                            + (f.length < cols.length ? " (truncated row?)" : ""));
                }
                Instant t;
                try {
                    t = LocalDateTime.parse(f[0].trim()).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw in.error("expected an ISO time such as 2005-01-01T00:30:00 in column time, got '" + f[0] + "'");
                }
                double[] cells = new double[n * n];
                Arrays.fill(cells, Double.NaN);
                for (int c = 1; c < f.length; c++) {
                    String v = f[c];
                    if (v.isEmpty()) {
                        continue;
                    }
                    double x;
                    try {
                        x = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw in.error("column " + cols[c] + ": expected a number of kbit/s or an empty cell, got '" + v + "'");
                    }
                    if (!(x >= 0) || Double.isInfinite(x)) {
                        throw in.error("column " + cols[c] + ": expected a non-negative rate, got " + v);
                    }
                    cells[cellOf[c]] = x * KBIT;
                }
                try {
                    series.add(t, cells);
                } catch (IllegalArgumentException e) {
                    throw in.error(e.getMessage());
                }
            }
            return series.build();
        }
    }

    private static long numericOrder(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
