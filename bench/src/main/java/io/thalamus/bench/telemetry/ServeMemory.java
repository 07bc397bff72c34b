package io.thalamus.bench.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of the default {@code thalamus serve} (embedded broker, Streams, element simulator, collector,
 * intent engine, English model, HTTP API) in its own JVM under {@code -Xmx512m}: starts the fat jar as a
 * child process, waits until the twin receives link statistics, then samples heap ({@code jcmd GC.heap_info})
 * and RSS ({@code /proc/PID/status}) every 5 s and reads the telemetry counters from {@code /metrics}.
 * Arguments: {@code --jar deploy/target/thalamus.jar --seconds 60 --out bench/results/telemetry}.
 */
public final class ServeMemory {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private ServeMemory() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path jar = Path.of(a.getOrDefault("jar", "deploy/target/thalamus.jar"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        Path out = Path.of(a.getOrDefault("out", "bench/results/telemetry"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar: " + jar + " does not exist (mvn -B -q package -pl deploy -am -DskipTests)");
        }
        Files.createDirectories(out);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path state = Files.createTempDirectory("thalamus-serve-memory");
        Path log = state.resolve("serve.log");
        Process p = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(), "serve", "--port", Integer.toString(port),
                "--state-dir", state.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "serve-memory");
        r.put("date", Instant.now().toString());
        r.put("command", "java -Xmx512m -jar " + jar + " serve --port " + port + " --state-dir TMP");
        r.put("loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        HttpClient http = HttpClient.newHttpClient();
        try {
            long t0 = System.currentTimeMillis();
            double applied = 0;
            while (System.currentTimeMillis() - t0 < 180_000 && p.isAlive()) {
                applied = metric(http, port, "thalamus_telemetry_samples_accepted_total");
                if (applied > 0) {
                    break;
                }
                Thread.sleep(500);
            }
            if (!p.isAlive() || applied <= 0) {
                throw new IllegalStateException("serve did not start or received no telemetry within 180 s; see " + log);
            }
            r.put("secondsUntilFirstSampleAccepted", (System.currentTimeMillis() - t0) / 1000.0);
            double accepted0 = applied;
            long m0 = System.currentTimeMillis();
            List<Map<String, Object>> series = new ArrayList<>();
            long peakHeapUsedKiB = 0;
            long peakRssKiB = 0;
            for (int s = 0; s <= seconds; s += 5) {
                Map<String, Object> point = sample(p.pid());
                point.put("second", s);
                peakHeapUsedKiB = Math.max(peakHeapUsedKiB, (long) point.getOrDefault("heapUsedKiB", 0L));
                peakRssKiB = Math.max(peakRssKiB, (long) point.getOrDefault("rssKiB", 0L));
                series.add(point);
                if (s < seconds) {
                    Thread.sleep(5000);
                }
            }
            double accepted1 = metric(http, port, "thalamus_telemetry_samples_accepted_total");
            r.put("samplesAcceptedPerSecondDuringRun", (accepted1 - accepted0) / ((System.currentTimeMillis() - m0) / 1000.0));
            r.put("deadLetters", metric(http, port, "thalamus_telemetry_dead_letters_total"));
            r.put("samplesDropped", metric(http, port, "thalamus_telemetry_samples_dropped_total"));
            run("jcmd", Long.toString(p.pid()), "GC.run");
            Map<String, Object> afterGc = sample(p.pid());
            r.put("samples", series);
            r.put("peakHeapUsedMiB", peakHeapUsedKiB / 1024);
            r.put("peakRssMiBSampled", peakRssKiB / 1024);
            r.put("afterFullGc", afterGc);
            r.put("loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            p.destroy();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(out.resolve("serve-memory.json"), json.writeValueAsString(r));
        @SuppressWarnings("unchecked")
        Map<String, Object> gc = (Map<String, Object>) r.get("afterFullGc");
        Files.writeString(out.resolve("serve-memory.md"), String.format(
                "# Default serve under -Xmx512m%n%nRun %s, load average %s at start, %s at end (shared 2-core machine). `%s`.%n%n"
                        + "| peak heap used MiB | heap used after full GC MiB | heap committed MiB | peak RSS (VmHWM) MiB | RSS MiB | samples accepted/s | dropped | dead letters |%n"
                        + "|---:|---:|---:|---:|---:|---:|---:|---:|%n| %s | %s | %s | %s | %s | %.1f | %s | %s |%n",
                r.get("date"), r.get("loadAverageAtStart"), r.get("loadAverageAtEnd"), r.get("command"),
                r.get("peakHeapUsedMiB"), (long) gc.getOrDefault("heapUsedKiB", 0L) / 1024,
                (long) gc.getOrDefault("heapCommittedKiB", 0L) / 1024, (long) gc.getOrDefault("peakRssKiB", 0L) / 1024,
                (long) gc.getOrDefault("rssKiB", 0L) / 1024, (double) r.get("samplesAcceptedPerSecondDuringRun"),
                r.get("samplesDropped"), r.get("deadLetters")));
        System.out.println(json.writeValueAsString(r));
        System.exit(0);
    }

    private static Map<String, Object> sample(long pid) throws IOException, InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        Matcher h = HEAP.matcher(run("jcmd", Long.toString(pid), "GC.heap_info"));
        if (h.find()) {
            m.put("heapCommittedKiB", Long.parseLong(h.group(1)));
            m.put("heapUsedKiB", Long.parseLong(h.group(2)));
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            String[] f = line.split("\\s+");
            if (line.startsWith("VmRSS:")) {
                m.put("rssKiB", Long.parseLong(f[1]));
            } else if (line.startsWith("VmHWM:")) {
                m.put("peakRssKiB", Long.parseLong(f[1]));
            }
        }
        return m;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return s;
    }

    /** Sum of the samples of a Prometheus metric (all label sets), 0 when absent or unreachable. */
    private static double metric(HttpClient http, int port, String name) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String line : body.split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
