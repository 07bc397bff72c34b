package io.thalamus.sdnrouter.admission;

import io.thalamus.network.flow.Flow;
import io.thalamus.network.generate.PfarFlowGenerator;
import io.thalamus.network.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GA's memetic step: decoding with re-routing moves ({@link PriorityDecoder#decode(int[], boolean)}). */
class RerouteTest {

    private static int[] randomPreferences(Random r, int n, int k) {
        int[] pref = new int[n];
        for (int f = 0; f < n; f++) {
            int g = r.nextInt(k + 2);
            pref[f] = g > k ? PriorityDecoder.DEFERRED : g;
        }
        return pref;
    }

    @Test
    void movesKeepAnswersValidAndMaximalAndNeverLoseValue() {
        int improved = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Topology t = TinyInstances.topology(seed, 14, 10, 100, 400);
            List<Flow> flows = PfarFlowGenerator.generate(t, 160, seed, 2.0, 3);
            for (ObjectiveMode mode : ObjectiveMode.values()) {
                AdmissionProblem p = new AdmissionProblem(t, flows, List.of(), mode, 8, false);
                CandidatePaths c = CandidatePaths.of(p);
                AdmissionInstance in = new AdmissionInstance(p, c);
                PriorityDecoder decoder = new PriorityDecoder(in);
                Random r = new Random(seed);
                for (int trial = 0; trial < 4; trial++) {
                    int[] pref = trial == 0 ? new int[in.flowCount()] : randomPreferences(r, in.flowCount(), p.k());
                    PriorityDecoder.Decision plain = decoder.decode(pref);
                    PriorityDecoder.Decision moved = decoder.decode(pref, true);
                    String where = "seed " + seed + " " + mode + " trial " + trial;
                    // The checker re-derives loads, capacities, objective and (strict) that no rejected flow fits
                    // in what its own and higher classes leave: a move must keep all of it.
                    AdmissionResult result = in.toResult("ga", AdmissionStatus.FEASIBLE, in.routesOf(moved.choice()), moved.kept(),
                            List.of(), Double.NaN, System.nanoTime(), java.util.Map.of(), List.of());
                    AdmissionChecker.requireValid(p, result);
                    assertTrue(Score.compare(moved.score().primary(), 0, plain.score().primary(), 0) >= 0, "moves lost value, " + where);
                    if (Score.compare(moved.score().primary(), 0, plain.score().primary(), 0) > 0) {
                        improved++;
                    }
                    // Written back as preferences, the improved answer decodes to at least the same value.
                    PriorityDecoder.Decision back = decoder.decode(decoder.preferencesOf(moved));
                    assertTrue(Score.compare(back.score().primary(), 0, moved.score().primary(), 0) >= 0, "write-back lost value, " + where);
                }
            }
        }
        // On these loaded instances the moves must actually find something, or the step is dead code.
        assertTrue(improved >= 6, "moves improved only " + improved + " of 48 decodes");
    }
}
