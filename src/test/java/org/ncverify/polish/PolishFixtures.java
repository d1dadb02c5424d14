package org.ncverify.polish;

import java.util.Random;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.support.ReferenceCase;
import org.ncverify.theory.ClosedForm;

/**
 * Start points for the polish that look like a double-precision optimizer's result without
 * running one (the L-BFGS start is exercised by the CLI tests of {@code optimize --polish}): the closed-form minimizer with seeded random frames
 * ({@link ClosedForm#rotated}), expanded to one feature column per sample, every entry
 * rounded to double and moved by a seeded Gaussian of standard deviation
 * 1e-6 * max|entry of its matrix| (W_l, H, b each), drawn per entry, so every sample column
 * gets its own perturbation (NC1 is broken at the 1e-6 level, as in an optimizer's output).
 */
final class PolishFixtures {
    /** The relative size of the perturbation. */
    static final double PERTURBATION = 1e-6;

    private PolishFixtures() {
    }

    /** The perturbed double start described in the class comment. */
    static Point doubleStart(Instance inst, long seed) {
        return doubleStart(inst, seed, PERTURBATION);
    }

    /** The same with another relative perturbation size (profiling the basin of the polish). */
    static Point doubleStart(Instance inst, long seed, double perturbation) {
        Point cf = ClosedForm.rotated(inst, Precision.of(30), seed).point();
        Random rnd = new Random(seed);
        double[][][] w = new double[inst.depth()][][];
        for (int l = 1; l <= inst.depth(); l++) {
            w[l - 1] = perturb(cf.weight(l).toDoubleArray(), rnd, perturbation);
        }
        int n = Math.toIntExact(inst.total());
        double[][] hfull = new double[inst.dim()][n];
        for (int s = 0; s < n; s++) {
            ApMatrix col = cf.featureColumn(s);
            for (int i = 0; i < inst.dim(); i++) {
                hfull[i][s] = col.get(i, 0).doubleValue();
            }
        }
        double[] b = new double[inst.classes()];
        for (int c = 0; c < b.length; c++) {
            b[c] = cf.bias()[c].doubleValue();
        }
        return Polish.startFromDoubles(inst, w, perturb(hfull, rnd, perturbation),
            perturb(new double[][] {b}, rnd, perturbation)[0]);
    }

    /**
     * Digits to which a polish result agrees with the closed form at max(60, P + 20) digits
     * (canonical frames): f against f*, f against the reference file, then W_L...W_1 X, G_W, G_X
     * ({@link BasisFree}), each capped at the working digits P + G of the polish.
     */
    static int[] agreement(ReferenceCase rc, PolishResult r) {
        Precision ref = Precision.of(Math.max(60, r.precision().digits() + 20));
        ClosedForm cf = ClosedForm.of(rc.instance(), ref);
        int[] d = BasisFree.of(r.point(), ref).digitsAgainst(BasisFree.of(cf.point(), ref));
        int[] a = {ref.digitsMatched(r.value(), cf.objective()),
            ReferenceCase.digitsMatched(r.value(), rc.objective(), r.precision()), d[0], d[1], d[2]};
        // never claim more digits than the polished point carries (Apfloat keeps a few extra)
        int cap = (int) r.precision().working();
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.min(a[i], cap);
        }
        return a;
    }

    /** The figures of one run as one line: digits of f, f (file), P, G_W, G_X and the trace. */
    static String describe(int[] agreement, PolishResult r) {
        StringBuilder t = new StringBuilder(String.format(
            "  digits: f %d (reference file %d), P %d, G_W %d, G_X %d; trace:", agreement[0], agreement[1],
            agreement[2], agreement[3], agreement[4]));
        r.trace().forEach(g -> t.append(' ').append(Precision.formatScientific(g, 2)));
        return t.toString();
    }

    private static double[][] perturb(double[][] m, Random rnd, double size) {
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j] + size * max * rnd.nextGaussian();
            }
        }
        return out;
    }
}
