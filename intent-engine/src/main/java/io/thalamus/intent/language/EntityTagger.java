package io.thalamus.intent.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A greedy left-to-right BIO tagger trained as an averaged perceptron over word, shape, affix, context and
 * previous-tag features. Immutable once trained; {@link Trainer} makes one.
 */
public final class EntityTagger {

    private final List<String> tags;
    private final Map<String, double[]> weights;

    private EntityTagger(List<String> tags, Map<String, double[]> weights) {
        this.tags = List.copyOf(tags);
        this.weights = weights;
    }

    /** The entity spans of {@code text}: (start, end, kind), value null. */
    public List<LabelledSentence.Span> tag(String text) {
        List<Token> tokens = Token.split(text);
        String[] predicted = decode(tokens);
        return spans(tokens, predicted);
    }

    private String[] decode(List<Token> tokens) {
        String[] out = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            out[i] = tags.get(best(features(tokens, i, i == 0 ? "<s>" : out[i - 1], i < 2 ? "<s>" : out[i - 2])));
        }
        return out;
    }

    private int best(List<String> feats) {
        double[] score = new double[tags.size()];
        for (String f : feats) {
            double[] w = weights.get(f);
            if (w != null) {
                for (int t = 0; t < score.length; t++) {
                    score[t] += w[t];
                }
            }
        }
        int b = 0;
        for (int t = 1; t < score.length; t++) {
            if (score[t] > score[b]) {
                b = t;
            }
        }
        return b;
    }

    static List<LabelledSentence.Span> spans(List<Token> tokens, String[] bio) {
        List<LabelledSentence.Span> out = new ArrayList<>();
        int start = -1;
        int end = -1;
        String kind = null;
        for (int i = 0; i <= tokens.size(); i++) {
            String t = i < tokens.size() ? bio[i] : "O";
            boolean continues = kind != null && t.equals("I-" + kind);
            if (!continues && kind != null) {
                out.add(new LabelledSentence.Span(start, end, kind, null));
                kind = null;
            }
            if (!continues && !t.equals("O")) {
                kind = t.substring(2);
                start = tokens.get(i).start();
            }
            if (kind != null) {
                end = tokens.get(i).end();
            }
        }
        return out;
    }

    static List<String> features(List<Token> tokens, int i, String prev, String prev2) {
        String w = tokens.get(i).text();
        String lw = w.toLowerCase(Locale.ROOT);
        List<String> f = new ArrayList<>(16);
        f.add("bias");
        f.add("w=" + lw);
        f.add("shape=" + shape(w));
        f.add("suf3=" + lw.substring(Math.max(0, lw.length() - 3)));
        f.add("pre2=" + lw.substring(0, Math.min(2, lw.length())));
        f.add("w-1=" + word(tokens, i - 1));
        f.add("w-2=" + word(tokens, i - 2));
        f.add("w+1=" + word(tokens, i + 1));
        f.add("w+2=" + word(tokens, i + 2));
        f.add("w-1,w+1=" + word(tokens, i - 1) + "," + word(tokens, i + 1));
        f.add("t-1=" + prev);
        f.add("t-1,t-2=" + prev + "," + prev2);
        f.add("t-1,w=" + prev + "," + lw);
        f.add("t-1,shape=" + prev + "," + shape(w));
        f.add("shape+1=" + (i + 1 < tokens.size() ? shape(tokens.get(i + 1).text()) : "</s>"));
        return f;
    }

    private static String word(List<Token> tokens, int i) {
        return i < 0 ? "<s>" : i >= tokens.size() ? "</s>" : tokens.get(i).text().toLowerCase(Locale.ROOT);
    }

    static String shape(String w) {
        StringBuilder sb = new StringBuilder();
        char last = 0;
        for (char c : w.toCharArray()) {
            char s = Character.isUpperCase(c) ? 'A' : Character.isLowerCase(c) ? 'a' : Character.isDigit(c) ? '9' : c;
            if (s != last) {
                sb.append(s);
            }
            last = s;
        }
        return sb.toString();
    }

    /** The BIO tag of each token of a labelled sentence. */
    static String[] gold(LabelledSentence s, List<Token> tokens) {
        String[] out = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            out[i] = "O";
            Token t = tokens.get(i);
            for (LabelledSentence.Span sp : s.spans()) {
                if (t.start() >= sp.start() && t.end() <= sp.end()) {
                    boolean first = true;
                    for (int j = 0; j < i; j++) {
                        if (tokens.get(j).start() >= sp.start() && tokens.get(j).end() <= sp.end()) {
                            first = false;
                        }
                    }
                    out[i] = (first ? "B-" : "I-") + sp.kind();
                }
            }
        }
        return out;
    }

    /** Trains a tagger: a number of epochs over the sentences in a seeded order. */
    public static final class Trainer {
        private final int epochs;
        private final long seed;

        public Trainer(int epochs, long seed) {
            this.epochs = epochs;
            this.seed = seed;
        }

        public EntityTagger train(List<LabelledSentence> sentences) {
            List<String> tags = new ArrayList<>();
            tags.add("O");
            for (LabelledSentence s : sentences) {
                for (LabelledSentence.Span sp : s.spans()) {
                    if (!tags.contains("B-" + sp.kind())) {
                        tags.add("B-" + sp.kind());
                        tags.add("I-" + sp.kind());
                    }
                }
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < tags.size(); i++) {
                index.put(tags.get(i), i);
            }
            int nt = tags.size();
            Map<String, double[]> w = new HashMap<>();
            Map<String, double[]> total = new HashMap<>();
            Map<String, long[]> stamp = new HashMap<>();
            long clock = 0;
            List<LabelledSentence> order = new ArrayList<>(sentences);
            Random rnd = new Random(seed);
            EntityTagger live = new EntityTagger(tags, w);
            for (int epoch = 0; epoch < epochs; epoch++) {
                Collections.shuffle(order, rnd);
                for (LabelledSentence s : order) {
                    List<Token> tokens = Token.split(s.text());
                    String[] gold = gold(s, tokens);
                    String[] pred = new String[tokens.size()];
                    for (int i = 0; i < tokens.size(); i++) {
                        clock++;
                        List<String> feats = features(tokens, i, i == 0 ? "<s>" : pred[i - 1], i < 2 ? "<s>" : pred[i - 2]);
                        int guess = live.best(feats);
                        int truth = index.get(gold[i]);
                        if (guess != truth) {
                            for (String f : feats) {
                                double[] fw = w.computeIfAbsent(f, k -> new double[nt]);
                                double[] ft = total.computeIfAbsent(f, k -> new double[nt]);
                                long[] fs = stamp.computeIfAbsent(f, k -> new long[nt]);
                                for (int t : new int[] {truth, guess}) {
                                    ft[t] += (clock - fs[t]) * fw[t];
                                    fs[t] = clock;
                                }
                                fw[truth] += 1;
                                fw[guess] -= 1;
                            }
                        }
                        pred[i] = tags.get(guess);
                    }
                }
            }
            Map<String, double[]> averaged = new HashMap<>();
            for (Map.Entry<String, double[]> e : w.entrySet()) {
                double[] fw = e.getValue();
                double[] ft = total.get(e.getKey());
                long[] fs = stamp.get(e.getKey());
                double[] avg = new double[nt];
                for (int t = 0; t < nt; t++) {
                    avg[t] = (ft[t] + (clock - fs[t]) * fw[t]) / clock;
                }
                averaged.put(e.getKey(), avg);
            }
            return new EntityTagger(tags, averaged);
        }
    }
}
