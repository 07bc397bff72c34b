package io.thalamus.twin.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads one split folder of the RouteNet / GNN challenge 2020 samples ({@code gnnet_data_set_*.tar.gz},
 * {@code graphs/}, {@code routings/}), from the formats described in the data set's PROVENANCE.md:
 * <ul>
 *   <li>{@code input_files.txt}: {@code sampleId;graphFile;routingFile} per sample;</li>
 *   <li>{@code traffic.txt}: {@code maxAvgLambda|} then per src-dst pair (src-major, ';'-separated)
 *       {@code timeDist,avgBw,pktsGen,<time params>,sizeDist,<size params>,tos};</li>
 *   <li>{@code simulationResults.txt}: {@code global|} then per pair
 *       {@code avgBw,pktsGen,pktsDrop,avgDelay,avgLnDelay,p10,p20,p50,p80,p90,jitter};</li>
 *   <li>graphs: GML with node {@code schedulingPolicy}, {@code schedulingWeights}, {@code queueSizes} and
 *       edge {@code port}, {@code bandwidth};</li>
 *   <li>routings: an n×n matrix, row = node, column = destination, value = output port at that node.</li>
 * </ul>
 * Errors name the file and line.
 */
public final class RouteNetReader {

    private final Path split;
    private final Map<String, Graph> graphs = new HashMap<>();
    private final Map<String, int[][]> routings = new HashMap<>();

    /** A reader over a split folder. */
    public RouteNetReader(Path split) {
        this.split = split;
    }

    /** The archives of the split, sorted by name. */
    public List<Path> archives() {
        try (Stream<Path> s = Files.list(split)) {
            List<Path> list = s.filter(p -> p.getFileName().toString().startsWith("gnnet_data_set_")
                    && p.getFileName().toString().endsWith(".tar.gz")).sorted().toList();
            if (list.isEmpty()) {
                throw new IllegalArgumentException(split + ": no gnnet_data_set_*.tar.gz archives (expected a split folder "
                        + "laid out as routenet-gnnet2020/validation)");
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + split, e);
        }
    }

    /** Every sample of the split. */
    public List<RouteNetSample> readAll() {
        List<RouteNetSample> out = new ArrayList<>();
        for (Path a : archives()) {
            out.addAll(read(a));
        }
        return out;
    }

    /** The samples of one archive. */
    public List<RouteNetSample> read(Path archive) {
        Map<String, byte[]> files;
        try {
            files = TarGz.read(archive, "input_files.txt", "traffic.txt", "simulationResults.txt");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive + ": " + e.getMessage(), e);
        }
        String[] inputs = lines(files, "input_files.txt", archive);
        String[] traffic = lines(files, "traffic.txt", archive);
        String[] results = lines(files, "simulationResults.txt", archive);
        if (inputs.length != traffic.length || inputs.length != results.length) {
            throw new IllegalArgumentException(archive + ": input_files.txt, traffic.txt and simulationResults.txt have "
                    + inputs.length + ", " + traffic.length + " and " + results.length + " lines");
        }
        List<RouteNetSample> out = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            String where = archive.getFileName() + " line " + (i + 1);
            String[] in = inputs[i].split(";");
            if (in.length < 3) {
                throw new IllegalArgumentException(where + " of input_files.txt: expected sampleId;graphFile;routingFile");
            }
            Graph g = graphs.computeIfAbsent(in[1].trim(), this::readGraph);
            int[][] routing = routings.computeIfAbsent(in[2].trim(), f -> readRouting(f, g.nodes));
            out.add(sample(archive.getFileName().toString(), i, in[1].trim(), g, routing, traffic[i], results[i], where));
        }
        return out;
    }

    private static String[] lines(Map<String, byte[]> files, String suffix, Path archive) {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                return new String(e.getValue(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toArray(String[]::new);
            }
        }
        throw new IllegalArgumentException(archive + ": no " + suffix + " inside");
    }

    private RouteNetSample sample(String archive, int index, String graphFile, Graph g, int[][] routing,
                                  String trafficLine, String resultLine, String where) {
        int n = g.nodes;
        String[] tp = body(trafficLine, where + " of traffic.txt").split(";");
        String[] rp = body(resultLine, where + " of simulationResults.txt").split(";");
        if (tp.length < n * n || rp.length < n * n) {
            throw new IllegalArgumentException(where + ": expected " + (n * n) + " src-dst entries for " + n
                    + " nodes, traffic has " + tp.length + ", results " + rp.length);
        }
        List<int[]> paths = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        double sizeSum = 0;
        double scvSum = 0;
        int sizeCount = 0;
        for (int s = 0; s < n; s++) {
            for (int d = 0; d < n; d++) {
                if (s == d) {
                    continue;
                }
                String[] t = tp[s * n + d].split(",");
                String[] r = rp[s * n + d].split(",");
                if (t.length < 4 || t[0].trim().equals("-1") || r.length < 11) {
                    continue;
                }
                double bw = num(t[1], where, "traffic avgBw");
                double pkts = num(t[2], where, "traffic pktsGen");
                double tos = num(t[t.length - 1], where, "traffic ToS");
                double genPkts = num(r[1], where, "result pktsGen");
                double drops = num(r[2], where, "result pktsDrop");
                double delay = num(r[3], where, "result avgDelay");
                double jitter = num(r[10], where, "result jitter");
                if (!(bw > 0) || !(pkts > 0) || !(delay > 0) || !(genPkts > 0)) {
                    continue;
                }
                sizeSum += bw / pkts;
                scvSum += sizeScv(t, where);
                sizeCount++;
                paths.add(trace(g, routing, s, d, where));
                values.add(new double[] {bw, tos, delay, jitter, drops / genPkts});
            }
        }
        int m = paths.size();
        double[] bw = new double[m];
        int[] tos = new int[m];
        double[] delay = new double[m];
        double[] jitter = new double[m];
        double[] loss = new double[m];
        for (int i = 0; i < m; i++) {
            double[] v = values.get(i);
            bw[i] = v[0];
            tos[i] = (int) v[1];
            delay[i] = v[2];
            jitter[i] = v[3];
            loss[i] = Math.min(1, Math.max(0, v[4]));
        }
        return new RouteNetSample(archive, index, graphFile, n, g.src, g.dst, g.capacity, g.policy, g.weights, g.queue,
                sizeCount == 0 ? 1000 : sizeSum / sizeCount, sizeCount == 0 ? 1 : scvSum / sizeCount, paths.toArray(int[][]::new), bw, tos, delay, jitter, loss);
    }

    /**
     * Squared coefficient of variation of the packet size of one traffic entry. With Poisson arrivals
     * (time distribution 0, one parameter) the entry reads {@code 0,avgBw,pktsGen,expMaxFactor,sizeDist,<size
     * params>,tos}; size distributions: 0 fixed, 1 uniform (avg, min, max), 2 binomial, i.e. two sizes of equal
     * probability (avg, size1, size2). Anything else is taken as exponential (1).
     */
    static double sizeScv(String[] t, String where) {
        if (t.length < 6 || !t[0].trim().equals("0")) {
            return 1;
        }
        int dist = (int) num(t[4], where, "traffic size distribution");
        double[] q = new double[t.length - 6];
        for (int i = 0; i < q.length; i++) {
            q[i] = num(t[5 + i], where, "traffic size parameter");
        }
        if (dist == 0) {
            return 0;
        }
        if (dist == 1 && q.length >= 3 && q[0] > 0) {
            double w = q[2] - q[1];
            return w * w / 12 / (q[0] * q[0]);
        }
        if (dist == 2 && q.length >= 3 && q[0] > 0) {
            double second = (q[1] * q[1] + q[2] * q[2]) / 2;
            return Math.max(0, second / (q[0] * q[0]) - 1);
        }
        return 1;
    }

    private static int[] trace(Graph g, int[][] routing, int s, int d, String where) {
        List<Integer> links = new ArrayList<>();
        int v = s;
        while (v != d) {
            int port = routing[v][d];
            Integer l = g.byPort.get(v * 1024 + port);
            if (port < 0 || l == null) {
                throw new IllegalArgumentException(where + ": routing sends " + s + "->" + d + " out of node " + v
                        + " on port " + port + ", which the graph does not have");
            }
            links.add(l);
            v = g.dst[l];
            if (links.size() > g.nodes) {
                throw new IllegalArgumentException(where + ": routing of " + s + "->" + d + " loops");
            }
        }
        return links.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String body(String line, String where) {
        int bar = line.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException(where + ": expected 'global|per-pair values'");
        }
        return line.substring(bar + 1);
    }

    private static double num(String s, String where, String what) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + what + " is not a number: '" + s + "'");
        }
    }

    private int[][] readRouting(String file, int n) {
        Path p = split.resolve("routings").resolve(file);
        List<String> rows;
        try {
            rows = Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routing " + p, e);
        }
        if (rows.size() < n) {
            throw new IllegalArgumentException(p + ": expected " + n + " rows, got " + rows.size());
        }
        int[][] r = new int[n][n];
        for (int i = 0; i < n; i++) {
            String[] c = rows.get(i).split(",");
            for (int j = 0; j < n; j++) {
                try {
                    r[i][j] = Integer.parseInt(c[j].trim());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(p + " line " + (i + 1) + " column " + (j + 1) + ": expected an integer port");
                }
            }
        }
        return r;
    }

    private Graph readGraph(String file) {
        Path p = split.resolve("graphs").resolve(file);
        String text;
        try {
            text = Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read graph " + p, e);
        }
        List<Map<String, String>> nodes = new ArrayList<>();
        List<Map<String, String>> edges = new ArrayList<>();
        Gml.parse(text, p.toString(), nodes, edges);
        int n = nodes.size();
        Graph g = new Graph();
        g.nodes = n;
        g.policy = new int[n];
        g.weights = new double[n][];
        g.queue = new double[n];
        for (Map<String, String> node : nodes) {
            int id = Integer.parseInt(node.getOrDefault("id", "-1"));
            if (id < 0 || id >= n) {
                throw new IllegalArgumentException(p + ": node id " + id + " outside 0.." + (n - 1));
            }
            String pol = node.getOrDefault("schedulingPolicy", "FIFO").toUpperCase(Locale.ROOT);
            g.policy[id] = switch (pol) {
                case "SP" -> RouteNetSample.SP;
                case "WFQ" -> RouteNetSample.WFQ;
                case "DRR" -> RouteNetSample.DRR;
                default -> RouteNetSample.FIFO;
            };
            g.weights[id] = parseList(node.getOrDefault("schedulingWeights", "33.3,33.3,33.3"), p);
            double[] q = parseList(node.getOrDefault("queueSizes", "32"), p);
            double sum = 0;
            for (double x : q) {
                sum += x;
            }
            g.queue[id] = sum / q.length;
        }
        int m = edges.size();
        g.src = new int[m];
        g.dst = new int[m];
        g.capacity = new double[m];
        for (int i = 0; i < m; i++) {
            Map<String, String> e = edges.get(i);
            g.src[i] = Integer.parseInt(e.get("source"));
            g.dst[i] = Integer.parseInt(e.get("target"));
            g.capacity[i] = Double.parseDouble(e.get("bandwidth"));
            g.byPort.put(g.src[i] * 1024 + Integer.parseInt(e.get("port")), i);
        }
        return g;
    }

    private static double[] parseList(String s, Path p) {
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(p + ": expected a comma-separated list of numbers, got '" + s + "'");
            }
        }
        return out;
    }

    private static final class Graph {
        int nodes;
        int[] src;
        int[] dst;
        double[] capacity;
        int[] policy;
        double[][] weights;
        double[] queue;
        final Map<Integer, Integer> byPort = new HashMap<>();
    }
}
