package io.thalamus.models.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Loads the real series of the shared data folder that the model benchmark is cut from. */
public final class SharedSeries {

    /** The GEANT TOTEM wide CSV, relative to the data root. */
    public static final String GEANT_TOTEM = "traffic/geant-totem/geant-totem-15min-2005-01-to-03.csv.gz";
    /** The two Abilene weeks of Zhang's 5-minute matrices, relative to the data root. */
    public static final List<String> ABILENE = List.of("traffic/abilene-zhang/AbileneTM.txt.gz",
            "traffic/abilene-zhang/AbileneTM2.txt.gz");
    /** The UCC 5G production traces, relative to the data root. */
    public static final String FIVE_G = "kpi/5g-production-ucc/5G-production-dataset.zip";

    private SharedSeries() {
    }

    /**
     * GEANT TOTEM origin-destination series (15 min, period 96), self pairs dropped, and the row indices of the
     * known measurement glitches (total traffic above 10× or below 0.1× the median total, as PROVENANCE.md
     * describes them); glitch rows are NaN in the returned series.
     */
    public record Geant(List<SeriesSource> series, double[] total, List<Integer> glitchRows) {
    }

    /** Reads the GEANT TOTEM file. */
    public static Geant geant(Path root) {
        WideCsvTable t = WideCsvTable.read(root.resolve(GEANT_TOTEM));
        double[][] v = t.regular();
        int n = v.length == 0 ? 0 : v[0].length;
        double[] total = new double[n];
        for (int r = 0; r < n; r++) {
            double s = 0;
            int seen = 0;
            for (int c = 0; c < v.length; c++) {
                if (!isSelf(t.columns().get(c)) && !Double.isNaN(v[c][r])) {
                    s += v[c][r];
                    seen++;
                }
            }
            total[r] = seen == 0 ? Double.NaN : s;
        }
        double med = medianIgnoringNaN(total);
        List<Integer> glitches = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (!Double.isNaN(total[r]) && (total[r] > 10 * med || total[r] < 0.1 * med)) {
                glitches.add(r);
            }
        }
        List<SeriesSource> out = new ArrayList<>();
        for (int c = 0; c < v.length; c++) {
            String col = t.columns().get(c);
            if (isSelf(col)) {
                continue;
            }
            double[] s = v[c].clone();
            for (int r : glitches) {
                s[r] = Double.NaN;
            }
            out.add(new SeriesSource("geant-totem/" + col, "geant-totem", s, 96));
        }
        return new Geant(out, total, List.copyOf(glitches));
    }

    private static boolean isSelf(String col) {
        int u = col.indexOf('_');
        return u > 0 && col.substring(0, u).equals(col.substring(u + 1));
    }

    /**
     * Abilene OD series: Zhang's two weeks of 5-minute matrices (12 nodes) averaged to 15 minutes (period 96),
     * in Mbit/s, self pairs dropped; the two weeks of one pair are one series key (so one split side).
     */
    public static List<SeriesSource> abilene(Path root) {
        List<double[][]> weeks = new ArrayList<>();
        for (String rel : ABILENE) {
            weeks.add(readAbileneWeek(root.resolve(rel)));
        }
        List<SeriesSource> out = new ArrayList<>();
        for (int c = 0; c < 144; c++) {
            if (c / 12 == c % 12) {
                continue;
            }
            for (int w = 0; w < weeks.size(); w++) {
                double[][] week = weeks.get(w);
                int n = week.length / 3;
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    double sum = week[3 * i][c] + week[3 * i + 1][c] + week[3 * i + 2][c];
                    s[i] = sum / 3 * 100 * 8 / 300 / 1e6;
                }
                out.add(new SeriesSource("abilene/" + (c / 12) + "_" + (c % 12) + "#week" + (w + 1), "abilene", s, 96));
            }
        }
        return out;
    }

    private static double[][] readAbileneWeek(Path file) {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                if (parts.length != 144) {
                    throw new IllegalArgumentException(file + ": line " + no + ": expected 144 values, got " + parts.length);
                }
                double[] row = new double[144];
                for (int i = 0; i < 144; i++) {
                    row[i] = Double.parseDouble(parts[i]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.toArray(new double[0][]);
    }

    /**
     * 5G KPI series from the UCC production traces (1-second samples, no daily season: period 1): downlink
     * bitrate, RSRP and SNR of every trace with at least {@code minLength} samples; '-' is missing.
     */
    public static List<SeriesSource> fiveG(Path root, int minLength) {
        List<SeriesSource> out = new ArrayList<>();
        String[] kpis = {"DL_bitrate", "RSRP", "SNR"};
        try (ZipFile zip = new ZipFile(root.resolve(FIVE_G).toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                if (!z.isDirectory() && z.getName().endsWith(".csv") && !z.getName().startsWith("__MACOSX")) {
                    entries.add(z);
                }
            }
            entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
            for (ZipEntry z : entries) {
                try (InputStream in = zip.getInputStream(z);
                     BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String[] header = r.readLine().split(",", -1);
                    int[] idx = new int[kpis.length];
                    for (int k = 0; k < kpis.length; k++) {
                        idx[k] = Arrays.asList(header).indexOf(kpis[k]);
                    }
                    List<double[]> rows = new ArrayList<>();
                    String line;
                    while ((line = r.readLine()) != null) {
                        String[] p = line.split(",", -1);
                        double[] row = new double[kpis.length];
                        for (int k = 0; k < kpis.length; k++) {
                            row[k] = idx[k] >= 0 && idx[k] < p.length ? number(p[idx[k]]) : Double.NaN;
                        }
                        rows.add(row);
                    }
                    if (rows.size() < minLength) {
                        continue;
                    }
                    String trace = z.getName().replace("5G-production-dataset/", "").replace(".csv", "");
                    for (int k = 0; k < kpis.length; k++) {
                        if (idx[k] < 0) {
                            continue;
                        }
                        double[] s = new double[rows.size()];
                        for (int i = 0; i < s.length; i++) {
                            s[i] = rows.get(i)[k];
                        }
                        out.add(new SeriesSource("5g-ucc/" + trace + "/" + kpis[k], "5g-ucc", s, 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(FIVE_G) + ": " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(out);
    }

    private static double number(String cell) {
        String c = cell.trim();
        if (c.isEmpty() || c.equals("-")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(c);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double medianIgnoringNaN(double[] a) {
        double[] c = Arrays.stream(a).filter(x -> !Double.isNaN(x)).toArray();
        return c.length == 0 ? Double.NaN : io.thalamus.models.anomaly.RobustStatistics.median(c, 0, c.length);
    }
}
