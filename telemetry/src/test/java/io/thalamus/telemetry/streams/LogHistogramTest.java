package io.thalamus.telemetry.streams;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LogHistogramTest {

    private static double exactQuantile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    @Test
    void quantilesAreWithinTheDocumentedRelativeErrorOfTheExactOnes() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + rnd.nextInt(3000);
            double[] v = new double[n];
            LogHistogram h = new LogHistogram();
            for (int i = 0; i < n; i++) {
                // spans four decades of the tracked range, heavy upper tail
                v[i] = LogHistogram.MIN_TRACKED * Math.pow(10, 4 * rnd.nextDouble()) * (1 + Math.abs(rnd.nextGaussian()));
                h.add(v[i]);
            }
            for (double p : new double[] {0, 0.5, 0.9, 0.95, 0.99, 1}) {
                double exact = exactQuantile(v, p);
                assertThat(h.quantile(p)).as("n=%d p=%s", n, p)
                        .isCloseTo(exact, within(exact * LogHistogram.RELATIVE_ERROR * (1 + 1e-9)));
            }
        }
    }

    @Test
    void mergingEqualsAddingEverythingToOne() {
        Random rnd = new Random(5);
        LogHistogram all = new LogHistogram();
        LogHistogram a = new LogHistogram();
        LogHistogram b = new LogHistogram();
        for (int i = 0; i < 1000; i++) {
            double x = rnd.nextDouble();
            all.add(x);
            (i % 3 == 0 ? a : b).add(x);
        }
        a.merge(b);
        a.merge(new LogHistogram());
        assertThat(a.count()).isEqualTo(1000);
        for (double p : new double[] {0, 0.25, 0.95, 1}) {
            assertThat(a.quantile(p)).isEqualTo(all.quantile(p));
        }
    }

    @Test
    void valuesOutsideTheTrackedRangeKeepExactExtremesAndBoundedAbsoluteErrorBelow() {
        LogHistogram h = new LogHistogram();
        for (int i = 0; i < 99; i++) {
            h.add(0);
        }
        h.add(250); // beyond MAX_TRACKED: reported as the largest value seen
        assertThat(h.quantile(0.5)).isCloseTo(0, within(LogHistogram.MIN_TRACKED));
        assertThat(h.quantile(1)).isEqualTo(250);
        assertThat(h.quantile(0)).isEqualTo(0);
        assertThat(new LogHistogram().quantile(0.95)).isNaN();
        assertThatThrownBy(() -> h.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.add(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesSerializationSparsely() {
        Random rnd = new Random(9);
        LogHistogram h = new LogHistogram();
        for (int i = 0; i < 5000; i++) {
            h.add(Math.abs(0.3 + 0.05 * rnd.nextGaussian() * rnd.nextGaussian()));
        }
        ByteBuffer buf = ByteBuffer.allocate(h.byteSize());
        h.write(buf);
        assertThat(buf.remaining()).isZero();
        assertThat(h.byteSize()).isLessThan(LogHistogram.SLOTS * 4); // sparse: far fewer bytes than the dense array
        buf.flip();
        LogHistogram back = LogHistogram.read(buf);
        assertThat(back.count()).isEqualTo(5000);
        assertThat(back.quantile(0.95)).isEqualTo(h.quantile(0.95));
        ByteBuffer empty = ByteBuffer.allocate(new LogHistogram().byteSize());
        new LogHistogram().write(empty);
        empty.flip();
        assertThat(LogHistogram.read(empty).count()).isZero();
    }
}
