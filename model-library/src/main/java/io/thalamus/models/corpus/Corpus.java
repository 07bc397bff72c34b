package io.thalamus.models.corpus;

import java.util.List;
import java.util.Set;

/**
 * The benchmark's tasks and its split. Train and test are split by series key: no series has windows on both
 * sides.
 *
 * @param tasks     every task
 * @param trainKeys split keys on the train side; every other key is test
 */
public record Corpus(List<BenchTask> tasks, Set<String> trainKeys) {

    public Corpus {
        tasks = List.copyOf(tasks);
        trainKeys = Set.copyOf(trainKeys);
    }

    /** True when the task is on the train side. */
    public boolean isTrain(BenchTask t) {
        return trainKeys.contains(t.splitKey());
    }

    /** Tasks on the train side. */
    public List<BenchTask> train() {
        return tasks.stream().filter(this::isTrain).toList();
    }

    /** Tasks on the test side. */
    public List<BenchTask> test() {
        return tasks.stream().filter(t -> !isTrain(t)).toList();
    }
}
