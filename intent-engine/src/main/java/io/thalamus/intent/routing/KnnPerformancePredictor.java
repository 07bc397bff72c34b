package io.thalamus.intent.routing;

import io.thalamus.models.card.TaskType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The perceptive part of the router: for a new task, the k past tasks of the same type nearest in standardised
 * feature space, and per model the mean of log(loss + ε) over those neighbours that ran it (so models are compared
 * on the same neighbours), optionally shrunk towards the model's mean over the whole memory with the weight of
 * {@code priorWeight} neighbours, turned back into a loss (or, with {@link Aggregation#ARITHMETIC}, the plain mean
 * loss: the expected loss, for a regret-aware choice); latency and CPU time as geometric means. Each task type has
 * its own {@link Setting}. Measured
 * outcomes fed back through {@link #observe} join the memory at once. Ties in distance break by insertion order, so
 * predictions are deterministic.
 */
public final class KnnPerformancePredictor {

    /** Offset inside the logarithm, so that a zero loss stays finite. */
    static final double EPSILON = 0.01;

    /**
     * Prior weight NetRouterBench trains with: each model's mean log loss over the whole memory counts as this many
     * extra neighbours, so a small neighbourhood where a model happened never to lose does not predict a certain zero.
     */
    public static final double BENCH_PRIOR_WEIGHT = 1.0;

    private final Map<TaskType, Memory> memories;
    private long version;

    /**
     * How the neighbours' losses of one model become its predicted loss.
     * GEOMETRIC: exp(mean log(loss + ε)) − ε, robust to a few huge losses (a point estimate of the typical loss);
     * ARITHMETIC: the plain mean loss, the expected loss and so the regret-aware choice (a model that is usually
     * good but sometimes very bad is predicted by what it costs on average).
     */
    public enum Aggregation {
        /** exp(mean log(loss + ε)) − ε over the neighbours. */
        GEOMETRIC,
        /** Mean loss over the neighbours (expected loss). */
        ARITHMETIC;

        /** Name in router.json. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Parses a router.json name. @throws IllegalArgumentException listing the known names */
        public static Aggregation fromWire(String s) {
            for (Aggregation a : values()) {
                if (a.wire().equals(s)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("must be one of geometric, arithmetic, got '" + s + "'");
        }
    }

    /**
     * How one task type's memory predicts: neighbours, feature weights in the distance (null = all 1), the weight
     * in neighbours of each model's whole-memory mean (0 = plain kNN; very large = always the model that is best on
     * average over the memory, i.e. the best single model), and the loss aggregation.
     */
    public record Setting(int k, double[] weights, double priorWeight, Aggregation aggregation) {
        /** Checks the values. */
        public Setting {
            if (k < 1) {
                throw new IllegalArgumentException("k: must be >= 1, got " + k);
            }
            if (!(priorWeight >= 0) || !Double.isFinite(priorWeight)) {
                throw new IllegalArgumentException("priorWeight: must be finite and >= 0, got " + priorWeight);
            }
            java.util.Objects.requireNonNull(aggregation, "aggregation");
        }
    }

    /**
     * Past tasks, replaced as a whole on feedback so readers never see a half-appended row; with each model's
     * whole-memory mean log loss and mean loss (NaN when it never ran), computed once per version of the memory.
     */
    record Rows(double[][] z, double[][] logLoss, double[][] logLatency, double[][] logCpu, double[] meanLogLoss,
                double[] meanLoss) {
        Rows(double[][] z, double[][] logLoss, double[][] logLatency, double[][] logCpu) {
            this(z, logLoss, logLatency, logCpu, columnMean(logLoss, false), columnMean(logLoss, true));
        }

        private static double[] columnMean(double[][] ll, boolean raw) {
            int m = ll.length == 0 ? 0 : ll[0].length;
            double[] out = new double[m];
            for (int j = 0; j < m; j++) {
                double s = 0;
                int n = 0;
                for (double[] row : ll) {
                    if (!Double.isNaN(row[j])) {
                        s += raw ? Math.exp(row[j]) - EPSILON : row[j];
                        n++;
                    }
                }
                out[j] = n == 0 ? Double.NaN : s / n;
            }
            return out;
        }
    }

    /** The memory of one task type: models, feature scaling, and past tasks. */
    static final class Memory {
        final List<String> models;
        final double[] mean;
        final double[] scale;
        final double[] weight;
        final int k;
        /** This type's prior weight, or NaN to use the predictor's. */
        final double priorWeight;
        final Aggregation aggregation;
        volatile Rows rows;

        Memory(List<String> models, int k, double[] mean, double[] scale, double[] weight, Rows rows) {
            this(models, k, mean, scale, weight, rows, Double.NaN, Aggregation.GEOMETRIC);
        }

        Memory(List<String> models, int k, double[] mean, double[] scale, double[] weight, Rows rows,
               double priorWeight, Aggregation aggregation) {
            if (k < 1) {
                throw new IllegalArgumentException("k: must be >= 1, got " + k);
            }
            if (!Double.isNaN(priorWeight) && (!(priorWeight >= 0) || !Double.isFinite(priorWeight))) {
                throw new IllegalArgumentException("priorWeight: must be finite and >= 0, got " + priorWeight);
            }
            this.k = k;
            this.priorWeight = priorWeight;
            this.aggregation = java.util.Objects.requireNonNull(aggregation, "aggregation");
            this.models = List.copyOf(models);
            this.mean = mean;
            this.scale = scale;
            this.weight = weight;
            this.rows = rows;
            this.active = java.util.stream.IntStream.range(0, weight.length).filter(i -> weight[i] != 0).toArray();
        }

        /** Feature indices with a non-zero weight; the distance skips the others. */
        final int[] active;

        double[] standardise(TaskFeatures f) {
            if (f.size() != mean.length) {
                throw new IllegalArgumentException("features: expected " + mean.length + " values, got " + f.size());
            }
            double[] out = new double[mean.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = weight[i] * (f.value(i) - mean[i]) / scale[i];
            }
            return out;
        }
    }

    private final double priorWeight;

    KnnPerformancePredictor(Map<TaskType, Memory> memories, long version, double priorWeight) {
        if (!(priorWeight >= 0) || !Double.isFinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight: must be finite and >= 0, got " + priorWeight);
        }
        this.memories = new EnumMap<>(memories);
        this.version = version;
        this.priorWeight = priorWeight;
    }

    /** Weight, in neighbours, of each model's whole-memory mean log loss in a prediction (0 = plain kNN). */
    public double priorWeight() {
        return priorWeight;
    }

    /** Trains on past tasks with every feature weighted 1. */
    public static KnnPerformancePredictor train(List<TrainingExample> examples, int k) {
        return train(examples, t -> k, t -> null);
    }

    /**
     * Trains on past tasks; models are those named in the examples, per task type in sorted order.
     * @param weights per task type the weight of each standardised feature in the distance (null = all 1)
     */
    public static KnnPerformancePredictor train(List<TrainingExample> examples,
                                                java.util.function.ToIntFunction<TaskType> ks,
                                                java.util.function.Function<TaskType, double[]> weights) {
        return train(examples, ks, weights, 0);
    }

    /**
     * As {@link #train(List, java.util.function.ToIntFunction, java.util.function.Function)}, with each model's
     * whole-memory mean log loss counting as {@code priorWeight} extra neighbours.
     */
    public static KnnPerformancePredictor train(List<TrainingExample> examples,
                                                java.util.function.ToIntFunction<TaskType> ks,
                                                java.util.function.Function<TaskType, double[]> weights,
                                                double priorWeight) {
        if (!(priorWeight >= 0) || !Double.isFinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight: must be finite and >= 0, got " + priorWeight);
        }
        return train(examples, t -> new Setting(ks.applyAsInt(t), weights.apply(t), priorWeight, Aggregation.GEOMETRIC),
                priorWeight);
    }

    /** Trains with one {@link Setting} per task type (k, feature weights, prior weight, loss aggregation). */
    public static KnnPerformancePredictor train(List<TrainingExample> examples,
                                                java.util.function.Function<TaskType, Setting> settings) {
        return train(examples, settings, 0);
    }

    private static KnnPerformancePredictor train(List<TrainingExample> examples,
                                                 java.util.function.Function<TaskType, Setting> settings,
                                                 double defaultPriorWeight) {
        Map<TaskType, List<TrainingExample>> byTask = new EnumMap<>(TaskType.class);
        for (TrainingExample e : examples) {
            byTask.computeIfAbsent(e.features().task(), t -> new ArrayList<>()).add(e);
        }
        Map<TaskType, Memory> memories = new EnumMap<>(TaskType.class);
        for (Map.Entry<TaskType, List<TrainingExample>> en : byTask.entrySet()) {
            List<TrainingExample> ex = en.getValue();
            List<String> models = ex.stream().flatMap(e -> e.loss().keySet().stream()).distinct().sorted().toList();
            int d = ex.get(0).features().size();
            double[] mean = new double[d];
            double[] scale = new double[d];
            for (TrainingExample e : ex) {
                for (int i = 0; i < d; i++) {
                    mean[i] += e.features().value(i) / ex.size();
                }
            }
            for (TrainingExample e : ex) {
                for (int i = 0; i < d; i++) {
                    double dv = e.features().value(i) - mean[i];
                    scale[i] += dv * dv / ex.size();
                }
            }
            for (int i = 0; i < d; i++) {
                scale[i] = scale[i] > 1e-18 ? Math.sqrt(scale[i]) : 1;
            }
            Setting setting = settings.apply(en.getKey());
            double[] w = setting.weights();
            if (w == null) {
                w = new double[d];
                Arrays.fill(w, 1.0);
            } else if (w.length != d) {
                throw new IllegalArgumentException("feature weights of " + en.getKey() + ": expected " + d + ", got " + w.length);
            }
            Memory mem = new Memory(models, setting.k(), mean, scale, w.clone(), null, setting.priorWeight(),
                    setting.aggregation());
            int n = ex.size();
            double[][] z = new double[n][];
            double[][] ll = new double[n][];
            double[][] lat = new double[n][];
            double[][] cpu = new double[n][];
            for (int r = 0; r < n; r++) {
                TrainingExample e = ex.get(r);
                z[r] = mem.standardise(e.features());
                ll[r] = row(models, e.loss(), v -> Math.log(v + EPSILON));
                lat[r] = row(models, e.latencyMs(), v -> Math.log(v + 1e-4));
                cpu[r] = row(models, e.cpuMs(), v -> Math.log(v + 1e-4));
            }
            mem.rows = new Rows(z, ll, lat, cpu);
            memories.put(en.getKey(), mem);
        }
        return new KnnPerformancePredictor(memories, 0, defaultPriorWeight);
    }

    private static double[] row(List<String> models, Map<String, Double> values,
                                java.util.function.DoubleUnaryOperator f) {
        double[] r = new double[models.size()];
        for (int i = 0; i < r.length; i++) {
            Double v = values.get(models.get(i));
            r[i] = v == null || !Double.isFinite(v) ? Double.NaN : f.applyAsDouble(Math.max(0, v));
        }
        return r;
    }

    /** Prior weight used for a task type (its own setting, else the predictor's). */
    public double priorWeight(TaskType task) {
        Memory m = memories.get(task);
        return m == null || Double.isNaN(m.priorWeight) ? priorWeight : m.priorWeight;
    }

    /** Loss aggregation of a task type (GEOMETRIC when unknown). */
    public Aggregation aggregation(TaskType task) {
        Memory m = memories.get(task);
        return m == null ? Aggregation.GEOMETRIC : m.aggregation;
    }

    /** Number of neighbours used for a task type (0 when unknown). */
    public int k(TaskType task) {
        Memory m = memories.get(task);
        return m == null ? 0 : m.k;
    }

    /** Increases with every observation; part of every decision's identity. */
    public synchronized long version() {
        return version;
    }

    /** Model ids the predictor has evidence for, for this task type. */
    public List<String> models(TaskType task) {
        Memory m = memories.get(task);
        return m == null ? List.of() : m.models;
    }

    /** Task types the predictor knows. */
    public List<TaskType> tasks() {
        return List.copyOf(memories.keySet());
    }

    Map<TaskType, Memory> memories() {
        return memories;
    }

    /** Number of feature values this type's memory compares, or -1 when the type was never seen. */
    public int dimensions(TaskType task) {
        Memory m = memories.get(task);
        return m == null ? -1 : m.mean.length;
    }

    /**
     * Estimates for every known model of the task's type; empty when the type was never seen. A feature vector of
     * length 0 says only the task type is known: every past task of the type is a neighbour, so each model is
     * predicted by its whole-memory aggregate (what the constant router uses).
     * @throws IllegalArgumentException when the vector is neither empty nor of the memory's {@link #dimensions}
     */
    public List<ModelEstimate> predict(TaskFeatures features) {
        Memory mem = memories.get(features.task());
        if (mem == null) {
            return List.of();
        }
        Rows rows = mem.rows;
        double[][] z = rows.z();
        double[][] ll = rows.logLoss();
        double[][] lat = rows.logLatency();
        double[][] cpu = rows.logCpu();
        boolean typeOnly = features.size() == 0;
        int n = z.length;
        int k = typeOnly ? Math.max(1, n) : mem.k;
        // Sort (distance, row) pairs packed in longs: a non-negative float's bits order like the float, and the row
        // index in the low half breaks ties by insertion order. No boxing, so a decision stays well under 1 ms.
        long[] order = new long[n];
        if (typeOnly) {
            for (int r = 0; r < n; r++) {
                order[r] = r;
            }
        } else {
            double[] q = mem.standardise(features);
            int[] active = mem.active;
            for (int r = 0; r < n; r++) {
                double s = 0;
                double[] zr = z[r];
                for (int i : active) {
                    double d = zr[i] - q[i];
                    s += d * d;
                }
                order[r] = ((long) Float.floatToIntBits((float) s) << 32) | r;
            }
            Arrays.sort(order);
        }
        List<ModelEstimate> out = new ArrayList<>(mem.models.size());
        double pw = priorWeight(features.task());
        boolean arithmetic = mem.aggregation == Aggregation.ARITHMETIC;
        double[] priors = arithmetic ? rows.meanLoss() : rows.meanLogLoss();
        for (int m = 0; m < mem.models.size(); m++) {
            double sLoss = 0;
            double sLat = 0;
            double sCpu = 0;
            int used = 0;
            for (int j = 0; j < n && used < k; j++) {
                int r = (int) order[j];
                if (Double.isNaN(ll[r][m])) {
                    continue;
                }
                sLoss += arithmetic ? Math.exp(ll[r][m]) - EPSILON : ll[r][m];
                sLat += Double.isNaN(lat[r][m]) ? 0 : lat[r][m];
                sCpu += Double.isNaN(cpu[r][m]) ? 0 : cpu[r][m];
                used++;
            }
            if (used == 0) {
                out.add(new ModelEstimate(mem.models.get(m), Double.NaN, Double.NaN, Double.NaN, 0));
            } else {
                double w = Double.isNaN(priors[m]) ? 0 : pw;
                double agg = (sLoss + (w > 0 ? w * priors[m] : 0)) / (used + w);
                double loss = arithmetic ? agg : Math.exp(agg) - EPSILON;
                out.add(new ModelEstimate(mem.models.get(m), Math.max(0, loss),
                        Math.exp(sLat / used), Math.exp(sCpu / used), used));
            }
        }
        return out;
    }

    /**
     * Online feedback: the measured outcome of running {@code modelId} on a task joins the memory (as a new past
     * task that ran that one model).
     * @throws IllegalArgumentException when the model or task type is unknown to the predictor
     */
    public synchronized void observe(TaskFeatures features, String modelId, double loss, double latencyMs, double cpuMs) {
        Memory mem = memories.get(features.task());
        if (mem == null) {
            throw new IllegalArgumentException("feedback: task type " + features.task() + " was never trained");
        }
        int m = mem.models.indexOf(modelId);
        if (m < 0) {
            throw new IllegalArgumentException("feedback: model '" + modelId + "' unknown for " + features.task()
                    + "; known: " + mem.models);
        }
        if (!(loss >= 0) || !Double.isFinite(loss)) {
            throw new IllegalArgumentException("feedback: loss must be finite and >= 0, got " + loss);
        }
        int models = mem.models.size();
        double[] ll = new double[models];
        double[] lat = new double[models];
        double[] cpu = new double[models];
        Arrays.fill(ll, Double.NaN);
        Arrays.fill(lat, Double.NaN);
        Arrays.fill(cpu, Double.NaN);
        ll[m] = Math.log(loss + EPSILON);
        lat[m] = Math.log(Math.max(0, latencyMs) + 1e-4);
        cpu[m] = Math.log(Math.max(0, cpuMs) + 1e-4);
        // Newest evidence first among equals: prepend so that ties in distance favour it.
        Rows old = mem.rows;
        mem.rows = new Rows(prepend(old.z(), mem.standardise(features)), prepend(old.logLoss(), ll),
                prepend(old.logLatency(), lat), prepend(old.logCpu(), cpu));
        version++;
    }

    private static double[][] prepend(double[][] a, double[] row) {
        double[][] out = new double[a.length + 1][];
        out[0] = row;
        System.arraycopy(a, 0, out, 1, a.length);
        return out;
    }
}
