package io.thalamus.telemetry.streams;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QuantileSketchTest {

    @Test
    void pSquareTracksTheTrueP95OfALargeSample() {
        Random rnd = new Random(7);
        QuantileSketch s = new QuantileSketch(0.95);
        double[] all = new double[20_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = Math.abs(rnd.nextGaussian());
            s.add(all[i]);
        }
        Arrays.sort(all);
        double truth = all[(int) Math.round(0.95 * (all.length - 1))];
        assertThat(s.estimate()).isCloseTo(truth, within(0.03 * truth));
    }

    @Test
    void survivesSerializationInBothModes() {
        for (int n : new int[] {3, 32, 500}) {
            QuantileSketch s = new QuantileSketch(0.95);
            Random rnd = new Random(n);
            for (int i = 0; i < n; i++) {
                s.add(rnd.nextDouble());
            }
            ByteBuffer b = ByteBuffer.allocate(s.byteSize());
            s.write(b);
            assertThat(b.remaining()).isZero();
            b.flip();
            QuantileSketch back = QuantileSketch.read(b);
            assertThat(back.count()).isEqualTo(n);
            assertThat(back.estimate()).isEqualTo(s.estimate());
            back.add(0.5);
            s.add(0.5);
            assertThat(back.estimate()).isEqualTo(s.estimate());
        }
    }
}
