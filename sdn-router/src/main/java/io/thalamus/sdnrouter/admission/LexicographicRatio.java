package io.thalamus.sdnrouter.admission;

import java.util.Locale;

/**
 * An answer's primary objective relative to a reference answer, ordered like the objective itself: {@code level} is
 * the first primary component (strict: priority class, highest first; weighted: the one weighted value) where the two
 * differ, {@code ratio} the answer's value there over the reference's. Equal answers have {@code level} equal to the
 * number of components and ratio 1. A plain ratio is not enough: 0.94 in the lowest class is lexicographically
 * better than 0.97 in a higher one, which a bare number would rank the other way round.
 *
 * @param level index of the first differing component (0 = highest class), or the component count when none differs
 * @param ratio value over reference value at that component (1 when equal; infinite when the reference there is 0)
 */
public record LexicographicRatio(int level, double ratio) implements Comparable<LexicographicRatio> {

    /** Compares {@code value} with {@code reference} component by component, with the tolerance of {@link Score}. */
    public static LexicographicRatio of(double[] value, double[] reference) {
        if (value.length != reference.length) {
            throw new IllegalArgumentException("objectives of different length: " + value.length + " and " + reference.length);
        }
        for (int i = 0; i < value.length; i++) {
            if (!Score.same(value[i], reference[i])) {
                double r = reference[i] == 0 ? (value[i] > 0 ? Double.POSITIVE_INFINITY : 0) : value[i] / reference[i];
                return new LexicographicRatio(i, r);
            }
        }
        return new LexicographicRatio(value.length, 1.0);
    }

    /** True when the answer equals the reference in every primary component. */
    public boolean equalsReference() {
        return ratio == 1.0;
    }

    /**
     * Orders two ratios to the same reference as their answers are ordered lexicographically: above the reference, a
     * gain at a higher level beats any gain at a lower one; below it, a loss at a lower level beats any loss at a higher
     * one; at the same level the larger ratio wins (0 when the levels and ratios are equal: later components unknown).
     */
    @Override
    public int compareTo(LexicographicRatio o) {
        int side = Integer.compare(sign(), o.sign());
        if (side != 0) {
            return side;
        }
        if (level != o.level) {
            // Both above: the earlier gain is larger. Both below: the later loss is smaller.
            return sign() > 0 ? Integer.compare(o.level, level) : Integer.compare(level, o.level);
        }
        return Double.compare(ratio, o.ratio);
    }

    private int sign() {
        return ratio > 1 ? 1 : ratio < 1 ? -1 : 0;
    }

    /** E.g. {@code 0.9386@3}: ratio 0.9386 at the third component (1-based); {@code 1} when equal. */
    @Override
    public String toString() {
        return equalsReference() ? "1" : String.format(Locale.ROOT, "%.4f@%d", ratio, level + 1);
    }
}
