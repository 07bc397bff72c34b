package io.thalamus.models.text;

import io.thalamus.models.registry.ModelRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MiniLmEmbedderTest {

    private static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        TextEmbedder e = ModelRegistry.fromClasspath().model("text.all-minilm-l6-v2", TextEmbedder.class);
        float[] a = e.embed("limit the bandwidth of video traffic between Paris and Berlin");
        float[] b = e.embed("throttle streaming flows from Paris to Berlin");
        float[] c = e.embed("my cat likes to sleep on the sofa");
        assertThat(a).hasSize(e.dimension());
        assertThat(cosine(a, a)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(cosine(a, b)).isGreaterThan(cosine(a, c) + 0.2);
    }
}
