package io.thalamus.twin.fidelity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Trains the delay and loss corrections from the RouteNet train split with an honest protocol:
 * <ol>
 *   <li>every setting of a small grid (feature set × tree settings) is scored by leave-one-topology-out
 *       cross-validation inside the train split (fit on GEANT2, measure on NSFNET; fit on NSFNET, measure on
 *       GEANT2; score = mean of the two), delay by MAPE, loss by mean absolute error;</li>
 *   <li>the best setting is fitted once on the whole train split;</li>
 *   <li>only then, and once, the fitted correction is measured on a split it never saw (GBN).</li>
 * </ol>
 * The weights and a model card (data, seed, grid with every cross-validation score, chosen setting,
 * held-out figures per topology, validation figures) are written together.
 */
public final class CorrectionTraining {

    private CorrectionTraining() {
    }

    /** One setting of the grid: which features, which tree settings. */
    public record Candidate(String featureSet, BoostedStumpsTrainer trainer) {

        public Candidate {
            if (!PathFeatures.SETS.containsKey(featureSet)) {
                throw new IllegalArgumentException("unknown feature set '" + featureSet + "', expected one of "
                        + PathFeatures.SETS.keySet());
            }
        }

        int width() {
            return PathFeatures.SETS.get(featureSet).size();
        }

        String label() {
            return featureSet + "/" + trainer.trees() + "x" + trainer.depth() + "/lr" + trainer.learningRate() + "/leaf"
                    + trainer.minLeaf();
        }
    }

    /** Seed of every fit. */
    public static final long SEED = 20260101L;

    /** The delay grid searched by cross-validation. */
    public static List<Candidate> delayGrid() {
        List<Candidate> out = new ArrayList<>();
        for (String set : List.of("base", "extended")) {
            out.add(new Candidate(set, new BoostedStumpsTrainer(600, 5, 0.05, 64, 40, 0.5, SEED)));
            out.add(new Candidate(set, new BoostedStumpsTrainer(300, 4, 0.1, 64, 200, 0.5, SEED)));
        }
        return out;
    }

    /** The loss grid (on the feature set chosen for delay). */
    public static List<BoostedStumpsTrainer> lossGrid() {
        return List.of(new BoostedStumpsTrainer(300, 4, 0.1, 64, 40, 0.5, SEED),
                new BoostedStumpsTrainer(300, 6, 0.1, 64, 200, 0.5, SEED));
    }

    /** Per-path training rows of a set of samples: full feature vectors and targets. */
    record Rows(String[] family, double[][] x, double[] lnRatio, double[] analyticLoss, double[] loss) {

        static Rows of(List<RouteNetSample> samples) {
            List<String> fam = new ArrayList<>();
            List<double[]> xs = new ArrayList<>();
            List<double[]> t = new ArrayList<>();
            for (RouteNetSample s : samples) {
                PathFeatures.Result r = PathFeatures.of(s);
                for (int p = 0; p < s.pathCount(); p++) {
                    fam.add(s.family());
                    xs.add(r.features()[p]);
                    t.add(new double[] {Math.log(s.delay()[p] / r.analyticDelay()[p]), r.analyticLoss()[p], s.loss()[p]});
                }
            }
            int n = xs.size();
            double[] a = new double[n];
            double[] b = new double[n];
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = t.get(i)[0];
                b[i] = t.get(i)[1];
                c[i] = t.get(i)[2];
            }
            return new Rows(fam.toArray(String[]::new), xs.toArray(double[][]::new), a, b, c);
        }

        int[] where(String f, boolean equal) {
            return java.util.stream.IntStream.range(0, family.length).filter(i -> family[i].equals(f) == equal).toArray();
        }

        double[][] x(int[] idx, int width) {
            double[][] out = new double[idx.length][];
            for (int i = 0; i < idx.length; i++) {
                out[i] = Arrays.copyOf(x[idx[i]], width);
            }
            return out;
        }

        static double[] pick(double[] v, int[] idx) {
            double[] out = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                out[i] = v[idx[i]];
            }
            return out;
        }
    }

    /** What a training run produced. */
    public record Outcome(DelayCorrection correction, ObjectNode card) {
    }

    /** Fits the delay model on rows {@code idx}: LAD trees on ln(measured/analytic), then the MAPE-optimal scale. */
    static BoostedStumps fitDelay(Rows rows, int[] idx, Candidate c) {
        double[][] x = rows.x(idx, c.width());
        double[] y = Rows.pick(rows.lnRatio(), idx);
        BoostedStumps model = c.trainer().train(x, y);
        // MAPE is smallest below the median, so the overall scale is refitted to minimise the in-sample
        // absolute percentage error: the weighted median of measured/predicted with weights predicted/measured.
        double[][] pairs = new double[x.length][2];
        double weightSum = 0;
        for (int i = 0; i < x.length; i++) {
            double q = Math.exp(model.predict(x[i]) - y[i]);
            pairs[i][0] = 1 / q;
            pairs[i][1] = q;
            weightSum += q;
        }
        Arrays.sort(pairs, Comparator.comparingDouble(a -> a[0]));
        double acc = 0;
        double scale = 1;
        for (double[] pr : pairs) {
            acc += pr[1];
            if (acc >= weightSum / 2) {
                scale = pr[0];
                break;
            }
        }
        return model.shifted(Math.log(scale));
    }

    /** Fits the loss model on rows {@code idx}: LAD trees on measured − analytic loss (minimises MAE). */
    static BoostedStumps fitLoss(Rows rows, int[] idx, int width, BoostedStumpsTrainer trainer) {
        double[] y = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            y[i] = rows.loss()[idx[i]] - rows.analyticLoss()[idx[i]];
        }
        return trainer.train(rows.x(idx, width), y);
    }

    static double delayMape(Rows rows, int[] idx, BoostedStumps m) {
        double sum = 0;
        for (int i : idx) {
            sum += Math.abs(Math.exp(m.predict(rows.x()[i]) - rows.lnRatio()[i]) - 1);
        }
        return sum / idx.length;
    }

    static double analyticMape(Rows rows, int[] idx) {
        double sum = 0;
        for (int i : idx) {
            sum += Math.abs(Math.exp(-rows.lnRatio()[i]) - 1);
        }
        return sum / idx.length;
    }

    static double lossMae(Rows rows, int[] idx, BoostedStumps m) {
        double sum = 0;
        for (int i : idx) {
            double a = rows.analyticLoss()[i];
            double p = m == null ? a : Math.min(1, Math.max(0, a + m.predict(rows.x()[i])));
            sum += Math.abs(p - rows.loss()[i]);
        }
        return sum / idx.length;
    }

    /** Leave-one-topology-out: per held-out family, the score of a model fitted on the other families. */
    private static double[] crossValidate(Rows rows, List<String> families, Function<int[], BoostedStumps> fit,
                                          java.util.function.BiFunction<int[], BoostedStumps, Double> score) {
        return families.parallelStream().mapToDouble(f -> score.apply(rows.where(f, true), fit.apply(rows.where(f, false))))
                .toArray();
    }

    /** The setting of a grid with the lowest mean cross-validated error, its per-fold errors and the log of all. */
    private record Selection<T>(T best, double[] folds, ArrayNode log) {
    }

    /**
     * Cross-validates every setting of {@code grid} and keeps the one with the lowest mean error; each setting is
     * logged as {@code {setting, <family><foldSuffix>..., <meanField>, seconds}} and printed to {@code progress}.
     */
    private static <T> Selection<T> select(List<T> grid, Function<T, String> label, List<String> families,
                                           String foldSuffix, String meanField, String what, ObjectMapper mapper,
                                           java.io.PrintStream progress, Function<T, double[]> crossValidation) {
        ArrayNode log = mapper.createArrayNode();
        T best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        double[] bestFolds = null;
        for (T setting : grid) {
            long t0 = System.nanoTime();
            double[] folds = crossValidation.apply(setting);
            double score = Arrays.stream(folds).average().orElseThrow();
            ObjectNode o = log.addObject();
            o.put("setting", label.apply(setting));
            for (int i = 0; i < folds.length; i++) {
                o.put(families.get(i) + foldSuffix, folds[i]);
            }
            o.put(meanField, score);
            o.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
            progress.println(what + " " + o);
            if (score < bestScore) {
                bestScore = score;
                best = setting;
                bestFolds = folds;
            }
        }
        return new Selection<>(best, bestFolds, log);
    }

    /**
     * Runs the protocol: grid search by leave-one-topology-out cross-validation on {@code trainSplit}, one fit
     * of the best settings on all of it, then one measurement on {@code validationSplit} (may be null).
     */
    public static Outcome train(Path trainSplit, Path validationSplit, java.io.PrintStream progress) {
        List<RouteNetSample> train = new RouteNetReader(trainSplit).readAll();
        Rows rows = Rows.of(train);
        List<String> families = Arrays.stream(rows.family()).distinct().sorted().toList();
        if (families.size() < 2) {
            throw new IllegalArgumentException(trainSplit + ": leave-one-topology-out needs at least two topologies, found "
                    + families);
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode card = mapper.createObjectNode();
        Selection<Candidate> delay = select(delayGrid(), Candidate::label, families, "HeldOutMape", "meanMape",
                "delay CV", mapper, progress,
                c -> crossValidate(rows, families, idx -> fitDelay(rows, idx, c), (idx, m) -> delayMape(rows, idx, m)));
        Candidate chosen = delay.best();
        Selection<BoostedStumpsTrainer> loss = select(lossGrid(), lt -> new Candidate(chosen.featureSet(), lt).label(),
                families, "HeldOutLossMae", "meanLossMae", "loss CV", mapper, progress,
                lt -> crossValidate(rows, families, idx -> fitLoss(rows, idx, chosen.width(), lt),
                        (idx, m) -> lossMae(rows, idx, m)));
        BoostedStumpsTrainer bestLoss = loss.best();

        int[] all = java.util.stream.IntStream.range(0, rows.x().length).toArray();
        long t0 = System.nanoTime();
        BoostedStumps delayModel = fitDelay(rows, all, chosen);
        BoostedStumps lossModel = fitLoss(rows, all, chosen.width(), bestLoss);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        DelayCorrection correction = new DelayCorrection(PathFeatures.SETS.get(chosen.featureSet()), delayModel, lossModel);

        card.put("id", "twin-routenet-delay-correction");
        card.put("version", "2");
        card.put("task", "per-path mean delay and loss estimation (correction of the analytical M/M/1/K model)");
        card.put("created", Instant.now().toString());
        card.put("algorithm", "gradient-boosted regression trees with least absolute deviation: delay on ln(measured/analytic), "
                + "then a refitted overall scale; loss on measured - analytic loss, clamped to [0, 1]");
        ObjectNode data = card.putObject("trainingData");
        data.put("dataSet", "RouteNet / GNN challenge 2020 samples (BNN-UPC/GNNetworkingChallenge 2020_Routenet_TF, "
                + "commit 812ff5307f1ab4335743be575ee85013ab3a1c16, Apache-2.0)");
        data.put("split", "train (NSFNET, GEANT2)");
        data.put("samplesUsed", train.size());
        data.put("pathsUsed", rows.x().length);
        card.put("seed", SEED);
        ObjectNode protocol = card.putObject("protocol");
        protocol.put("selection", "leave-one-topology-out cross-validation inside the train split (fit on one of NSFNET/GEANT2, "
                + "measure on the other; score = mean of the two); delay settings by MAPE, then loss settings by MAE on the "
                + "chosen feature set; the validation split (GBN) is not read until the final model is fitted and is "
                + "measured once");
        protocol.put("caveats", "the 23 'base' features (contained in 'extended') were designed in an earlier round while GBN "
                + "errors were watched (that round reached 10.03% on GBN); the 4 'extended' features were written from queueing "
                + "theory without looking at GBN; the per-topology held-out figures come from models fitted on the other topology "
                + "only; the RedIRIS test split is not in this copy of the data");
        protocol.set("delayCrossValidation", delay.log());
        protocol.set("lossCrossValidation", loss.log());
        ObjectNode params = card.putObject("parameters");
        params.put("featureSet", chosen.featureSet());
        params.set("delay", trainerJson(mapper, chosen.trainer()));
        params.set("loss", trainerJson(mapper, bestLoss));
        params.put("finalFitSeconds", Math.round(trainSeconds * 10) / 10.0);
        correction.features().forEach(card.putArray("features")::add);
        ObjectNode measured = card.putObject("measured");
        ObjectNode held = measured.putObject("heldOutTopologyTrain");
        held.put("note", "each topology measured with the chosen settings fitted on the other train topology only");
        for (int i = 0; i < families.size(); i++) {
            int[] idx = rows.where(families.get(i), true);
            ObjectNode f = held.putObject(families.get(i));
            f.put("paths", idx.length);
            f.put("delayMape", delay.folds()[i]);
            f.put("delayMapeAnalytic", analyticMape(rows, idx));
            f.put("lossMae", loss.folds()[i]);
            f.put("lossMaeAnalytic", lossMae(rows, idx, null));
        }
        ObjectNode inSample = measured.putObject("trainSplitInSample");
        inSample.put("delayMape", delayMape(rows, all, delayModel));
        inSample.put("delayMapeAnalytic", analyticMape(rows, all));
        inSample.put("lossMae", lossMae(rows, all, lossModel));
        inSample.put("lossMaeAnalytic", lossMae(rows, all, null));
        if (validationSplit != null) {
            List<RouteNetSample> val = new RouteNetReader(validationSplit).readAll();
            FidelityReport r = FidelityEvaluation.evaluate(val, correction);
            ObjectNode v = measured.putObject("validationGbn");
            v.put("note", "measured once, after the fit; never used for any choice");
            v.put("samples", r.samples());
            v.put("paths", r.paths());
            v.put("delayMape", r.delayMape());
            v.put("delayMapeAnalytic", r.delayMapeAnalytic());
            v.put("lossMae", r.lossMae());
            v.put("lossMaeAnalytic", r.lossMaeAnalytic());
        }
        return new Outcome(correction, card);
    }

    private static ObjectNode trainerJson(ObjectMapper mapper, BoostedStumpsTrainer t) {
        ObjectNode p = mapper.createObjectNode();
        p.put("trees", t.trees());
        p.put("depth", t.depth());
        p.put("learningRate", t.learningRate());
        p.put("bins", t.bins());
        p.put("minLeaf", t.minLeaf());
        p.put("subsample", t.subsample());
        p.put("seed", t.seed());
        return p;
    }

    /**
     * Trains and writes {@code routenet-correction.json} and {@code routenet-correction.card.json} into a folder.
     * Arguments: TRAIN_SPLIT VALIDATION_SPLIT OUT_DIR.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CorrectionTraining TRAIN_SPLIT VALIDATION_SPLIT OUT_DIR");
            System.exit(2);
        }
        Outcome o = train(Path.of(args[0]), Path.of(args[1]), System.err);
        write(o, Path.of(args[2]));
        System.out.println(o.card().toPrettyString());
    }

    /** Writes the weights and the card into {@code dir}. */
    public static void write(Outcome o, Path dir) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(DelayCorrection.RESOURCE), new ObjectMapper().writeValueAsString(o.correction().toJson()));
        Files.writeString(dir.resolve(DelayCorrection.CARD_RESOURCE), mapper.writeValueAsString(o.card()));
    }
}
