package io.thalamus.bench.intent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a G1 log (lines in the format JDK 17 writes with gc*, gc+phases=debug and the timemillis decorator). */
class GcLogSummaryTest {

    @Test
    void countsOnlyTheCollectionsThatStartedInTheWindow(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, String.join("\n",
                "[1000ms] Using G1",
                // before the window
                "[1500ms] GC(7) Pause Young (Normal) (G1 Evacuation Pause)",
                "[1530ms] GC(7)         Copied Bytes                   Min: 1, Avg: 1.0, Max: 1, Diff: 0, Sum: 999, Workers: 2",
                "[1530ms] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 100M->50M(2048M) 30.000ms",
                "[1530ms] GC(7) User=0.05s Sys=0.00s Real=0.03s",
                // in the window; its last lines are written after the window's end, and still count
                "[2000ms] GC(8) Pause Young (Normal) (G1 Evacuation Pause)",
                "[2000ms] GC(8) Using 2 workers of 2 for evacuation",
                "[2019ms] GC(8)       Scanned Cards:                 Min: 100, Avg: 150.0, Max: 200, Diff: 100, Sum: 300, Workers: 2",
                "[2019ms] GC(8)         Copied Bytes                   Min: 1000, Avg: 1500.0, Max: 2000, Diff: 1000, Sum: 3000, Workers: 2",
                "[2019ms] GC(8) Pause Young (Normal) (G1 Evacuation Pause) 200M->60M(2048M) 19.500ms",
                "[2019ms] GC(8) User=0.03s Sys=0.01s Real=0.02s",
                "[2500ms] GC(9) Pause Young (Concurrent Start) (G1 Evacuation Pause)",
                "[2500ms] GC(9)       Scanned Cards:                 Min: 10, Avg: 10.0, Max: 10, Diff: 0, Sum: 20, Workers: 2",
                "[3010ms] GC(9) Pause Young (Concurrent Start) (G1 Evacuation Pause) 210M->70M(2048M) 10.500ms",
                "[3010ms] GC(9) User=0.02s Sys=0.00s Real=0.01s",
                "[2600ms] GC(10) Concurrent Mark Cycle",
                "[2700ms] GC(10) Pause Remark 80M->80M(2048M) 2.000ms",
                "[2700ms] GC(10) User=0.00s Sys=0.00s Real=0.00s",
                // after the window
                "[3500ms] GC(11) Pause Young (Normal) (G1 Evacuation Pause)",
                "[3520ms] GC(11) Pause Young (Normal) (G1 Evacuation Pause) 300M->80M(2048M) 20.000ms",
                ""));
        GcLogSummary s = GcLogSummary.read(log, 2000, 3000);
        assertThat(s.pauses()).isEqualTo(3);
        assertThat(s.pauseMs()).containsExactly(19.5, 10.5, 2.0);
        assertThat(s.totalMs()).isEqualTo(32.0);
        assertThat(s.pausePct(1.0)).isEqualTo(19.5);
        assertThat(s.pausePct(0.5)).isEqualTo(10.5);
        assertThat(s.gcCpuSeconds()).isCloseTo(0.06, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.copiedBytes()).isEqualTo(3000);
        assertThat(s.scannedCards()).isEqualTo(320);
        // per 1,000 of 2,000 intents: half of each total
        assertThat(s.json(2000).get("scannedCardsPer1000Intents").asDouble()).isEqualTo(160.0);
        assertThat(s.json(2000).get("pauseMsPer1000Intents").asDouble()).isEqualTo(16.0);
    }
}
