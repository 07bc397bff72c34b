package io.thalamus.network.flow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ZoneOfToleranceTest {

    @Test
    void satisfactionIsLinearAcrossTheZoneAndClampedOutside() {
        ZoneOfTolerance z = new ZoneOfTolerance("throughputBps", 2e6, 10e6);
        assertThat(z.satisfaction(1e6)).isZero();
        assertThat(z.satisfaction(6e6)).isCloseTo(0.5, within(1e-12));
        assertThat(z.satisfaction(20e6)).isEqualTo(1.0);
        assertThat(z.levelFor(0.25)).isCloseTo(4e6, within(1e-6));
    }

    @Test
    void lowerIsBetterMetricsUseAdequateAboveDesired() {
        ZoneOfTolerance delay = new ZoneOfTolerance("delayMs", 100, 20);
        assertThat(delay.satisfaction(60)).isCloseTo(0.5, within(1e-12));
        assertThat(delay.satisfaction(10)).isEqualTo(1.0);
        assertThat(delay.satisfaction(150)).isZero();
    }

    @Test
    void flowRejectsBadFields() {
        assertThatThrownBy(() -> Flow.of("f", "a", "b", 0, 1)).hasMessageContaining("bandwidthBps");
        assertThatThrownBy(() -> Flow.of("f", "a", "a", 1, 1)).hasMessageContaining("same node");
        assertThatThrownBy(() -> Flow.of("f", "a", "b", 1, -1)).hasMessageContaining("priority");
    }
}
