package io.thalamus.twin.fidelity;

/**
 * Fidelity of the twin's per-path estimates against the packet-level simulator.
 *
 * @param samples           samples evaluated
 * @param paths             paths evaluated
 * @param delayMape         mean absolute percentage error of the per-path mean delay with the model asked for
 * @param delayMapeAnalytic the same for the analytical M/M/1/K model alone
 * @param lossMae           mean absolute error of the per-path loss ratio with the model asked for
 * @param lossMaeAnalytic   the same for the analytical M/M/1/K loss alone
 * @param model             "analytic" or "calibrated"
 */
public record FidelityReport(int samples, int paths, double delayMape, double delayMapeAnalytic, double lossMae,
                             double lossMaeAnalytic, String model) {
}
