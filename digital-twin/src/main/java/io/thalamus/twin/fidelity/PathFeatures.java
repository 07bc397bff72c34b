package io.thalamus.twin.fidelity;

import io.thalamus.twin.sim.QueueModel;

import java.util.List;
import java.util.Map;

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
 *
 * <p>Scheduler-aware M/G/1 features (the "extended" set), on the reduced per-ToS loads: WFQ and DRR are
 * taken as generalised processor sharing where each other class holds its weight only while it is busy
 * (busy probability = its load over its guaranteed rate, at most 1), so the class is served at
 * C·φ_t / (φ_t + Σ_c φ_c·busy_c); the waiting part of the M/M/1/K sojourn at that rate is scaled by
 * (1 + c_s²)/2 for the sample's packet-size variability (Pollaczek–Khinchine). SP hops use Cobham's
 * non-preemptive priority waiting W_t = R / ((1 − σ_{t−1})(1 − σ_t)) with R = ρ·E[S²]/(2E[S]), bounded by a
 * full buffer; FIFO hops the plain M/G/1 scaling. Occupancy = mean packets in the class queue / K.
 */
public final class PathFeatures {

    /** Feature names, in vector order. */
    public static final List<String> NAMES = List.of(
            "lnAnalyticOverTransmission", "lnClassOverAnalytic", "hops", "maxUtilisation", "meanUtilisation",
            "maxClassUtilisation", "meanClassUtilisation", "tos", "shareSp", "shareWfq", "shareDrr", "meanWeightShare",
            "minWeightShare", "analyticLoss", "transmissionSpread", "networkMeanUtilisation", "maxHopLoss",
            "lnReducedClassOverAnalytic", "reducedClassLoss", "maxReducedClassUtilisation", "lnReducedOverTransmission", "saturatedHops", "lnMaxHopReducedOverTransmission",
            "lnMg1ClassOverTransmission", "lnSchedulerOverTransmission", "meanOccupancy", "maxOccupancy");

    /** Named feature sets a correction may be trained on (cross-validation picks one); each a prefix of {@link #NAMES}. */
    public static final Map<String, List<String>> SETS = Map.of(
            "base", NAMES.subList(0, 23),
            "extended", NAMES);

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
            double mg1 = 0;
            double sched = 0;
            double occSum = 0;
            double occMax = 0;
            double pk = (1 + s.packetSizeScv()) / 2;
            for (int l : links) {
                double cap = s.capacity()[l];
                QueueModel q = queue(s, l);
                double gps = gpsCapacity(s, l, t, reduced[l]);
                double r = reduced[l][t] / gps;
                double txGps = s.packetSize() / gps;
                double mg1Hop = s.packetSize() / cap + pk * Math.max(0, q.sojournSeconds(gps, r) - txGps);
                mg1 += mg1Hop;
                double occ = q.meanInSystem(r) / q.systemCapacity();
                occSum += occ;
                occMax = Math.max(occMax, occ);
                if (s.policy()[s.linkSource()[l]] == RouteNetSample.SP) {
                    double higher = 0;
                    for (int c = 0; c < t; c++) {
                        higher += reduced[l][c];
                    }
                    double all = reduced[l][0] + reduced[l][1] + reduced[l][2];
                    double sHi = higher / cap;
                    double sT = (higher + reduced[l][t]) / cap;
                    double hopTx = s.packetSize() / cap;
                    double full = q.bufferPackets() * hopTx / Math.max(0.01, 1 - sHi);
                    double w = sT >= 0.999 ? full
                            : Math.min(full, (all / cap) * hopTx * (1 + s.packetSizeScv()) / 2 / ((1 - sHi) * (1 - sT)));
                    sched += hopTx + w;
                } else {
                    sched += mg1Hop;
                }
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
                maxHopLoss, Math.log(reducedDelay / d), 1 - reducedDelivered, maxReduced, Math.log(reducedDelay / tx), saturated, Math.log(maxHop),
                Math.log(mg1 / tx), Math.log(sched / tx), occSum / h, occMax};
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

    /**
     * Rate a ToS is served at under WFQ/DRR taken as GPS: its weight against the weights of the other
     * classes, each counted by how busy it is; the link rate under FIFO and SP (SP is handled by Cobham).
     */
    private static double gpsCapacity(RouteNetSample s, int l, int t, double[] classLoad) {
        double cap = s.capacity()[l];
        int node = s.linkSource()[l];
        int policy = s.policy()[node];
        if (policy != RouteNetSample.WFQ && policy != RouteNetSample.DRR) {
            return cap;
        }
        double[] w = s.weights()[node];
        double total = 0;
        for (int c = 0; c < 3; c++) {
            total += c < w.length ? w[c] : 0;
        }
        if (!(total > 0)) {
            return cap;
        }
        double own = t < w.length ? w[t] : 0;
        double contended = own;
        for (int c = 0; c < 3; c++) {
            if (c != t && c < w.length && w[c] > 0) {
                double guaranteed = cap * w[c] / total;
                contended += w[c] * Math.min(1, classLoad[c] / guaranteed);
            }
        }
        return contended > 0 ? Math.max(0.01 * cap, cap * own / contended) : cap;
    }

    private static QueueModel queue(RouteNetSample s, int link) {
        int k = (int) Math.round(s.queueSize()[s.linkSource()[link]]);
        return new QueueModel(s.packetSize(), Math.max(1, k));
    }
}
