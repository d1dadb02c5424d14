package org.ncverify.claims;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Orthonormal;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.theory.ClosedForm;

/**
 * The wrong points of the claim contract ({@link AbstractClaimContract}) and the re-expressions
 * of a point that keep it right (its samples split into stored columns, its entries rounded to
 * double). Each builder changes the closed-form point (or any point) in one named way, at the
 * point's precision; the builders with an amplitude ({@code delta}, {@code eps}, {@code c}) serve
 * the tolerance pins, which choose the amplitude from the claim's tolerance so that the residual
 * lands at a stated multiple of it.
 */
final class WrongPoints {
    private WrongPoints() {
    }

    // ------------------------------------------------------------------ weights

    /** W_L scaled by 1 + 10^-3: the product's singular values become 1.001 p*, not p*. */
    static Point scaledLastWeight(Point x) {
        return scaledLastWeight(x, x.precision().pow10(-3));
    }

    /** W_L scaled by 1 + eps: every singular value of W_L...W_1 X becomes (1 + eps) p*. */
    static Point scaledLastWeight(Point x, Apfloat eps) {
        return scaledWeight(x, x.depth(), eps);
    }

    /** W_l scaled by 1 + eps, every other factor kept: balance equations l and l + 1 break by about 2 eps. */
    static Point scaledWeight(Point x, int l, Apfloat eps) {
        Precision p = x.precision();
        return x.withWeight(l, x.weight(l).scale(p.helper().add(p.of(1L), eps)));
    }

    /** W_L' = U Pswap U^T W_L: the singular directions of s_i and s_j exchanged on the left. */
    static Point swappedSingularPair(Point x, ClosedForm cf, int i, int j) {
        ApMatrix u = cf.spectrum().left();
        return leftInBasisU(x, cf, swap(u.rows(), i, j, u.precision()));
    }

    /** W_L -&gt; U E U^T W_L (E a K x K matrix): U^T W_L...W_1 becomes E U^T W_L...W_1, and B = U^T P V becomes E B. */
    static Point leftInBasisU(Point x, ClosedForm cf, ApMatrix e) {
        ApMatrix u = cf.spectrum().left();
        return x.withWeight(x.depth(), u.multiply(e).multiply(u.transpose()).multiply(x.weight(x.depth())));
    }

    /**
     * Row i of U^T W_L...W_1 tilted by c times row j (W_L -&gt; U (I + c e_i e_j^T) U^T W_L): the row
     * Gram gains c ||row j||^2 at (i, j), and B = U^T P V gains c p_j at (i, j); the norms move
     * only to second order.
     */
    static Point tiltedRow(Point x, ClosedForm cf, int i, int j, Apfloat c) {
        return leftInBasisU(x, cf, elementary(cf.spectrum().size(), i, j, c, x.precision()));
    }

    /** W_L -&gt; (I - 2 u_i u_i^T) W_L: row i of U^T W negated (cosine -1 with column i of X V). */
    static Point flippedLeftDirection(Point x, ClosedForm cf, int i) {
        ApMatrix u = cf.spectrum().left();
        ApMatrix flip = ApMatrix.identity(u.rows(), u.precision()).with(i, i, new Apfloat(-1));
        return leftInBasisU(x, cf, flip);
    }

    /** W_L -&gt; Q W_L with a seeded random orthogonal K x K matrix Q. */
    static Point rotatedLastLayer(Point x, long seed) {
        ApMatrix wl = x.weight(x.depth());
        return x.withWeight(x.depth(), Orthonormal.random(wl.rows(), wl.rows(), seed, x.precision()).multiply(wl));
    }

    /** W_1 -&gt; Q W_1 with a seeded random orthogonal Q, W_2 unchanged. */
    static Point rotatedFirstLayer(Point x, long seed) {
        ApMatrix w1 = x.weight(1);
        ApMatrix q = Orthonormal.random(w1.rows(), w1.rows(), seed, x.precision());
        return x.withWeight(1, q.multiply(w1));
    }

    /** W_1 -&gt; 2 W_1, W_2 -&gt; W_2 / 2: same product, unbalanced factors. */
    static Point unbalancedRescaling(Point x) {
        Precision p = x.precision();
        return x.withWeight(1, x.weight(1).scale(p.of(2L)))
            .withWeight(2, x.weight(2).scale(p.helper().divide(p.of(1L), p.of(2L))));
    }

    // ------------------------------------------------------------------ features and bias

    /** Class mean k moved by 10^-6 along the first coordinate. */
    static Point movedMean(Point x, int k) {
        return movedMean(x, k, x.precision().pow10(-6));
    }

    /**
     * The first stored column of class k moved by delta along the first coordinate (the class
     * mean moves by delta when the class is one stored column, as in the closed form).
     */
    static Point movedMean(Point x, int k, Apfloat delta) {
        ApMatrix b = x.classBlock(k);
        return x.withClassBlock(k, b.with(0, 0, x.precision().helper().add(b.get(0, 0), delta)));
    }

    /** b + 10^-6 e_1. */
    static Point shiftedBias(Point x) {
        return shiftedBias(x, x.precision().pow10(-6));
    }

    /** b + delta e_1. */
    static Point shiftedBias(Point x, Apfloat delta) {
        Apfloat[] b = x.bias();
        b[0] = x.precision().helper().add(b[0], delta);
        return x.withBias(b);
    }

    /**
     * Column j of class block k moved along the first coordinate by 10^-6 times its norm (by
     * 10^-6 when the column is 0): the other samples of the class stay where they were.
     */
    static Point movedColumn(Point x, int k, int j) {
        Precision p = x.precision();
        Apfloat norm = ApMatrix.norm(x.classBlock(k).column(j), p);
        return movedColumn(x, k, j, p.helper().multiply(norm.signum() == 0 ? p.of(1L) : norm, p.pow10(-6)));
    }

    /** Column j of class block k moved by delta along the first coordinate. */
    static Point movedColumn(Point x, int k, int j, Apfloat delta) {
        ApMatrix b = x.classBlock(k);
        return x.withClassBlock(k, b.with(0, j, x.precision().helper().add(b.get(0, j), delta)));
    }

    /** The largest norm of a stored feature column (the scale of C1's residual). */
    static Apfloat largestColumnNorm(Point x) {
        Apfloat scale = Apfloat.ZERO;
        for (int k = 0; k < x.classes(); k++) {
            for (Apfloat n : ProductGeometry.columnNorms(x.classBlock(k), x.precision())) {
                scale = n.compareTo(scale) > 0 ? n : scale;
            }
        }
        return scale;
    }

    /** Every feature column scaled by 1 + 10^-3 (W and b kept). */
    static Point scaledFeatures(Point x) {
        Precision p = x.precision();
        Apfloat c = p.helper().add(p.of(1L), p.pow10(-3));
        Point out = x;
        for (int k = 0; k < x.classes(); k++) {
            out = out.withClassBlock(k, x.classBlock(k).scale(c));
        }
        return out;
    }

    /**
     * X -&gt; X Q (Q a K x K matrix), re-expressed as class means M' = (M D Q) D^{-1}; at the closed
     * form (h_G = 0) and for Q fixing sqrt(n) (e.g. Q = V R V^T with R fixing the last column),
     * M' is centred again.
     */
    static Point rightTransformed(Point x, ApMatrix q) {
        Precision p = x.precision();
        int k = x.classes();
        Apfloat[] sq = new Apfloat[k];
        Apfloat[] inv = new Apfloat[k];
        for (int c = 0; c < k; c++) {
            sq[c] = p.helper().sqrt(p.of(x.instance().size(c)));
            inv[c] = p.helper().divide(Apfloat.ONE, sq[c]);
        }
        ApMatrix means = x.classMeans().scaleColumns(sq).multiply(q).scaleColumns(inv);
        return Point.ofClassMeans(x.instance(), x.weights(), means, x.bias());
    }

    /**
     * Mbar -&gt; Mbar D V Pswap V^T D^{-1}: the singular directions of s_i and s_j exchanged on the
     * right (X V has columns i and j swapped), the right-hand analogue of
     * {@link #swappedSingularPair}.
     */
    static Point swappedRightSingularPair(Point x, ClosedForm cf, int i, int j) {
        ApMatrix v = cf.spectrum().right();
        return rightTransformed(x, v.multiply(swap(v.rows(), i, j, v.precision())).multiply(v.transpose()));
    }

    /**
     * Column j of X V tilted by c times column i (X -&gt; X V (I + c e_i e_j^T) V^T, i, j &lt; K-1 so
     * that sqrt(n) stays fixed and the means stay centred): the column Gram gains c ||column i||^2
     * at (i, j); the norms move only to second order.
     */
    static Point tiltedColumn(Point x, ClosedForm cf, int i, int j, Apfloat c) {
        ApMatrix v = cf.spectrum().right();
        ApMatrix e = elementary(v.rows(), i, j, c, x.precision());
        return rightTransformed(x, v.multiply(e).multiply(v.transpose()));
    }

    /**
     * Column i of X V moved by c e_z, e_z a coordinate direction that neither W_L...W_1 nor X
     * reaches (X -&gt; X + c e_z v_i^T: every stored column of class k moves by c (v_i)_k / sqrt(n_k)
     * along e_z; v_i is orthogonal to sqrt(n), so the means stay centred). U^T P V is unchanged
     * (W e_z = 0) while column i of X V turns away from row i of U^T W by the angle atan(c / x_i):
     * C7's literal reading measures 1 - cos = c^2 / (2 x_i^2) to second order, its basis-free
     * reading nothing. Throws when e_z is not free at {@code x} (a closed form with canonical
     * frames and z &gt;= r has it free).
     */
    static Point columnOutOfRowSpace(Point x, ClosedForm cf, int i, int z, Apfloat c) {
        Precision p = x.precision();
        ApMatrix w = x.weightProduct(p);
        ApMatrix means = x.classMeans(p);
        for (int row = 0; row < w.rows(); row++) {
            if (w.get(row, z).signum() != 0) {
                throw new IllegalArgumentException("W_L...W_1 reaches coordinate " + z);
            }
        }
        for (int k = 0; k < x.classes(); k++) {
            if (means.get(z, k).signum() != 0) {
                throw new IllegalArgumentException("class mean " + k + " has coordinate " + z);
            }
        }
        ApMatrix v = cf.spectrum().right();
        Point out = x;
        for (int k = 0; k < x.classes(); k++) {
            Apfloat step = p.helper().divide(p.helper().multiply(c, v.get(k, i)), p.helper().sqrt(p.of(x.instance().size(k))));
            ApMatrix b = x.classBlock(k);
            for (int j = 0; j < b.cols(); j++) {
                b = b.with(z, j, p.helper().add(b.get(z, j), step));
            }
            out = out.withClassBlock(k, b);
        }
        return out;
    }

    /**
     * X V stretched along column i by 1 + c, and W_L...W_1 with it (Q = V (I + c e_i e_i^T) V^T,
     * i &lt; K-1: X -&gt; X Q and W_L -&gt; Q W_L, so W^T stays the same multiple of X while the column
     * Gram of X becomes X^T X + ((1 + c)^2 - 1) ||X v_i||^2 v_i v_i^T: norms and cosines of the
     * centred means change, self-duality does not).
     */
    static Point stretchedRightDirection(Point x, ClosedForm cf, int i, Apfloat c) {
        ApMatrix v = cf.spectrum().right();
        ApMatrix q = v.multiply(elementary(v.rows(), i, i, c, x.precision())).multiply(v.transpose());
        Point stretched = rightTransformed(x, q);
        return stretched.withWeight(x.depth(), q.multiply(x.weight(x.depth())));
    }

    /** W = 0, H = 0, b kept: the minimizer when every p* = 0. */
    static Point collapsedPoint(Point x) {
        Precision p = x.precision();
        List<ApMatrix> zeros = new ArrayList<>();
        for (ApMatrix w : x.weights()) {
            zeros.add(ApMatrix.zeros(w.rows(), w.cols(), p));
        }
        ApMatrix m = x.classMeans();
        return Point.ofClassMeans(x.instance(), zeros, ApMatrix.zeros(m.rows(), m.cols(), p), x.bias());
    }

    // ------------------------------------------------------------------ re-expressions of the same point

    /**
     * Class k stored as q copies of its mean m_k, each of multiplicity n_k / q (the same
     * samples, re-expressed with q_k = q stored columns).
     */
    static Point splitClass(Point x, int k, int q) {
        Instance inst = x.instance();
        if (inst.size(k) % q != 0) {
            throw new IllegalArgumentException("n_" + k + " = " + inst.size(k) + " is not a multiple of " + q);
        }
        Apfloat[] mean = x.classMeans().column(k);
        Apfloat[][] cols = new Apfloat[q][];
        for (int j = 0; j < q; j++) {
            cols[j] = mean.clone();
        }
        List<ApMatrix> blocks = new ArrayList<>();
        long[] mult = new long[inst.classes()];
        for (int c = 0; c < inst.classes(); c++) {
            blocks.add(c == k ? ApMatrix.fromColumns(cols, x.precision()) : x.classBlock(c));
            mult[c] = c == k ? inst.size(k) / q : x.multiplicity(c);
        }
        return Point.of(inst, x.weights(), blocks, mult, x.bias());
    }

    /** Every sample its own stored column (q_k = n_k, w_k = 1), each equal to its class mean. */
    static Point perSample(Point x) {
        Point out = x;
        for (int k = 0; k < x.classes(); k++) {
            out = splitClass(out, k, (int) x.instance().size(k));
        }
        return out;
    }

    /** Every entry of W_l, H and b rounded to the nearest double (kept at the point's precision). */
    static Point roundedToDouble(Point x) {
        Precision p = x.precision();
        List<ApMatrix> w = new ArrayList<>();
        for (ApMatrix m : x.weights()) {
            w.add(ApMatrix.of(m.toDoubleArray(), p));
        }
        List<ApMatrix> blocks = new ArrayList<>();
        long[] mult = new long[x.classes()];
        for (int k = 0; k < x.classes(); k++) {
            blocks.add(ApMatrix.of(x.classBlock(k).toDoubleArray(), p));
            mult[k] = x.multiplicity(k);
        }
        Apfloat[] b = x.bias();
        for (int k = 0; k < b.length; k++) {
            b[k] = p.ofBinary(b[k].doubleValue());
        }
        return Point.of(x.instance(), w, blocks, mult, b);
    }

    // ------------------------------------------------------------------ unevaluable points

    /** W_1 with one entry of magnitude 10^(5 10^18): squaring it overflows Apfloat's exponent. */
    static Point overflowing(Point x) {
        return x.withWeight(1, x.weight(1).with(0, 0, huge(x)));
    }

    /** The first feature column of class 1 with an entry of magnitude 10^(5 10^18). */
    static Point overflowingFeature(Point x) {
        return x.withClassBlock(0, x.classBlock(0).with(0, 0, huge(x)));
    }

    private static Apfloat huge(Point x) {
        return new Apfloat("1e5000000000000000000", x.precision().working());
    }

    // ------------------------------------------------------------------ small matrices

    /** The K x K permutation exchanging i and j. */
    static ApMatrix swap(int k, int i, int j, Precision p) {
        return ApMatrix.identity(k, p)
            .with(i, i, Apfloat.ZERO).with(j, j, Apfloat.ZERO).with(i, j, Apfloat.ONE).with(j, i, Apfloat.ONE);
    }

    /** I + c e_i e_j^T (k x k). */
    static ApMatrix elementary(int k, int i, int j, Apfloat c, Precision p) {
        ApMatrix id = ApMatrix.identity(k, p);
        return id.with(i, j, p.helper().add(id.get(i, j), c));
    }
}
