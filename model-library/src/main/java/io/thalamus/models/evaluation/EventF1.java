package io.thalamus.models.evaluation;

import io.thalamus.models.corpus.InjectedAnomaly;

import java.util.ArrayList;
import java.util.List;

/**
 * Event-level detection score. Flagged points are grouped into events (runs of flags with gaps of at most
 * {@code MERGE_GAP} points). A true anomaly [start, end) is found when a flag falls in [start, end + TOLERANCE);
 * an event is correct when it overlaps some [start, end + TOLERANCE). Precision = correct events / events,
 * recall = found anomalies / anomalies, F1 their harmonic mean (0 when nothing is flagged).
 */
public final class EventF1 {

    /** Flags at most this many points apart belong to one event. */
    public static final int MERGE_GAP = 2;
    /** Late detections up to this many points after an anomaly's end still count. */
    public static final int TOLERANCE = 3;

    private EventF1() {
    }

    /** Precision, recall and F1 of one run. */
    public record Score(double precision, double recall, double f1, int events, int found, int anomalies) {
    }

    /** Scores {@code flags} against the true anomalies. */
    public static Score score(boolean[] flags, List<InjectedAnomaly> truth) {
        List<int[]> events = new ArrayList<>();
        int i = 0;
        while (i < flags.length) {
            if (!flags[i]) {
                i++;
                continue;
            }
            int s = i;
            int last = i;
            int j = i + 1;
            while (j < flags.length && j - last <= MERGE_GAP + 1) {
                if (flags[j]) {
                    last = j;
                }
                j++;
            }
            events.add(new int[] {s, last + 1});
            i = last + 1;
        }
        int correct = 0;
        for (int[] e : events) {
            boolean hit = false;
            for (InjectedAnomaly a : truth) {
                hit |= e[0] < a.end() + TOLERANCE && a.start() < e[1];
            }
            correct += hit ? 1 : 0;
        }
        int found = 0;
        for (InjectedAnomaly a : truth) {
            boolean hit = false;
            for (int t = a.start(); t < Math.min(flags.length, a.end() + TOLERANCE) && !hit; t++) {
                hit = flags[t];
            }
            found += hit ? 1 : 0;
        }
        double p = events.isEmpty() ? 0 : (double) correct / events.size();
        double r = truth.isEmpty() ? 0 : (double) found / truth.size();
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Score(p, r, f1, events.size(), found, truth.size());
    }
}
