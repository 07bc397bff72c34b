package io.thalamus.twin.fidelity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.thalamus.network.data.SharedData;
import io.thalamus.twin.sim.QueueModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FidelityTest {

    @TempDir
    Path dir;

    private static Path validation() {
        Assumptions.assumeTrue(SharedData.root().isPresent(), "shared data folder not found (set THALAMUS_DATA)");
        return SharedData.resolve("routenet-gnnet2020/validation");
    }

    /** Writes a ustar archive by hand: header (name, octal size), data, padding, two zero blocks. */
    private static void tar(OutputStream out, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
            byte[] h = new byte[512];
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            System.arraycopy(name, 0, h, 0, name.length);
            byte[] size = String.format("%011o", data.length).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(size, 0, h, 124, size.length);
            h[156] = '0';
            out.write(h);
            out.write(data);
            out.write(new byte[(512 - data.length % 512) % 512]);
        }
        out.write(new byte[1024]);
    }

    @Test
    void tarReaderReturnsTheWantedEntries() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            tar(gz, Map.of("set/traffic.txt", "x".repeat(700), "set/other.bin", "yy", "set/input_files.txt", "0;g.txt;r.txt\n"));
        }
        Path archive = dir.resolve("a.tar.gz");
        Files.write(archive, bytes.toByteArray());
        Map<String, byte[]> files = TarGz.read(archive, "traffic.txt", "input_files.txt");
        assertEquals(2, files.size());
        assertEquals(700, files.get("set/traffic.txt").length);
        assertEquals("0;g.txt;r.txt\n", new String(files.get("set/input_files.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void readsGbnSamplesWithContiguousPathsAndPlausibleValues() {
        Path val = validation();
        RouteNetReader reader = new RouteNetReader(val);
        List<RouteNetSample> samples = reader.read(reader.archives().get(0));
        assertEquals(100, samples.size());
        for (RouteNetSample s : samples) {
            assertEquals(17, s.nodes());
            assertEquals("gbn", s.family());
            assertTrue(s.pathCount() > 0 && s.pathCount() <= 17 * 16);
            for (int p = 0; p < s.pathCount(); p++) {
                int[] path = s.paths()[p];
                for (int k = 1; k < path.length; k++) {
                    assertEquals(s.linkTarget()[path[k - 1]], s.linkSource()[path[k]], "contiguous path");
                }
                assertTrue(s.delay()[p] > 0 && s.loss()[p] >= 0 && s.loss()[p] <= 1);
            }
            assertEquals(1000, s.packetSize(), 1.0, "binomial packet sizes of mean 1000 bits");
        }
    }

    @Test
    void packetSizeVariabilityOfTheTwoSizeDistributionIsComputedFromItsParameters() {
        // Sizes 300 or 1700 bits with equal probability, mean 1000: E[S^2] = (300^2 + 1700^2) / 2 = 1,490,000,
        // variance 490,000, so c^2 = 0.49.
        String[] entry = "0,644.1,0.6441,10,2,1000,300,1700,2".split(",");
        assertEquals(0.49, RouteNetReader.sizeScv(entry, "test"), 1e-12);
        assertEquals(0.0, RouteNetReader.sizeScv("0,644.1,0.6441,10,0,1000,2".split(","), "test"), 0.0);
    }

    @Test
    void analyticDelayOfAOneHopPathIsTheMm1kSojourn() {
        // Two nodes, one link of capacity 10,000 carrying 5,000 (rho = 0.5), 1000-bit packets, queue 32.
        RouteNetSample s = new RouteNetSample("t", 0, "graph-test.txt", 2, new int[] {0}, new int[] {1}, new double[] {10_000},
                new int[] {RouteNetSample.FIFO, RouteNetSample.FIFO}, new double[][] {{33.3, 33.3, 33.3}, {33.3, 33.3, 33.3}},
                new double[] {32, 32}, 1000, 1.0, new int[][] {{0}}, new double[] {5_000}, new int[] {0}, new double[] {0.2},
                new double[] {0}, new double[] {0});
        PathFeatures.Result r = PathFeatures.of(s);
        double rho = 0.5;
        int k = 33;
        double pk = (1 - rho) * Math.pow(rho, k) / (1 - Math.pow(rho, k + 1));
        double l = rho / (1 - rho) - (k + 1) * Math.pow(rho, k + 1) / (1 - Math.pow(rho, k + 1));
        assertEquals(l / (5 * (1 - pk)), r.analyticDelay()[0], 1e-12);
        assertEquals(new QueueModel(1000, 32).loss(0.5), r.analyticLoss()[0], 1e-15);
        assertEquals(PathFeatures.NAMES.size(), r.features()[0].length);
    }

    @Test
    void boostedTreesLearnAStepAndSurviveAJsonRoundTrip() throws IOException {
        Random rnd = new Random(7);
        int n = 4000;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextDouble();
            x[i][1] = rnd.nextDouble();
            y[i] = (x[i][0] > 0.5 ? 1 : -1) + 0.5 * x[i][1];
        }
        BoostedStumps m = new BoostedStumpsTrainer(150, 3, 0.2, 32, 20, 0.8, 1).train(x, y);
        double mae = 0;
        for (int i = 0; i < n; i++) {
            mae += Math.abs(m.predict(x[i]) - y[i]);
        }
        assertTrue(mae / n < 0.05, "mean absolute error " + mae / n);
        ObjectMapper mapper = new ObjectMapper();
        BoostedStumps back = BoostedStumps.fromJson(mapper.readTree(mapper.writeValueAsString(m.toJson(mapper))));
        for (int i = 0; i < 200; i++) {
            assertEquals(m.predict(x[i]), back.predict(x[i]), 0.0);
        }
    }

    @Test
    void shippedCorrectionBeatsTheAnalyticModelOnGbnSamplesItNeverSaw() {
        Path val = validation();
        DelayCorrection c = DelayCorrection.shipped();
        assertTrue(PathFeatures.SETS.containsValue(c.features()), "shipped features are one of the named sets: " + c.features());
        assertTrue(DelayCorrection.shippedCard().get("trainingData").get("split").asText().contains("train"));
        RouteNetReader reader = new RouteNetReader(val);
        List<RouteNetSample> some = reader.read(reader.archives().get(1)).subList(0, 30);
        FidelityReport r = FidelityEvaluation.evaluate(some, c);
        assertTrue(r.delayMape() < 0.5 * r.delayMapeAnalytic(), r.toString());
        assertTrue(c.lossModel() != null && r.lossMae() < 0.5 * r.lossMaeAnalytic(), r.toString());
        assertArrayEquals(new int[] {30}, new int[] {r.samples()});
    }

    @Test
    void shippedCorrectionSurvivesAFileRoundTripWithItsLossModel() throws IOException {
        Path val = validation();
        DelayCorrection c = DelayCorrection.shipped();
        Path file = dir.resolve("weights.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(c.toJson()));
        DelayCorrection back = DelayCorrection.read(file);
        RouteNetReader reader = new RouteNetReader(val);
        RouteNetSample s = reader.read(reader.archives().get(0)).get(3);
        PathFeatures.Result r = PathFeatures.of(s);
        assertArrayEquals(c.calibrate(r), back.calibrate(r), 0.0);
        assertArrayEquals(c.calibrateLoss(r), back.calibrateLoss(r), 0.0);
        for (double l : back.calibrateLoss(r)) {
            assertTrue(l >= 0 && l <= 1);
        }
    }

    @Test
    void aCorrectionTrainedOnUnknownFeaturesIsRefused() {
        BoostedStumps m = new BoostedStumps(0, List.of());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DelayCorrection(List.of("hops", "tos"), m, null));
        assertTrue(e.getMessage().contains("not a prefix"), e.getMessage());
    }
}
