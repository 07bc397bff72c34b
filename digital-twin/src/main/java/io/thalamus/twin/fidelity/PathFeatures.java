package io.thalamus.twin.fidelity;

import io.thalamus.twin.sim.QueueModel;

import java.util.List;

/**
 * The twin's analytical estimate of every path of a {@link RouteNetSample}, and the features the learned
 * correction sees.
 *
 * <p>Analytical delay: each link is the twin's M/M/1/K queue ({@link QueueModel}) with the sample's mean
 * packet size, K = the node's queue size + 1 and ρ = offered load / capacity (all ToS together); a
 * path's delay is the sum of its links' sojourn times (the simulations have no propagation delay) and
 * its loss 1 − Π(1 − P_K).
 *
 * <p>Class-aware delay (a feature): for the path's ToS t at each hop, strict priority (SP) serves it at
 * the capacity left by higher ToS; WFQ and DRR give it max(weight share, capacity left by the other
 * classes); the hop is then an M/M/1/K at that effective capacity and the class's own load.
 */
public final class PathFeatures {

    /** Feature names, in vector order. */
    public static final List<String> NAMES = List.of(
            "lnAnalyticOverTransmission", "lnClassOverAnalytic", "hops", "maxUtilisation", "meanUtilisation",
            "maxClassUtilisation", "meanClassUtilisation", "tos", "shareSp", "shareWfq", "shareDrr", "meanWeightShare",
            "minWeightShare", "analyticLoss", "transmissionSpread", "networkMeanUtilisation", "maxHopLoss",
            "lnReducedClassOverAnalytic", "reducedClassLoss", "maxReducedClassUtilisation", "lnReducedOverTransmission", "saturatedHops", "lnMaxHopReducedOverTransmission");

    private PathFeatures() {
    }

    /** Analytical per-path delay (s), loss and feature vectors of one sample. */
    public record Result(double[] analyticDelay, double[] analyticLoss, double[][] features) {
    }

    /** Computes the analytic estimate and features of every path of {@code s}. */
    public static Result of(RouteNetSample s) {
        int nl = s.capacity().length;
        double[] load = new double[nl];
        double[][] classLoad = new double[nl][3];
        for (int p = 0; p < s.pathCount(); p++) {
            int t = Math.max(0, Math.min(2, s.tos()[p]));
            for (int l : s.paths()[p]) {
                load[l] += s.bandwidth()[p];
                classLoad[l][t] += s.bandwidth()[p];
            }
        }
        double[] sojourn = new double[nl];
        double[] lossL = new double[nl];
        double[] rho = new double[nl];
        double netRho = 0;
        for (int l = 0; l < nl; l++) {
            QueueModel q = queue(s, l);
            rho[l] = load[l] / s.capacity()[l];
            sojourn[l] = q.sojournSeconds(s.capacity()[l], rho[l]);
            lossL[l] = q.loss(rho[l]);
            netRho += rho[l];
        }
        netRho /= Math.max(1, nl);
        // Reduced-load fixed point per ToS: traffic dropped upstream does not load downstream links.
        double[][] reduced = new double[nl][3];
        double[][] classLoss = new double[nl][3];
        for (int iter = 0; iter < 6; iter++) {
            double[][] next = new double[nl][3];
            for (int p = 0; p < s.pathCount(); p++) {
                int t = Math.max(0, Math.min(2, s.tos()[p]));
                double r = s.bandwidth()[p];
                for (int l : s.paths()[p]) {
                    next[l][t] += r;
                    r *= 1 - classLoss[l][t];
                }
            }
            reduced = next;
            for (int l = 0; l < nl; l++) {
                for (int t = 0; t < 3; t++) {
                    double eff = effectiveCapacity(s, l, t, reduced[l]);
                    classLoss[l][t] = queue(s, l).loss(reduced[l][t] / eff);
                }
            }
        }
        int m = s.pathCount();
        double[] delay = new double[m];
        double[] loss = new double[m];
        double[][] x = new double[m][];
        for (int p = 0; p < m; p++) {
            int t = Math.max(0, Math.min(2, s.tos()[p]));
            int[] links = s.paths()[p];
            double d = 0;
            double delivered = 1;
            double classDelay = 0;
            double maxRho = 0;
            double sumRho = 0;
            double maxClass = 0;
            double sumClass = 0;
            double tx = 0;
            double minTx = Double.POSITIVE_INFINITY;
            double maxTx = 0;
            double maxHopLoss = 0;
            int sp = 0;
            int wfq = 0;
            int drr = 0;
            double sumShare = 0;
            double minShare = 1;
            for (int l : links) {
                d += sojourn[l];
                delivered *= 1 - lossL[l];
                maxRho = Math.max(maxRho, rho[l]);
                sumRho += rho[l];
                double cap = s.capacity()[l];
                tx += s.packetSize() / cap;
                minTx = Math.min(minTx, s.packetSize() / cap);
                maxTx = Math.max(maxTx, s.packetSize() / cap);
                maxHopLoss = Math.max(maxHopLoss, lossL[l]);
                int policy = s.policy()[s.linkSource()[l]];
                if (policy == RouteNetSample.SP) {
                    sp++;
                } else if (policy == RouteNetSample.WFQ) {
                    wfq++;
                } else if (policy == RouteNetSample.DRR) {
                    drr++;
                }
                double share = weightShare(s, l, t);
                double effective = effectiveCapacity(s, l, t, classLoad[l]);
                sumShare += share;
                minShare = Math.min(minShare, share);
                double classRho = classLoad[l][t] / effective;
                maxClass = Math.max(maxClass, classRho);
                sumClass += classRho;
                classDelay += queue(s, l).sojournSeconds(effective, classRho);
            }
            double reducedDelay = 0;
            double reducedDelivered = 1;
            double maxReduced = 0;
            int saturated = 0;
            double maxHop = 0;
            for (int l : links) {
                double eff = effectiveCapacity(s, l, t, reduced[l]);
                double r = reduced[l][t] / eff;
                maxReduced = Math.max(maxReduced, r);
                if (r >= 0.95) {
                    saturated++;
                }
                double hop = queue(s, l).sojournSeconds(eff, r);
                maxHop = Math.max(maxHop, hop / (s.packetSize() / s.capacity()[l]));
                reducedDelay += hop;
                reducedDelivered *= 1 - classLoss[l][t];
            }
            int h = links.length;
            delay[p] = d;
            loss[p] = 1 - delivered;
            x[p] = new double[] {
                Math.log(d / tx), Math.log(classDelay / d), h, maxRho, sumRho / h, maxClass, sumClass / h, t,
                (double) sp / h, (double) wfq / h, (double) drr / h, sumShare / h, minShare, loss[p], maxTx / minTx, netRho,
                maxHopLoss, Math.log(reducedDelay / d), 1 - reducedDelivered, maxReduced, Math.log(reducedDelay / tx), saturated, Math.log(maxHop)};
        }
        return new Result(delay, loss, x);
    }

    /** The share a ToS is guaranteed on a link: its weight share (WFQ, DRR), 1 or 0 by rank (SP), 1 (FIFO). */
    private static double weightShare(RouteNetSample s, int l, int t) {
        int node = s.linkSource()[l];
        int policy = s.policy()[node];
        if (policy == RouteNetSample.SP) {
            return t == 0 ? 1 : 0;
        }
        if (policy == RouteNetSample.WFQ || policy == RouteNetSample.DRR) {
            double[] w = s.weights()[node];
            double total = 0;
            for (double v : w) {
                total += v;
            }
            return w.length > t && total > 0 ? w[t] / total : 1.0 / 3;
        }
        return 1;
    }

    /** Capacity a ToS gets on a link: what higher ToS leave (SP), or max(weight share, what others leave). */
    private static double effectiveCapacity(RouteNetSample s, int l, int t, double[] classLoad) {
        double cap = s.capacity()[l];
        int policy = s.policy()[s.linkSource()[l]];
        if (policy == RouteNetSample.SP) {
            double higher = 0;
            for (int c = 0; c < t; c++) {
                higher += classLoad[c];
            }
            return Math.max(0.01 * cap, cap - higher);
        }
        if (policy == RouteNetSample.WFQ || policy == RouteNetSample.DRR) {
            double others = 0;
            for (int c = 0; c < classLoad.length; c++) {
                if (c != t) {
                    others += classLoad[c];
                }
            }
            return Math.max(0.01 * cap, Math.max(weightShare(s, l, t) * cap, cap - others));
        }
        return cap;
    }

    private static QueueModel queue(RouteNetSample s, int link) {
        int k = (int) Math.round(s.queueSize()[s.linkSource()[link]]);
        return new QueueModel(s.packetSize(), Math.max(1, k));
    }
}
