package io.thalamus.bench.intent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a G1 log ({@code -Xlog:gc*,gc+phases=debug:file=F:timemillis}) says about the collections inside a wall-clock
 * window: pauses (count, total, median, p90, max), the GC threads' CPU time, and the two costs of a young pause that
 * grow with what the server keeps: bytes copied (survivors) and old-generation cards scanned for references into the
 * young generation. The figures per 1,000 intents are the load-independent evidence: on a shared machine the pause
 * times follow the load, the CPU, bytes and cards much less.
 *
 * @param pauses        stop-the-world pauses in the window
 * @param pauseMs       their lengths, in log order
 * @param gcCpuSeconds  user + system CPU of the GC threads over those pauses
 * @param copiedBytes   bytes evacuated (young survivors and promotions)
 * @param scannedCards  old-generation cards scanned for references into the collection set
 */
public record GcLogSummary(int pauses, double[] pauseMs, double gcCpuSeconds, long copiedBytes, long scannedCards) {

    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)ms] GC\\((\\d+)\\) (.*)$");
    private static final Pattern PAUSE = Pattern.compile("^Pause (Young|Remark|Cleanup|Full).* ([\\d.]+)ms$");
    private static final Pattern CPU = Pattern.compile("^User=([\\d.]+)s Sys=([\\d.]+)s Real=([\\d.]+)s$");
    private static final Pattern SUM = Pattern.compile("Sum: (\\d+)");

    /** The JVM option that writes the log this class reads to {@code file}. */
    public static String jvmOption(Path file) {
        // filecount=0: one file, no rotation (the JVM would otherwise also move an existing file aside to FILE.0)
        return "-Xlog:gc*,gc+phases=debug:file=" + file.toAbsolutePath() + ":timemillis:filecount=0";
    }

    /** Summarises the collections that started within [{@code fromMillis}, {@code toMillis}] (epoch milliseconds). */
    public static GcLogSummary read(Path log, long fromMillis, long toMillis) throws IOException {
        Map<Integer, Long> started = new HashMap<>();
        List<Double> pauses = new ArrayList<>();
        double cpu = 0;
        long copied = 0;
        long cards = 0;
        try (Stream<String> lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                long t = Long.parseLong(m.group(1));
                int gc = Integer.parseInt(m.group(2));
                long start = started.computeIfAbsent(gc, k -> t);
                if (start < fromMillis || start > toMillis) {
                    continue;
                }
                String s = m.group(3).trim();
                Matcher p = PAUSE.matcher(s);
                Matcher c = CPU.matcher(s);
                if (p.matches()) {
                    pauses.add(Double.parseDouble(p.group(2)));
                } else if (c.matches()) {
                    cpu += Double.parseDouble(c.group(1)) + Double.parseDouble(c.group(2));
                } else if (s.startsWith("Copied Bytes")) {
                    copied += sum(s);
                } else if (s.startsWith("Scanned Cards")) {
                    cards += sum(s);
                }
            }
        }
        return new GcLogSummary(pauses.size(), pauses.stream().mapToDouble(Double::doubleValue).toArray(), cpu, copied, cards);
    }

    private static long sum(String s) {
        Matcher m = SUM.matcher(s);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Total pause time, ms. */
    public double totalMs() {
        return Arrays.stream(pauseMs).sum();
    }

    /** The {@code q}-quantile of the pause lengths (NaN: no pause). */
    public double pausePct(double q) {
        return IntentIntakeBench.pct(pauseMs, q);
    }

    /** The summary as JSON, with the costs per 1,000 of {@code intents}. */
    public ObjectNode json(long intents) {
        double k = Math.max(1, intents) / 1000.0;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("pauses", pauses).put("pauseTotalMs", totalMs()).put("pauseMedianMs", pausePct(0.5))
                .put("pauseP90Ms", pausePct(0.9)).put("pauseMaxMs", pausePct(1.0))
                .put("gcCpuSeconds", gcCpuSeconds).put("copiedBytes", copiedBytes).put("scannedCards", scannedCards)
                .put("pauseMsPer1000Intents", totalMs() / k).put("gcCpuMsPer1000Intents", 1000 * gcCpuSeconds / k)
                .put("copiedKbPer1000Intents", copiedBytes / 1024.0 / k).put("scannedCardsPer1000Intents", scannedCards / k);
        return o;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d pauses, %.0f ms in all, median %.1f / p90 %.1f / max %.1f ms, GC CPU %.2f s, "
                        + "%.1f MB copied, %d cards scanned", pauses, totalMs(), pausePct(0.5), pausePct(0.9), pausePct(1.0),
                gcCpuSeconds, copiedBytes / 1048576.0, scannedCards);
    }

    /** Usage: {@code GcLogSummary LOG FROM_EPOCH_MS TO_EPOCH_MS INTENTS}: prints the summary and its JSON. */
    public static void main(String[] args) throws IOException {
        GcLogSummary s = read(Path.of(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]));
        System.out.println(s);
        System.out.println(s.json(Long.parseLong(args[3])).toPrettyString());
    }
}
