package io.thalamus.intent.routing;

import io.thalamus.intent.routing.NetRouterBench.Config;
import io.thalamus.intent.routing.NetRouterBench.Labelled;
import io.thalamus.intent.routing.NetRouterBench.SelectionRule;
import io.thalamus.models.card.TaskType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The one-standard-error selection rule and the nested cross-validation that compares it with the plain rule. */
class SelectionRuleTest {

    private static Labelled task(TaskType type, String key, int i, double x, boolean aWins) {
        TaskFeatures f = new TaskFeatures(type, new double[] {x});
        double a = aWins ? 0.1 : 0.9;
        double b = aWins ? 0.9 : 0.1;
        Map<String, Double> loss = Map.of("a", a, "b", b);
        Map<String, Double> one = Map.of("a", 1.0, "b", 1.0);
        return new Labelled(key, true, new TrainingExample(f, loss, one, one),
                new EvaluatedTask(key + "#" + i, "hand", f, loss, Map.of("a", 1 - a, "b", 1 - b)));
    }

    /**
     * 10 series of 5 tasks. Six "A" series at x = 0 where model a always wins; four "B" series at x = 10 whose tasks,
     * in order, are won by {@code bPattern} (true = b wins). All tasks of a series share their features, so a setting
     * picks one model for a whole held-out series; the 5 folds hold 2 series each, so at least two B series are
     * always in training, whose first tasks (b wins) make a k = 3 plain kNN pick b at x = 10.
     */
    private static List<Labelled> regions(TaskType type, String prefix, boolean... bPattern) {
        List<Labelled> out = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            for (int i = 0; i < 5; i++) {
                out.add(task(type, prefix + "A" + s, i, 0, true));
            }
        }
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < 5; i++) {
                out.add(task(type, prefix + "B" + s, i, 10, !bPattern[i]));
            }
        }
        return out;
    }

    @Test
    void oneSeKeepsTheConstantRouterWhenTheGainIsWithinOneStandardError() {
        // B series: b wins 3 of 5 tasks. The constant router always picks a (a wins 38 of 50; in any training part
        // b wins at most 12 of 40): pick rate 38/50 = 0.76. Picking b on the B series gains 3 tasks and loses 2 per
        // series: at best 42/50 = 0.84 (gains g = 12, losses l = 8). Paired hits: mean (g − l)/n = 0.08,
        // SE = sqrt((g + l − (g − l)²/n) / (n (n − 1))) = sqrt((20 − 0.32) / 2450) = 0.0896 > 0.08.
        List<Labelled> tasks = regions(TaskType.FORECAST, "", true, true, true, false, false);
        List<NetRouterBench.Scored> tried = NetRouterBench.tried(tasks, 11);
        Config constant = NetRouterBench.constantOf(tried).config();
        assertThat(constant.cvPickRate()).isCloseTo(0.76, within(1e-12));
        assertThat(constant.cvRegret()).isCloseTo(12 * 0.8 / 50, within(1e-12));

        Config plain = NetRouterBench.select(tried, SelectionRule.PLAIN);
        assertThat(plain.constant()).isFalse();
        assertThat(plain.cvPickRate()).isCloseTo(0.84, within(1e-12));
        assertThat(plain.cvRegret()).isCloseTo(8 * 0.8 / 50, within(1e-12));
        NetRouterBench.Scored best = tried.stream().filter(s -> s.config().equals(plain)).findFirst().orElseThrow();
        double[] d = NetRouterBench.pairedDifferences(best.trace().hits(), NetRouterBench.constantOf(tried).trace().hits());
        assertThat(NetRouterBench.mean(d)).isCloseTo(0.08, within(1e-12));
        assertThat(NetRouterBench.standardError(d)).isCloseTo(Math.sqrt(19.68 / 2450), within(1e-12));

        Config oneSe = NetRouterBench.chooseConfig(tasks, 11, SelectionRule.ONE_SE).get(TaskType.FORECAST);
        assertThat(oneSe).isEqualTo(constant);
        assertThat(NetRouterBench.chooseConfig(tasks, 11, SelectionRule.PLAIN).get(TaskType.FORECAST)).isEqualTo(plain);
    }

    @Test
    void oneSeTakesTheCandidateWhenTheGainClearlyExceedsOneStandardError() {
        // B series: b wins 4 of 5 tasks. Constant router: a wins 30 + 4 = 34 of 50, pick 0.68. Picking b on the B
        // series: 46/50 = 0.92 (g = 16, l = 4): mean gain 0.24, SE = sqrt((20 − 2.88) / 2450) = 0.0836.
        List<Labelled> tasks = regions(TaskType.FORECAST, "", true, true, true, true, false);
        List<NetRouterBench.Scored> tried = NetRouterBench.tried(tasks, 11);
        assertThat(NetRouterBench.constantOf(tried).config().cvPickRate()).isCloseTo(0.68, within(1e-12));
        Config plain = NetRouterBench.select(tried, SelectionRule.PLAIN);
        Config oneSe = NetRouterBench.select(tried, SelectionRule.ONE_SE);
        assertThat(oneSe.constant()).isFalse();
        assertThat(oneSe.cvPickRate()).isCloseTo(0.92, within(1e-12));
        assertThat(oneSe).isEqualTo(plain);
    }

    @Test
    void oneSeIsMeanAboveItsStandardErrorOnPairedHits() {
        // with g gains and l losses among n tasks, mean > SE exactly when (g − l)² > g + l, whatever n is
        assertThat(NetRouterBench.clearsOneSe(hits(30, 3, 0), hits(30, 0, 2))).isFalse();  // 1 < 5
        assertThat(NetRouterBench.clearsOneSe(hits(30, 4, 0), hits(30, 0, 1))).isTrue();   // 9 > 5
        assertThat(NetRouterBench.clearsOneSe(hits(30, 2, 0), hits(30, 2, 0))).isFalse();  // no gain at all
        assertThat(NetRouterBench.standardError(new double[] {1, 0, -1, 0})).isCloseTo(Math.sqrt(2.0 / 3) / 2, within(1e-12));
        assertThat(SelectionRuleStudy.decide(0.2, 0.2)).isEqualTo(SelectionRule.PLAIN);
        assertThat(SelectionRuleStudy.decide(0.2, 0.21)).isEqualTo(SelectionRule.PLAIN);
        assertThat(SelectionRuleStudy.decide(0.2, 0.19)).isEqualTo(SelectionRule.ONE_SE);
    }

    /** Hits of n tasks: 1 on the first {@code first} and on the last {@code last}, 0 elsewhere. */
    private static NetRouterBench.CvTrace hits(int n, int first, int last) {
        double[] hits = new double[n];
        for (int i = 0; i < first; i++) {
            hits[i] = 1;
        }
        for (int i = 0; i < last; i++) {
            hits[n - 1 - i] = 1;
        }
        return new NetRouterBench.CvTrace(hits, new double[n]);
    }

    @Test
    void nestedCvSeesOnlyTheTasksItIsGivenAndHoldsEachOutOnce() {
        List<Labelled> all = new ArrayList<>(regions(TaskType.FORECAST, "f", true, true, true, true, false));
        all.addAll(regions(TaskType.DETECT_ANOMALY, "d", true, true, true, false, false));
        // the study is handed a subset: the series "fA5" and "dB3" stand for the test side and must never be seen
        Set<String> outside = Set.of("fA5", "dB3");
        List<Labelled> given = all.stream().filter(l -> !outside.contains(l.splitKey())).toList();
        List<SelectionRuleStudy.TypeResult> r = SelectionRuleStudy.nestedCv(given, 11, 12);
        assertThat(r).extracting(SelectionRuleStudy.TypeResult::type).containsExactly(TaskType.FORECAST, TaskType.DETECT_ANOMALY);
        for (SelectionRuleStudy.TypeResult t : r) {
            Set<String> keys = new TreeSet<>();
            given.stream().filter(l -> l.example().features().task() == t.type()).forEach(l -> keys.add(l.splitKey()));
            assertThat(keys).hasSize(9);
            assertThat(t.keys()).isEqualTo(9);
            assertThat(t.tasks()).isEqualTo(45);
            assertThat(t.folds()).hasSize(SelectionRuleStudy.OUTER_FOLDS);
            List<String> heldOut = new ArrayList<>();
            for (SelectionRuleStudy.OuterFold f : t.folds()) {
                assertThat(f.trainKeys()).doesNotContainAnyElementsOf(f.heldKeys()).doesNotContainAnyElementsOf(outside);
                Set<String> seen = new HashSet<>(f.trainKeys());
                seen.addAll(f.heldKeys());
                assertThat(seen).isEqualTo(keys);
                heldOut.addAll(f.heldKeys());
                assertThat(f.chosen().keySet()).containsExactlyElementsOf(SelectionRuleStudy.ROWS);
            }
            assertThat(heldOut).hasSize(9).containsExactlyInAnyOrderElementsOf(keys);
            for (NetRouterBench.CvTrace tr : t.traces().values()) {
                // every given task judged exactly once, on the outer fold that held it out
                assertThat(Arrays.stream(tr.hits()).filter(Double::isNaN).count()).isZero();
                assertThat(tr.hits()).hasSize(45);
            }
            // the constant router of every outer training part picks a: it wins wherever b does not
            double aWins = given.stream().filter(l -> l.example().features().task() == t.type())
                    .filter(l -> l.evaluated().optimal("a")).count() / 45.0;
            assertThat(t.traces().get("constant").pickRate()).isCloseTo(aWins, within(1e-12));
        }
        assertThat(SelectionRuleStudy.nestedCv(given, 11, 12).get(0).traces().get("one-se").hits())
                .containsExactly(r.get(0).traces().get("one-se").hits());
    }
}
