package io.thalamus.models.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusTest {

    @Test
    void fillsGapsLinearlyAndAtTheEdges() {
        assertThat(Gaps.fillLinear(new double[] {Double.NaN, 2, Double.NaN, Double.NaN, 8, Double.NaN}))
                .containsExactly(2, 2, 4, 6, 8, 8);
        assertThat(Gaps.fractionMissing(new double[] {1, Double.NaN, 3, Double.NaN}, 0, 4)).isEqualTo(0.5);
    }

    @Test
    void readsWideCsvWithGapsInTime(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "time,1_2,2_1\n2005-01-01T00:00:00,1,\n2005-01-01T00:15:00,2,5\n2005-01-01T00:45:00,4,6\n");
        WideCsvTable t = WideCsvTable.read(f);
        assertThat(t.columns()).containsExactly("1_2", "2_1");
        assertThat(t.dailyPeriod()).isEqualTo(96);
        double[][] r = t.regular();
        assertThat(r[0]).containsExactly(1, 2, Double.NaN, 4);
        assertThat(r[1][0]).isNaN();
    }

    @Test
    void rejectsBadCellNamingLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "time,a\n2005-01-01T00:00:00,1\n2005-01-01T00:15:00,x\n");
        assertThatThrownBy(() -> WideCsvTable.read(f)).hasMessageContaining("line 3").hasMessageContaining("column a");
    }

    @Test
    void splitsBySeriesNeverByWindow() {
        List<SeriesSource> series = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            double[] v = new double[600];
            for (int i = 0; i < v.length; i++) {
                v[i] = 50 + 20 * Math.sin(2 * Math.PI * i / 96) + ((i * 7 + s * 13) % 11);
            }
            series.add(new SeriesSource("synthetic/" + s, "synthetic", v, 96));
        }
        CorpusBuilder b = new CorpusBuilder(new CorpusSpec(10, 3, 1, 0.6, 5));
        Corpus all = b.forecastingOnly(series);
        assertThat(all.tasks()).hasSize(30);
        assertThat(all.tasks()).allSatisfy(t -> assertThat(((ForecastTask) t).horizon()).isBetween(1, 12));
        Corpus again = b.forecastingOnly(series);
        assertThat(again.tasks()).extracting(BenchTask::id).isEqualTo(all.tasks().stream().map(BenchTask::id).toList());
    }
}
