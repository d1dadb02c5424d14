package org.ncverify.polish;

import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;

/**
 * The gauge-invariant ("basis-free") quantities of a point, by which a polished point is
 * compared with the closed form although the two sit at different points of the orbit of
 * minimizers (see {@link Polish}):
 * <ul>
 *   <li>X = Mbar D = M Yhat (d x K): the centred class means times D = diag(sqrt n)
 *       ({@link Point#centredMeans});</li>
 *   <li>the product P = W_L ... W_1 X (K x K), unchanged by every gauge rotation;</li>
 *   <li>the Gram matrices G_W = (W_L...W_1)(W_L...W_1)^T and G_X = X^T X (K x K): a rotation
 *       Q of the feature space maps W_L...W_1 to (W_L...W_1) Q^T and X to Q X, and the hidden
 *       rotations cancel inside the product.</li>
 * </ul>
 * At the closed form P = U diag(p*) V^T, G_W = U diag(prod_l a_{W_l,i}^2) U^T and
 * G_X = V diag(a_{H,i}^2) V^T, the same for every basis of a tied block (but not unique when a
 * bottleneck cuts a tied block or a tied block sits at s_crit: proofs-notes/C5-left-geometry.md). Immutable.
 */
public final class BasisFree {
    private final ApMatrix product;
    private final ApMatrix weightGram;
    private final ApMatrix featureGram;
    private final Precision precision;

    private BasisFree(ApMatrix product, ApMatrix weightGram, ApMatrix featureGram, Precision precision) {
        this.product = product;
        this.weightGram = weightGram;
        this.featureGram = featureGram;
        this.precision = precision;
    }

    /** The quantities of x computed at precision p (x's entries re-rounded to p). */
    public static BasisFree of(Point x, Precision p) {
        ApMatrix centred = Point.centredMeans(x.instance(), x.classMeans(p), p);
        ApMatrix w = x.weightProduct(p);
        return new BasisFree(w.multiply(centred), w.multiply(w.transpose()), centred.transpose().multiply(centred), p);
    }

    /** P = W_L ... W_1 X (K x K). */
    public ApMatrix product() {
        return product;
    }

    /** G_W = (W_L...W_1)(W_L...W_1)^T (K x K). */
    public ApMatrix weightGram() {
        return weightGram;
    }

    /** G_X = X^T X (K x K). */
    public ApMatrix featureGram() {
        return featureGram;
    }

    /**
     * Decimal digits to which each quantity agrees with {@code reference}: floor(-log10 of
     * ||A - A_ref||_F / ||A_ref||_F) for A = P, G_W, G_X, in that order; the working digits of
     * the coarser precision when the difference is exactly zero.
     */
    public int[] digitsAgainst(BasisFree reference) {
        Precision p = precision.working() <= reference.precision.working() ? precision : reference.precision;
        return new int[] {
            digits(product, reference.product, p),
            digits(weightGram, reference.weightGram, p),
            digits(featureGram, reference.featureGram, p)};
    }

    private static int digits(ApMatrix a, ApMatrix ref, Precision p) {
        ApMatrix r = ref.withPrecision(p);
        return p.relativeDigits(a.withPrecision(p).subtract(r).frobeniusNorm(), r.frobeniusNorm());
    }

}
