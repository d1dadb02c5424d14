package org.ncverify.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Objective;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;

/**
 * The closed-form minimizer of SPEC section 5, checked from the point alone (class means,
 * weights, bias) against the properties that make it a global minimizer: the product
 * W_L...W_1 X equals the spectral function U diag(p*) V^T of Yhat, the factors are balanced,
 * the weighted mean of the features vanishes, b = n/N, and the value does not depend on the
 * free orthonormal frames. Tolerance 10^-(P-8), relative.
 */
class ClosedFormTest {
    private static final long SEED = Long.getLong("ncverify.seed", 20240611L);

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        String[] names = {"balanced", "imbalanced", "bottleneck", "narrow", "deep", "collapsed", "partial"};
        Instance[] insts = {Instances.balanced(), Instances.imbalanced(), Instances.bottleneck(), Instances.narrow(),
            Instances.deep(), Instances.collapsed(), Instances.partial()};
        for (int digits : new int[] {30, 60}) {
            for (int i = 0; i < insts.length; i++) {
                list.add(Arguments.of(names[i], insts[i], digits));
            }
        }
        return list.stream();
    }

    private static Apfloat tol(Precision p) {
        return p.pow10(-(p.digits() - 8));
    }

    /** ||A - B||_F / max(||A||_F, ||B||_F), 0 when both vanish. */
    private static Apfloat relativeDistance(ApMatrix a, ApMatrix b, Precision p) {
        Apfloat diff = a.subtract(b).frobeniusNorm();
        Apfloat na = a.frobeniusNorm();
        Apfloat nb = b.frobeniusNorm();
        Apfloat den = na.compareTo(nb) >= 0 ? na : nb;
        if (den.signum() == 0) {
            return diff;
        }
        return p.helper().divide(diff, den);
    }

    private static void assertSmall(Apfloat residual, Apfloat tol, String what) {
        assertTrue(residual.compareTo(tol) <= 0, () -> what + ": residual " + Precision.formatScientific(residual, 3)
            + " exceeds " + Precision.formatScientific(tol, 3));
    }

    /** X = (M - h_G 1^T) diag(sqrt n), h_G = M n / N, from the point's class means. */
    static ApMatrix centredScaledMeans(Instance inst, Point x, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        ApMatrix m = x.classMeans();
        int k = inst.classes();
        Apfloat[] weights = new Apfloat[k];
        Apfloat[] sqrtN = new Apfloat[k];
        for (int c = 0; c < k; c++) {
            weights[c] = p.of(new Aprational(new Apint(inst.size(c)), inst.totalExact()));
            sqrtN[c] = h.sqrt(p.of(inst.size(c)));
        }
        Apfloat[] hg = m.multiply(weights);
        Apfloat[][] e = new Apfloat[m.rows()][k];
        for (int i = 0; i < m.rows(); i++) {
            for (int c = 0; c < k; c++) {
                e[i][c] = h.multiply(h.subtract(m.get(i, c), hg[i]), sqrtN[c]);
            }
        }
        return ApMatrix.of(e, p);
    }

    /** H H^T = sum_k n_k m_k m_k^T (d x d). */
    static ApMatrix featureGram(Instance inst, Point x, Precision p) {
        ApMatrix m = x.classMeans();
        Apfloat[] n = new Apfloat[inst.classes()];
        for (int c = 0; c < n.length; c++) {
            n[c] = p.of(inst.size(c));
        }
        return m.scaleColumns(n).multiply(m.transpose());
    }

    @ParameterizedTest(name = "{0} at {2} digits")
    @MethodSource("cases")
    void productIsTheSpectralFunctionOfYhat(String name, Instance inst, int digits) {
        Precision p = Precision.of(digits);
        ClosedForm cf = ClosedForm.of(inst, p);
        Point x = cf.point();
        ApMatrix product = x.product().multiply(centredScaledMeans(inst, x, p));
        ApMatrix u = cf.spectrum().left();
        ApMatrix v = cf.spectrum().right();
        ApMatrix target = u.scaleColumns(cf.productSingularValues()).multiply(v.transpose());
        Apfloat diff = product.subtract(target).frobeniusNorm();
        Apfloat scale = target.frobeniusNorm().compareTo(Apfloat.ONE) > 0 ? target.frobeniusNorm() : Apfloat.ONE;
        assertSmall(p.helper().divide(diff, scale), tol(p),
            name + " at " + digits + " digits: W_L...W_1 X - U diag(p*) V^T");
        assertTrue(cf.survivingDirections() <= inst.bottleneck(), name + ": rank " + cf.survivingDirections() + " exceeds r = " + inst.bottleneck());
    }

    @ParameterizedTest(name = "{0} at {2} digits")
    @MethodSource("cases")
    void factorsAreBalanced(String name, Instance inst, int digits) {
        Precision p = Precision.of(digits);
        Point x = ClosedForm.of(inst, p).point();
        for (int l = 1; l < inst.depth(); l++) {
            ApMatrix next = x.weight(l + 1);
            ApMatrix cur = x.weight(l);
            ApMatrix a = next.transpose().multiply(next).scale(p.of(inst.lambdaW(l + 1)));
            ApMatrix b = cur.multiply(cur.transpose()).scale(p.of(inst.lambdaW(l)));
            assertSmall(relativeDistance(a, b, p), tol(p), name + " at " + digits
                + " digits: lambda_W" + (l + 1) + " W^T W = lambda_W" + l + " W W^T");
        }
        ApMatrix w1 = x.weight(1);
        ApMatrix a = w1.transpose().multiply(w1).scale(p.of(inst.lambdaW(1)));
        ApMatrix b = featureGram(inst, x, p).scale(p.of(inst.lambdaH()));
        assertSmall(relativeDistance(a, b, p), tol(p), name + " at " + digits
            + " digits: lambda_W1 W_1^T W_1 = lambda_H H H^T");
    }

    /**
     * The factor singular values: prod_j a_{j,i} = p*(s_i), lambda_j a_{j,i}^2 the same for every
     * factor j, and the closed form's rows of U^T W and columns of X V carry exactly these norms.
     */
    @ParameterizedTest(name = "{0} at {2} digits")
    @MethodSource("cases")
    void factorSingularValuesMultiplyToPAndAreTheNormsOfThePoint(String name, Instance inst, int digits) {
        Precision p = Precision.of(digits);
        FixedPrecisionApfloatHelper h = p.helper();
        ClosedForm cf = ClosedForm.of(inst, p);
        Apfloat[] pstar = cf.productSingularValues();
        Apfloat[] xh = cf.factorSingularValues(0);
        Apfloat[] w = xh.clone();
        for (int i = 0; i < w.length; i++) {
            w[i] = Apfloat.ONE;
        }
        for (int l = 1; l <= inst.depth(); l++) {
            Apfloat[] a = cf.factorSingularValues(l);
            for (int i = 0; i < w.length; i++) {
                w[i] = h.multiply(w[i], a[i]);
                Apfloat balanceL = h.multiply(p.of(inst.lambdaW(l)), h.multiply(a[i], a[i]));
                Apfloat balanceH = h.multiply(p.of(inst.lambdaH()), h.multiply(xh[i], xh[i]));
                assertSmall(ApfloatMath.abs(h.subtract(balanceL, balanceH)), tol(p), name + ": balance of W_" + l
                    + " and H at i = " + (i + 1));
            }
        }
        ApMatrix uw = cf.spectrum().left().transpose().multiply(cf.point().product());
        ApMatrix xv = centredScaledMeans(inst, cf.point(), p).multiply(cf.spectrum().right());
        for (int i = 0; i < w.length; i++) {
            assertSmall(ApfloatMath.abs(h.subtract(h.multiply(w[i], xh[i]), pstar[i])), tol(p), name + ": w x = p at "
                + (i + 1));
            assertSmall(ApfloatMath.abs(h.subtract(ApMatrix.norm(uw.row(i), p), w[i])), tol(p), name
                + ": ||row " + (i + 1) + " of U^T W|| = w");
            assertSmall(ApfloatMath.abs(h.subtract(ApMatrix.norm(xv.column(i), p), xh[i])), tol(p), name
                + ": ||column " + (i + 1) + " of X V|| = a_H");
        }
        assertEquals(pstar[0].signum() > 0, xh[0].signum() > 0, name + ": a_H vanishes exactly with p");
    }

    @ParameterizedTest(name = "{0} at {2} digits")
    @MethodSource("cases")
    void weightedMeanVanishesAndBiasIsTheClassFrequency(String name, Instance inst, int digits) {
        Precision p = Precision.of(digits);
        FixedPrecisionApfloatHelper h = p.helper();
        ClosedForm cf = ClosedForm.of(inst, p);
        Point x = cf.point();
        ApMatrix m = x.classMeans();
        Apfloat[] n = new Apfloat[inst.classes()];
        Apfloat scale = Apfloat.ZERO;
        for (int c = 0; c < n.length; c++) {
            n[c] = p.of(inst.size(c));
            scale = h.add(scale, h.multiply(n[c], ApMatrix.norm(m.column(c), p)));
        }
        Apfloat mean = ApMatrix.norm(m.multiply(n), p);
        assertSmall(scale.signum() == 0 ? mean : h.divide(mean, scale), tol(p),
            name + " at " + digits + " digits: ||sum_k n_k m_k|| / sum_k n_k ||m_k||");
        Apfloat[] b = x.bias();
        for (int c = 0; c < n.length; c++) {
            Apfloat want = p.of(new Aprational(new Apint(inst.size(c)), inst.totalExact()));
            Apfloat err = h.divide(ApfloatMath.abs(h.subtract(b[c], want)), want);
            assertSmall(err, p.target(), name + ": b_" + (c + 1) + " = n_" + (c + 1) + " / N");
        }
    }

    @ParameterizedTest(name = "{0} at {2} digits")
    @MethodSource("cases")
    void objectiveIsTheFormulaAndFrameIndependent(String name, Instance inst, int digits) {
        Precision p = Precision.of(digits);
        FixedPrecisionApfloatHelper h = p.helper();
        ClosedForm cf = ClosedForm.of(inst, p);
        Apfloat canonical = Objective.value(inst, cf.point(), p);
        long seed = SEED + digits;
        ClosedForm rot = ClosedForm.rotated(inst, p, seed);
        Apfloat rotated = Objective.value(inst, rot.point(), p);
        Apfloat fStar = cf.objective();
        assertSmall(h.divide(ApfloatMath.abs(h.subtract(canonical, fStar)), fStar), tol(p),
            name + " at " + digits + " digits: f(closed form) = f*");
        assertSmall(h.divide(ApfloatMath.abs(h.subtract(rotated, fStar)), fStar), tol(p),
            name + " at " + digits + " digits: f(rotated closed form, seed " + seed + ") = f*");
        // the rotated point is the same minimizer in other frames: same product, different W_1
        ApMatrix prodC = cf.point().product().multiply(centredScaledMeans(inst, cf.point(), p));
        ApMatrix prodR = rot.point().product().multiply(centredScaledMeans(inst, rot.point(), p));
        assertSmall(relativeDistance(prodR, prodC, p), tol(p), name + ": rotated product (seed " + seed + ")");
        if (cf.survivingDirections() > 0) {
            Apfloat moved = relativeDistance(rot.point().weight(1), cf.point().weight(1), p);
            assertTrue(moved.compareTo(p.pow10(-3)) > 0, name + ": rotation (seed " + seed + ") did not move W_1");
        }
    }

    @Test
    void largeWeightDecayCollapsesEverything() {
        for (int digits : new int[] {30, 60}) {
            Precision p = Precision.of(digits);
            Instance inst = Instances.collapsed();
            ClosedForm cf = ClosedForm.of(inst, p);
            assertTrue(cf.threshold().compareTo(cf.spectrum().singularValue(0)) > 0, "s_1 must lie below s_crit");
            assertEquals(0, cf.survivingDirections(), "rank");
            for (Apfloat v : cf.productSingularValues()) {
                assertEquals(0, v.signum(), "p* must be exactly 0");
            }
            Point x = cf.point();
            for (int l = 1; l <= inst.depth(); l++) {
                assertTrue(x.weight(l).isZero(), "W_" + l + " must be exactly 0");
            }
            assertTrue(x.classMeans().isZero(), "class means must be exactly 0");
            FixedPrecisionApfloatHelper h = p.helper();
            Apfloat[] b = x.bias();
            for (int c = 0; c < b.length; c++) {
                Apfloat want = p.of(new Aprational(new Apint(inst.size(c)), inst.totalExact()));
                assertSmall(h.divide(ApfloatMath.abs(h.subtract(b[c], want)), want), p.target(), "b_" + (c + 1));
            }
            // f* = sum_i s_i^2 / (2N) = trace(Yhat Yhat^T) / (2N) = (N - sum n^2 / N) / (2N), exactly
            long n = inst.total();
            long sq = 0;
            for (long s : inst.sizes()) {
                sq += s * s;
            }
            Aprational exact = new Aprational(new Apint(n * n - sq), new Apint(2 * n * n));
            Apfloat want = p.of(exact);
            assertSmall(h.divide(ApfloatMath.abs(h.subtract(cf.objective(), want)), want), tol(p), "f* of the collapse");
            assertSmall(h.divide(ApfloatMath.abs(h.subtract(Objective.value(inst, x, p), want)), want), tol(p),
                "f(0, 0, n/N)");
        }
    }
}
