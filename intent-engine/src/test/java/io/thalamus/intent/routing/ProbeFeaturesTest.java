package io.thalamus.intent.routing;

import io.thalamus.models.card.TaskType;
import io.thalamus.models.registry.ModelRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The detection probes: false alarms on the normal prefix and F1 on anomalies injected into it. */
class ProbeFeaturesTest {

    private static double[] noise(long seed, int n, double sd) {
        Random rnd = new Random(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 100 + sd * rnd.nextGaussian();
        }
        return y;
    }

    @Test
    void injectionProbesScoreEachDetectorOnItsOwnSeriesAndAreReproducible() {
        ProbeFeatures probes = new ProbeFeatures(ModelRegistry.fromClasspath());
        List<String> names = probes.names(TaskType.DETECT_ANOMALY);
        double[] series = noise(4, 576, 2);
        TaskFeatures f = probes.anomaly(series, 96, 384, 0);
        assertThat(f.size()).isEqualTo(names.size());
        int first = names.indexOf(names.stream().filter(n -> n.startsWith("probeF1:")).findFirst().orElseThrow());
        assertThat(names.subList(first, names.size())).allSatisfy(n -> assertThat(n).startsWith("probeF1:"));
        assertThat(names.size() - first).isEqualTo(names.stream().filter(n -> n.startsWith("normalAlarms:")).count());
        double best = 0;
        for (int i = first; i < names.size(); i++) {
            assertThat(f.value(i)).isBetween(0.0, 1.0);
            best = Math.max(best, f.value(i));
        }
        // on white noise, anomalies of 4-16 noise scales are easy for at least one detector
        assertThat(best).isGreaterThan(0.5);
        // the probes look only at the normal prefix: changing the scanned part changes none of them
        double[] changed = series.clone();
        for (int i = 384; i < changed.length; i++) {
            changed[i] += 50;
        }
        TaskFeatures g = probes.anomaly(changed, 96, 384, 0);
        for (int i = first; i < names.size(); i++) {
            assertThat(g.value(i)).isEqualTo(f.value(i));
        }
        assertThat(probes.anomaly(series, 96, 384, 0)).isEqualTo(f);
    }
}
