package io.thalamus.twin.fidelity;

import java.util.List;

/** Compares the twin's path delay and loss with the simulator's, with or without the learned correction. */
public final class FidelityEvaluation {

    private FidelityEvaluation() {
    }

    /** Evaluates {@code samples}; {@code correction} null means the analytical model alone. */
    public static FidelityReport evaluate(List<RouteNetSample> samples, DelayCorrection correction) {
        double ape = 0;
        double apeAnalytic = 0;
        double lossErr = 0;
        double lossErrAnalytic = 0;
        int n = 0;
        for (RouteNetSample s : samples) {
            PathFeatures.Result r = PathFeatures.of(s);
            double[] calibrated = correction == null ? r.analyticDelay() : correction.calibrate(r);
            double[] loss = correction == null ? r.analyticLoss() : correction.calibrateLoss(r);
            for (int p = 0; p < s.pathCount(); p++) {
                double measured = s.delay()[p];
                ape += Math.abs(calibrated[p] - measured) / measured;
                apeAnalytic += Math.abs(r.analyticDelay()[p] - measured) / measured;
                lossErr += Math.abs(loss[p] - s.loss()[p]);
                lossErrAnalytic += Math.abs(r.analyticLoss()[p] - s.loss()[p]);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no paths with traffic and a measured delay in the samples");
        }
        return new FidelityReport(samples.size(), n, ape / n, apeAnalytic / n, lossErr / n, lossErrAnalytic / n,
                correction == null ? "analytic" : "calibrated");
    }
}
