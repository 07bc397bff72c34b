package io.thalamus.models.corpus;

import io.thalamus.models.anomaly.RobustStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The documented anomaly generator of the benchmark. The noise scale s is 1.4826·MAD of the first differences of
 * the normal prefix (or 1% of the median level + 1 when that is 0). Into the part after the prefix it writes
 * 1 to 3 non-overlapping anomalies at uniformly drawn places, each of a uniformly drawn kind with a random sign:
 * <ul>
 *   <li>{@code spike}: 1 to 3 points raised by 6 to 12 s;</li>
 *   <li>{@code level-shift}: a step of 4 to 8 s held for 12 to 48 points;</li>
 *   <li>{@code drift}: a linear ramp from 0 to 8 to 16 s over 24 to 72 points, then back to normal.</li>
 * </ul>
 * Everything is drawn from the {@link Random} handed in, so a seed reproduces the corpus.
 */
public final class AnomalyInjector {

    private AnomalyInjector() {
    }

    /** Result of an injection: the changed copy and where the anomalies are. */
    public record Injected(double[] series, List<InjectedAnomaly> anomalies) {
    }

    /** Injects into a copy of {@code clean} after {@code trainLength}. */
    public static Injected inject(double[] clean, int trainLength, Random rnd) {
        double[] y = clean.clone();
        int n = y.length;
        double[] diffs = new double[Math.max(1, trainLength - 1)];
        for (int i = 1; i < trainLength; i++) {
            diffs[i - 1] = y[i] - y[i - 1];
        }
        double med = RobustStatistics.median(diffs, 0, diffs.length);
        double s = RobustStatistics.MAD_TO_SIGMA * RobustStatistics.mad(diffs, 0, diffs.length, med);
        if (s == 0) {
            s = 0.01 * Math.abs(RobustStatistics.median(y, 0, trainLength)) + 1;
        }
        int count = 1 + rnd.nextInt(3);
        List<InjectedAnomaly> out = new ArrayList<>();
        int attempts = 0;
        while (out.size() < count && attempts++ < 50) {
            int kind = rnd.nextInt(3);
            double sign = rnd.nextBoolean() ? 1 : -1;
            int len;
            double mag;
            String name;
            switch (kind) {
                case 0 -> {
                    name = "spike";
                    len = 1 + rnd.nextInt(3);
                    mag = sign * (6 + 6 * rnd.nextDouble());
                }
                case 1 -> {
                    name = "level-shift";
                    len = 12 + rnd.nextInt(37);
                    mag = sign * (4 + 4 * rnd.nextDouble());
                }
                default -> {
                    name = "drift";
                    len = 24 + rnd.nextInt(49);
                    mag = sign * (8 + 8 * rnd.nextDouble());
                }
            }
            int room = n - trainLength - len - 4;
            if (room <= 0) {
                continue;
            }
            int start = trainLength + 4 + rnd.nextInt(room);
            int end = start + len;
            boolean clash = out.stream().anyMatch(a -> start < a.end() + 8 && a.start() < end + 8);
            if (clash) {
                continue;
            }
            for (int t = start; t < end; t++) {
                double f = name.equals("drift") ? (t - start + 1) / (double) len : 1.0;
                y[t] += f * mag * s;
            }
            out.add(new InjectedAnomaly(name, start, end, mag));
        }
        out.sort(java.util.Comparator.comparingInt(InjectedAnomaly::start));
        return new Injected(y, out);
    }
}
