package io.thalamus.intent.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Held-out evaluation of the English pipeline on the ibn-nlu corpus: a seeded, per-label stratified split,
 * intent-label accuracy, and exact-span entity precision, recall and F1 (per kind and micro-averaged).
 */
public final class NluEvaluation {

    /** Share of each label held out. */
    public static final double HELD_OUT = 0.2;

    private NluEvaluation() {
    }

    /** A train/test split. */
    public record Split(List<LabelledSentence> train, List<LabelledSentence> test) {
    }

    /** Stratified split: each label's sentences shuffled with {@code seed}, the last {@link #HELD_OUT} held out. */
    public static Split split(List<LabelledSentence> corpus, long seed) {
        Map<String, List<LabelledSentence>> byLabel = new TreeMap<>();
        for (LabelledSentence s : corpus) {
            byLabel.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(s);
        }
        List<LabelledSentence> train = new ArrayList<>();
        List<LabelledSentence> test = new ArrayList<>();
        Random rnd = new Random(seed);
        for (List<LabelledSentence> group : byLabel.values()) {
            List<LabelledSentence> g = new ArrayList<>(group);
            Collections.shuffle(g, rnd);
            int cut = (int) Math.round(g.size() * (1 - HELD_OUT));
            train.addAll(g.subList(0, cut));
            test.addAll(g.subList(cut, g.size()));
        }
        return new Split(train, test);
    }

    /** Precision, recall and F1 of one entity kind (or of all, micro-averaged). */
    public record Prf(int truePositives, int predicted, int gold) {
        public double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * The scores on a test set.
     *
     * @param sentences    test sentences
     * @param typeAccuracy share whose label was predicted exactly
     * @param entities     per entity kind, plus {@code micro} over all kinds
     * @param confusions   "gold → predicted" counts of the mistakes
     */
    public record Result(int sentences, double typeAccuracy, Map<String, Prf> entities, Map<String, Integer> confusions) {
    }

    /** Scores a trained pipeline on {@code test}. */
    public static Result evaluate(EnglishIntents nlu, List<LabelledSentence> test) {
        int correct = 0;
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Integer> confusions = new LinkedHashMap<>();
        for (LabelledSentence s : test) {
            EnglishIntents.Classified c = nlu.classify(s.text());
            if (c.label().equals(s.label())) {
                correct++;
            } else {
                confusions.merge(s.label() + " -> " + c.label(), 1, Integer::sum);
            }
            Set<String> gold = new HashSet<>();
            for (LabelledSentence.Span g : s.spans()) {
                gold.add(g.start() + ":" + g.end() + ":" + g.kind());
                counts.computeIfAbsent(g.kind(), k -> new int[3])[2]++;
            }
            for (LabelledSentence.Span p : nlu.entities(s.text())) {
                int[] k = counts.computeIfAbsent(p.kind(), x -> new int[3]);
                k[1]++;
                if (gold.contains(p.start() + ":" + p.end() + ":" + p.kind())) {
                    k[0]++;
                }
            }
        }
        Map<String, Prf> prf = new LinkedHashMap<>();
        int tp = 0;
        int pr = 0;
        int go = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] k = e.getValue();
            prf.put(e.getKey(), new Prf(k[0], k[1], k[2]));
            tp += k[0];
            pr += k[1];
            go += k[2];
        }
        prf.put("micro", new Prf(tp, pr, go));
        return new Result(test.size(), test.isEmpty() ? 0 : (double) correct / test.size(), prf, confusions);
    }
}
