package io.thalamus.sdnrouter.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A family of unit-disk graphs to evaluate on: {@code graphs} seeded graphs of N nodes at a density.
 *
 * @param nodes   N
 * @param density nodes per R²
 * @param graphs  how many seeded graphs
 */
public record UnitDiskSetting(int nodes, double density, int graphs) {

    /** Run seed of the evaluation grid whose figures are of record (see {@link UnitDiskGraphs#graphSeed}). */
    public static final long EVALUATION_SEED = 42;

    /**
     * Run seed of the validation grid on which variants and hyperparameters are chosen; its graph
     * seeds differ from the evaluation grid's and from the training graphs' (checked by a test).
     */
    public static final long VALIDATION_SEED = 1_000_003;

    public UnitDiskSetting {
        if (nodes < 2 || !(density > 0) || Double.isInfinite(density) || graphs < 1) {
            throw new IllegalArgumentException("unit-disk setting needs nodes >= 2, density > 0 and graphs >= 1, got N="
                    + nodes + " density=" + density + " count=" + graphs);
        }
    }

    /** The paper's grid extended to N = 100: N ∈ {10, 25, 50, 100} × density ∈ {2, 3, 4, 5}, 10 graphs each. */
    public static List<UnitDiskSetting> standardGrid() {
        List<UnitDiskSetting> grid = new ArrayList<>();
        for (int n : new int[] {10, 25, 50, 100}) {
            for (int d = 2; d <= 5; d++) {
                grid.add(new UnitDiskSetting(n, d, 10));
            }
        }
        return grid;
    }

    /**
     * Parses {@code N:DENSITY:COUNT[,N:DENSITY:COUNT...]}.
     *
     * @throws IllegalArgumentException naming the bad item and the expected form
     */
    public static List<UnitDiskSetting> parseList(String text) {
        List<UnitDiskSetting> out = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] parts = item.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--random: '" + item.trim() + "' is not N:DENSITY:COUNT (e.g. 50:5:10)");
            }
            try {
                out.add(new UnitDiskSetting(Integer.parseInt(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                        Integer.parseInt(parts[2].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--random: '" + item.trim() + "' is not N:DENSITY:COUNT with numbers (e.g. 50:5:10)");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--random: '" + item.trim() + "': " + e.getMessage());
            }
        }
        return out;
    }

    /** Label used in results, e.g. {@code N=50 density=5}. */
    public String label() {
        return "N=" + nodes + " density=" + UnitDiskGraphs.formatDensity(density);
    }
}
