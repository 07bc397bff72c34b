package io.thalamus.models.card;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated model card (see {@code docs/model-card.schema.json}).
 *
 * @param id                stable identifier
 * @param version           semantic version
 * @param name              human name
 * @param description       longer text, may be empty
 * @param tasks             task types served
 * @param domains           data domains
 * @param input             input contract
 * @param output            output contract
 * @param parameterCount    number of fitted or learned parameters
 * @param memoryBytes       resident memory of one instance
 * @param releaseDate       release date
 * @param license           SPDX license id
 * @param clearance         highest data classification the model may see
 * @param quality           measured quality figures
 * @param latencyP50Ms      median latency of one call
 * @param latencyP99Ms      99th percentile latency of one call
 * @param cpuMsPerCall      CPU time of one call
 * @param currencyPer1kCalls money per thousand calls
 * @param implementation    where the implementation lives
 * @param parameters        free-form settings for the implementation
 * @param json              the card as read, for display
 */
public record ModelCard(String id, String version, String name, String description, List<TaskType> tasks,
                        List<String> domains, Contract input, Contract output, long parameterCount, long memoryBytes,
                        LocalDate releaseDate, String license, SecurityClearance clearance, List<QualityFigure> quality,
                        double latencyP50Ms, double latencyP99Ms, double cpuMsPerCall, double currencyPer1kCalls,
                        Implementation implementation, Map<String, Object> parameters, String json) {

    public ModelCard {
        tasks = List.copyOf(tasks);
        domains = List.copyOf(domains);
        quality = List.copyOf(quality);
        parameters = Map.copyOf(parameters);
    }

    /** True when the model serves {@code task}. */
    public boolean serves(TaskType task) {
        return tasks.contains(task);
    }

    /** A string parameter, if present. */
    public Optional<String> stringParameter(String key) {
        Object v = parameters.get(key);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** A numeric parameter, or {@code fallback} when absent. @throws IllegalArgumentException when not a number */
    public double numberParameter(String key, double fallback) {
        Object v = parameters.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("card " + id + ": /parameters/" + key + " must be a number, got " + v);
    }
}
