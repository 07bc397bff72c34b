package io.thalamus.models.corpus;

/**
 * One real univariate series the corpus cuts tasks from.
 *
 * @param key    unique series key, e.g. {@code geant-totem/3_7}; the train/test split is by key
 * @param family data set family, e.g. {@code geant-totem}, {@code abilene}, {@code 5g-ucc}
 * @param values values oldest first, NaN where missing
 * @param period seasonal period in steps (1 when none)
 */
public record SeriesSource(String key, String family, double[] values, int period) {
}
