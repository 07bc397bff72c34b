package io.thalamus.network.format;

import io.thalamus.network.traffic.TrafficSeries;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the SNDlib dynamic traffic series in long CSV form: header {@code time,source,target,value_mbps},
 * time {@code yyyyMMdd-HHmm} or {@code yyyyMMdd} (UTC), values in Mbit/s (converted to bit/s). SNDlib omits
 * zero demands, so a pair absent at a listed time is 0, not missing; the diagonal is 0.
 */
public final class SndlibDynamicCsvReader {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyyMMdd");

    private SndlibDynamicCsvReader() {
    }

    /** Reads the series over the nodes that appear in it, sorted by id. */
    public static TrafficSeries read(Path file) {
        return read(file, null);
    }

    /**
     * Reads the series over {@code nodes} (e.g. the SNDlib topology's node ids, so nodes without traffic are
     * kept); a row naming another node is an error. With {@code nodes == null}, the nodes seen, sorted.
     */
    public static TrafficSeries read(Path file, List<String> nodes) {
        record Row(int source, int target, double bps) {
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        if (nodes != null) {
            for (String n : nodes) {
                index.put(n, names.size());
                names.add(n);
            }
        }
        TreeMap<Instant, List<Row>> byTime = new TreeMap<>();
        try (TextInput in = TextInput.open(file)) {
            String header = in.next();
            if (header == null || !header.trim().equals("time,source,target,value_mbps")) {
                throw in.error("expected the header 'time,source,target,value_mbps'");
            }
            String line;
            while ((line = in.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = TextInput.split(line, ',');
                if (f.length != 4) {
                    throw in.error("expected 4 fields (time,source,target,value_mbps), got " + f.length);
                }
                Instant t = time(f[0].trim(), in);
                int s = node(f[1].trim(), index, names, nodes != null, in);
                int d = node(f[2].trim(), index, names, nodes != null, in);
                double v;
                try {
                    v = Double.parseDouble(f[3].trim());
                } catch (NumberFormatException e) {
                    throw in.error("expected a number of Mbit/s in value_mbps, got '" + f[3] + "'");
                }
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw in.error("expected a non-negative rate in value_mbps, got " + f[3]);
                }
                byTime.computeIfAbsent(t, k -> new ArrayList<>()).add(new Row(s, d, v * 1e6));
            }
        }
        List<String> order = names;
        int[] remap = new int[names.size()];
        if (nodes == null) {
            order = new ArrayList<>(new TreeSet<>(names));
            for (int i = 0; i < names.size(); i++) {
                remap[i] = order.indexOf(names.get(i));
            }
        } else {
            for (int i = 0; i < remap.length; i++) {
                remap[i] = i;
            }
        }
        int n = order.size();
        TrafficSeries.Builder series = TrafficSeries.builder(TopologyReaders.baseName(file), order);
        for (Map.Entry<Instant, List<Row>> e : byTime.entrySet()) {
            double[] cells = new double[n * n];
            for (Row r : e.getValue()) {
                cells[remap[r.source] * n + remap[r.target]] += r.bps;
            }
            series.add(e.getKey(), cells);
        }
        return series.build();
    }

    private static Instant time(String s, TextInput in) {
        try {
            if (s.length() == 8) {
                return LocalDate.parse(s, DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(s, MINUTES).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw in.error("expected a time as yyyyMMdd-HHmm or yyyyMMdd, got '" + s + "'");
        }
    }

    private static int node(String id, Map<String, Integer> index, List<String> names, boolean fixed, TextInput in) {
        Integer i = index.get(id);
        if (i != null) {
            return i;
        }
        if (fixed || id.isEmpty()) {
            throw in.error("unknown node '" + id + "' (expected one of the series' nodes)");
        }
        index.put(id, names.size());
        names.add(id);
        return names.size() - 1;
    }
}
