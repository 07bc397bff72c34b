package io.thalamus.models.corpus;

import io.thalamus.models.card.TaskType;

/** One task of the model benchmark, cut from one real series. */
public sealed interface BenchTask permits ForecastTask, AnomalyTask {

    /** Unique task id. */
    String id();

    /** Key of the series the task was cut from. */
    String seriesKey();

    /** Data set family. */
    String family();

    /** The task type models are routed for. */
    TaskType taskType();

    /** Seasonal period in steps. */
    int period();

    /** What a router may look at before running any model (the history, or the series to scan). */
    double[] input();

    /** Fraction of the input that was missing in the raw data (filled before models see it). */
    double fractionMissing();

    /** The series key that decides the train/test side: the key up to any {@code #} suffix. */
    default String splitKey() {
        String k = seriesKey();
        int hash = k.indexOf('#');
        return hash < 0 ? k : k.substring(0, hash);
    }
}
