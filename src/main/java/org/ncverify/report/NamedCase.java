package org.ncverify.report;

import java.util.Objects;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;

/**
 * A named instance of a campaign. {@link #cifar10Lt} generates the class counts by the
 * published CIFAR-10-LT rule n_i = floor(n_max rho^(-i/(K-1))), i = 0..K-1, with n_max = 5000
 * and K = 10 (the rule is evaluated in double arithmetic, as the datasets' own scripts do).
 *
 * @param label    what it is, shown on the page
 * @param instance the instance
 */
public record NamedCase(String label, Instance instance) {
    public NamedCase {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(instance, "instance");
    }

    /** Class counts of the long-tail rule for K classes, n_max and imbalance ratio rho. */
    public static long[] longTail(int classes, long nMax, double rho) {
        long[] n = new long[classes];
        for (int i = 0; i < classes; i++) {
            n[i] = (long) Math.floor(nMax * Math.pow(rho, -i / (classes - 1.0)));
        }
        return n;
    }

    /** CIFAR-10-LT at imbalance ratio rho: K = 10, n_max = 5000, d = 16, L = 2, decays 1e-3. */
    public static NamedCase cifar10Lt(int rho) {
        return new NamedCase("CIFAR-10-LT rho=" + rho, of(longTail(10, 5000, rho), 16, 2, "1e-3"));
    }

    /** A uniform-decay instance (widths all equal to dim). */
    public static Instance of(long[] sizes, int dim, int depth, String decay) {
        return Instance.of(sizes, dim, null, depth,
            new Aprational[] {Rationals.parseDecimal("lambda-w", decay)},
            Rationals.parseDecimal("lambda-h", decay));
    }
}
