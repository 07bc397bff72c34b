package io.thalamus.intent.routing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AiqAndFeaturesTest {

    @Test
    void aiqIsTheMeanOfTheNonDecreasingHull() {
        // Hull from (1, .5) to (3, .9): mean height over [1, 3] is .7; the dominated point (2, .6) does not count.
        List<Aiq.Point> pts = List.of(new Aiq.Point(1, 0.5), new Aiq.Point(2, 0.6), new Aiq.Point(3, 0.9));
        assertThat(Aiq.aiq(pts, 1, 3)).isCloseTo(0.7, within(1e-9));
        // A point costing more but scoring less never lowers the curve: flat at .9 from 3 to 5.
        List<Aiq.Point> more = List.of(new Aiq.Point(1, 0.5), new Aiq.Point(3, 0.9), new Aiq.Point(5, 0.8));
        assertThat(Aiq.aiq(more, 1, 5)).isCloseTo((0.7 * 2 + 0.9 * 2) / 4, within(1e-9));
        // Below the cheapest point the router has nothing: 0 over [0, 1].
        assertThat(Aiq.aiq(List.of(new Aiq.Point(1, 0.5)), 0, 2)).isCloseTo(0.25, within(1e-3));
    }

    @Test
    void featuresSeparateSeasonTrendAndNoise() {
        int n = 480;
        double[] season = new double[n];
        double[] ramp = new double[n];
        double[] noise = new double[n];
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) {
            season[i] = 100 + 20 * Math.sin(2 * Math.PI * i / 24);
            ramp[i] = 10 + 0.5 * i;
            noise[i] = 100 + rnd.nextGaussian();
        }
        double[] s = SeriesFeatures.forecast(season, 24, 3, 0).values();
        double[] r = SeriesFeatures.forecast(ramp, 24, 3, 0).values();
        double[] w = SeriesFeatures.forecast(noise, 24, 3, 0.1).values();
        int seasonality = SeriesFeatures.NAMES.indexOf("seasonalityStrength");
        int trend = SeriesFeatures.NAMES.indexOf("trendStrength");
        int entropy = SeriesFeatures.NAMES.indexOf("spectralEntropy");
        assertThat(s[seasonality]).isGreaterThan(0.95);
        assertThat(w[seasonality]).isLessThan(0.2);
        assertThat(r[trend]).isGreaterThan(0.95);
        assertThat(w[trend]).isLessThan(0.3);
        assertThat(s[entropy]).isLessThan(0.2);
        assertThat(w[entropy]).isGreaterThan(0.8);
        assertThat(w[SeriesFeatures.NAMES.indexOf("fractionMissing")]).isEqualTo(0.1);
        assertThat(s[SeriesFeatures.NAMES.indexOf("horizon")]).isEqualTo(3);
    }
}
