package io.thalamus.bench.router;

import io.thalamus.intent.routing.SelectionRuleStudy;
import io.thalamus.models.corpus.CorpusSpec;
import io.thalamus.network.data.SharedData;

import java.nio.file.Path;

/**
 * Nested cross-validation of the router's CV selection rules (PLAIN against ONE_SE) on the train split of the
 * standard NetRouterBench corpus only (the test split is never run). Usage:
 * {@code RouterSelectionRuleStudy [OUTPUT_DIR] [DATA_DIR]} (defaults {@code bench/results/router} and
 * THALAMUS_DATA or ../shared/data); writes {@code selection-rule.json} and {@code selection-rule.md} there and nothing
 * else (the run of record's files are left alone).
 */
public final class RouterSelectionRuleStudy {

    private RouterSelectionRuleStudy() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/router");
        Path data = args.length > 1 ? Path.of(args[1]) : SharedData.root().orElseThrow(() -> new IllegalArgumentException(
                "shared data folder not found: pass it as the second argument or set THALAMUS_DATA"));
        SelectionRuleStudy.run(data, out, CorpusSpec.standard(), System.out);
    }
}
