package org.ncverify.support;

import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;

/**
 * Named instances shared by the theory and claims tests, one per edge case of SPEC section 4.
 * Kept small (K &lt;= 5, d &lt;= 6) so that they are affordable at 200 digits.
 */
public final class Instances {
    private Instances() {
    }

    /** A decimal weight decay as an exact rational. */
    public static Aprational dec(String text) {
        return Rationals.parseDecimal("test", text);
    }

    /** Balanced (4, 4, 4): a tie (size repeated 3 times), L = 1, d = 4. */
    public static Instance balanced() {
        return Instance.of(new long[] {4, 4, 4}, 4, null, 1, new Aprational[] {dec("1e-3")}, dec("1e-3"));
    }

    /** Imbalanced (10, 5, 3, 2), L = 2, d = 6, lambda 1e-3. */
    public static Instance imbalanced() {
        return Instance.of(new long[] {10, 5, 3, 2}, 6, null, 2, new Aprational[] {dec("1e-3")}, dec("1e-3"));
    }

    /** Bottleneck d = 2 &lt; K - 1 = 4: (30, 10, 4, 2, 1), L = 3. */
    public static Instance bottleneck() {
        return Instance.of(new long[] {30, 10, 4, 2, 1}, 2, null, 3, new Aprational[] {dec("1e-3")}, dec("1e-3"));
    }

    /** Narrow hidden widths (4, 2) on d = 6: r = 2 &lt; K - 1; (10, 5, 3, 2, 1), L = 3. */
    public static Instance narrow() {
        return Instance.of(new long[] {10, 5, 3, 2, 1}, 6, new int[] {4, 2}, 3, new Aprational[] {dec("2e-3")},
            dec("1e-3"));
    }

    /** Deep L = 4 with per-layer decays (1, 2, 3, 4)e-3 and lambda_H = 1e-4; (7, 5, 3, 2), d = 5. */
    public static Instance deep() {
        return Instance.of(new long[] {7, 5, 3, 2}, 5, null, 4,
            new Aprational[] {dec("1e-3"), dec("2e-3"), dec("3e-3"), dec("4e-3")}, dec("1e-4"));
    }

    /** Large weight decay (lambda = 1): every p*(s_i) = 0; (5, 3, 2), d = 4, L = 2. */
    public static Instance collapsed() {
        return Instance.of(new long[] {5, 3, 2}, 4, null, 2, new Aprational[] {dec("1")}, dec("1"));
    }

    /**
     * Balanced and deep: (5, 5, 5, 5), d = 4 = r &gt;= K - 1, L = 3 with per-layer decays
     * (1, 2, 0.5)e-3 and lambda_H = 1e-3 (lambda_bar = 1e-3): the tied s = sqrt(5) survives.
     */
    public static Instance balancedDeep() {
        return Instance.of(new long[] {5, 5, 5, 5}, 4, null, 3,
            new Aprational[] {dec("1e-3"), dec("2e-3"), dec("5e-4")}, dec("1e-3"));
    }

    /** Balanced with a bottleneck: (3, 3, 3, 3, 3), d = 2 = r &lt; K - 1 = 4, L = 2. */
    public static Instance balancedBottleneck() {
        return Instance.of(new long[] {3, 3, 3, 3, 3}, 2, null, 2, new Aprational[] {dec("1e-3")}, dec("1e-3"));
    }

    /** Balanced with large weight decay (lambda = 1): (4, 4, 4), d = 4, L = 2; every p* = 0. */
    public static Instance balancedCollapsed() {
        return Instance.of(new long[] {4, 4, 4}, 4, null, 2, new Aprational[] {dec("1")}, dec("1"));
    }

    /**
     * Balanced exactly at the threshold: (4, 4, 4, 4, 4), d = 4, L = 2, every lambda = 0.05.
     * s = sqrt(4) = 2 (multiplicity 4) and s_crit^(4/3) = N lambda_bar L (L/(L-1))^(1/3)
     * = 20 * 0.05 * 2 * 2^(1/3) = 2^(4/3), so s = s_crit exactly.
     */
    public static Instance balancedAtThreshold() {
        return Instance.of(new long[] {4, 4, 4, 4, 4}, 4, null, 2, new Aprational[] {dec("0.05")}, dec("0.05"));
    }

    /**
     * A partial collapse: (100, 10, 1), L = 2, d = 3, lambda 2e-2, so that s_1 survives and
     * s_2 lies below s_crit (inside the bottleneck).
     */
    public static Instance partial() {
        return Instance.of(new long[] {100, 10, 1}, 3, null, 2, new Aprational[] {dec("2e-2")}, dec("2e-2"));
    }
}
