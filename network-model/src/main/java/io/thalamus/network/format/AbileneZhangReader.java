package io.thalamus.network.format;

import io.thalamus.network.topology.Link;
import io.thalamus.network.topology.Node;
import io.thalamus.network.topology.Topology;
import io.thalamus.network.traffic.TrafficSeries;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Abilene data of Zhang et al. as published with CFR-RL: the topology file
 * ({@code Node_num: N Edge_num: E}, then TSV {@code Link_index Source Destination OSPF Capacity(kbps)} of
 * directed links) and the matrix files (one line per 5-minute interval, N x N values row-major, in Zhang's
 * unit of 100 bytes per 5 minutes).
 *
 * <p>Node ids are the file's indices, except for a 12-node file whose name starts with "abilene", whose
 * nodes get Zhang's router names ({@link #ABILENE_NODES}, the ids of SNDlib {@code abilene}). A link and
 * its reverse form one physical link {@code i-j} (i &lt; j), so a cable cut takes both down. The
 * capacity column is in kbit/s (bit/s = x 1000) except for files that say otherwise (the Rocketfuel files'
 * {@code Bandwidth} is relative and taken as Mbit/s, recorded as a default). No coordinates: delay 1 ms (recorded).
 */
public final class AbileneZhangReader {

    /** Zhang's alphabetical router order; index i of the files is {@code ABILENE_NODES.get(i)}. */
    public static final List<String> ABILENE_NODES = List.of("ATLAM5", "ATLAng", "CHINng", "DNVRng", "HSTNng",
            "IPLSng", "KSCYng", "LOSAng", "NYCMng", "SNVAng", "STTLng", "WASHng");

    /** One matrix value in bit/s: 100 bytes (packet sampling 1:100) x 8 bit over 300 s. */
    public static final double UNIT_BPS = 100.0 * 8.0 / 300.0;

    static final String RELATIVE_BANDWIDTH_RULE = "Bandwidth column taken as Mbit/s (file gives relative units)";

    private AbileneZhangReader() {
    }

    /** Reads a topology file. */
    public static Topology readTopology(Path file) {
        String base = TopologyReaders.baseName(file);
        try (TextInput in = TextInput.open(file)) {
            String head = in.next();
            if (head == null || !head.trim().startsWith("Node_num:")) {
                throw in.error("expected a header 'Node_num: N Edge_num: E'");
            }
            String[] h = head.trim().split("\\s+");
            if (h.length != 4 || !h[2].equals("Edge_num:")) {
                throw in.error("expected a header 'Node_num: N Edge_num: E'");
            }
            int n = in.integer(h[1], "Node_num");
            int e = in.integer(h[3], "Edge_num");
            String columns = in.next();
            if (columns == null) {
                throw in.error("truncated file: expected the column header line");
            }
            String[] cols = columns.trim().split("\\s+");
            if (cols.length != 5) {
                throw in.error("expected 5 columns (Link_index Source Destination Weight Capacity), got " + cols.length);
            }
            boolean kbps = cols[4].toLowerCase(Locale.ROOT).contains("kbps");
            List<String> ids = new ArrayList<>();
            boolean named = n == ABILENE_NODES.size() && base.toLowerCase(Locale.ROOT).startsWith("abilene");
            for (int i = 0; i < n; i++) {
                ids.add(named ? ABILENE_NODES.get(i) : Integer.toString(i));
            }
            record Raw(int s, int t, double weight, double capBps, String where) {
            }
            List<Raw> raws = new ArrayList<>();
            Set<Long> seenPairs = new HashSet<>();
            Set<Integer> seenIndex = new HashSet<>();
            String line;
            while ((line = in.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (f.length != 5) {
                    throw in.error("expected 5 fields, got " + f.length);
                }
                int idx = in.integer(f[0], "Link_index");
                if (!seenIndex.add(idx)) {
                    throw in.error("duplicate link index " + idx);
                }
                int s = in.integer(f[1], "Source");
                int t = in.integer(f[2], "Destination");
                for (int v : new int[] {s, t}) {
                    if (v < 0 || v >= n) {
                        throw in.error("unknown node " + v + " (expected 0.." + (n - 1) + ")");
                    }
                }
                if (s == t) {
                    throw in.error("link " + idx + " connects node " + s + " to itself");
                }
                if (!seenPairs.add((long) s * n + t)) {
                    throw in.error("duplicate link " + s + " -> " + t);
                }
                double w = in.number(f[3], "weight");
                double cap = in.number(f[4], "capacity");
                if (!(w > 0)) {
                    throw in.error("expected a positive weight, got " + f[3]);
                }
                if (!(cap > 0)) {
                    throw in.error("expected a positive capacity, got " + f[4]);
                }
                raws.add(new Raw(s, t, w, cap * (kbps ? 1e3 : 1e6), in.where()));
            }
            if (raws.size() != e) {
                throw in.error("header says Edge_num: " + e + " but the file lists " + raws.size() + " links (truncated?)");
            }
            DefaultLedger ledger = new DefaultLedger();
            if (!kbps) {
                ledger.add("capacityBps", RELATIVE_BANDWIDTH_RULE, raws.size());
            }
            Map<String, Node> nodes = new LinkedHashMap<>();
            for (String id : ids) {
                nodes.put(id, new Node(id, id, null));
            }
            List<Link> links = new ArrayList<>();
            for (Raw r : raws) {
                String a = ids.get(r.s);
                String b = ids.get(r.t);
                String physical = ids.get(Math.min(r.s, r.t)) + "-" + ids.get(Math.max(r.s, r.t));
                double delay = ledger.delayMs(nodes.get(a), nodes.get(b), 1);
                links.add(new Link(TopologyJson.directedId(physical, a, b), physical, a, b, r.capBps, delay, r.weight, Set.of()));
            }
            try {
                return new Topology(base, nodes.values(), links, List.of(), ledger.toList());
            } catch (IllegalArgumentException ex) {
                throw new TopologyFormatException(file.toString(), "", ex.getMessage(), ex);
            }
        }
    }

    /** Reads a matrix file over {@link #ABILENE_NODES}, 5-minute steps from 1970-01-01T00:00Z (the files carry no dates). */
    public static TrafficSeries readMatrices(Path file) {
        return readMatrices(file, ABILENE_NODES, Instant.EPOCH);
    }

    /** Reads a matrix file over {@code nodes} (N x N values a line), 5-minute steps from {@code start}. */
    public static TrafficSeries readMatrices(Path file, List<String> nodes, Instant start) {
        int n = nodes.size();
        TrafficSeries.Builder series = TrafficSeries.builder(TopologyReaders.baseName(file), nodes);
        try (TextInput in = TextInput.open(file)) {
            String line;
            int k = 0;
            while ((line = in.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (f.length != n * n) {
                    throw in.error("expected " + (n * n) + " values (" + n + " x " + n + " matrix), got " + f.length);
                }
                double[] cells = new double[n * n];
                for (int i = 0; i < cells.length; i++) {
                    double v = in.number(f[i], "matrix value");
                    if (!(v >= 0) || Double.isInfinite(v)) {
                        throw in.error("value " + (i + 1) + ": expected a non-negative number, got " + f[i]);
                    }
                    cells[i] = v * UNIT_BPS;
                }
                series.add(start.plus(Duration.ofMinutes(5L * k)), cells);
                k++;
            }
        }
        return series.build();
    }
}
