package org.ncverify.polish;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Objective;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * The analytic Hessian-vector products of {@link HessianVector} against central differences
 * of {@link Objective}'s gradient, and the singular directions the gauge symmetry creates.
 */
class HessianVectorTest {
    /** 60 digits (+12 guard): eps = 1e-72. */
    private static final Precision P = Precision.of(60);

    private static Apfloat[] randomVector(int n, long seed) {
        Random rnd = new Random(seed);
        Apfloat[] v = new Apfloat[n];
        for (int i = 0; i < n; i++) {
            v[i] = P.ofBinary(rnd.nextGaussian());
        }
        return v;
    }

    /** A generic point: the perturbed double start (a non-stationary point, gradient ~1e-6). */
    private static Apfloat[] point(FlatPoints layout, long seed) {
        return layout.vector(PolishFixtures.doubleStart(layout.instance(), seed), P);
    }

    @Test
    void gradientAgreesWithObjective() {
        Instance inst = Instances.imbalanced();
        FlatPoints layout = FlatPoints.of(inst);
        Apfloat[] x = point(layout, 5L);
        Apfloat[] g = new HessianVector(layout, x, P).gradient();
        Apfloat[] ref = layout.vector(Objective.evaluate(inst, layout.point(x, P), P).gradient(), P);
        Apfloat err = FlatVectors.norm(FlatVectors.axpy(g, P.of(-1L), ref, P), P);
        // both are the same sums in different order: rounding only, eps * (scale ~ 10)
        assertTrue(err.compareTo(P.pow10(-P.working() + 4)) < 0, () -> "gradient differs by " + err);
    }

    /**
     * Central differences (g(x + e v) - g(x - e v)) / 2e with e = 1e-20: truncation e^2 |f'''| ~
     * 1e-40 |f'''|, rounding eps scale / e ~ 1e-51; so the two agree to 1e-36 relative unless
     * the analytic formula is wrong (a wrong term is of order |H v| ~ 1e-3..1).
     */
    @Test
    void productsAgreeWithCentralDifferencesOfTheGradient() {
        for (Instance inst : new Instance[] {Instances.balanced(), Instances.imbalanced(), Instances.narrow()}) {
            FlatPoints layout = FlatPoints.of(inst);
            Apfloat[] x = point(layout, 11L);
            Apfloat[] v = randomVector(layout.size(), 12L);
            Apfloat[] hv = new HessianVector(layout, x, P).apply(v);
            Apfloat e = P.pow10(-20);
            Apfloat[] gp = gradient(layout, FlatVectors.axpy(x, e, v, P));
            Apfloat[] gm = gradient(layout, FlatVectors.axpy(x, P.helper().negate(e), v, P));
            Apfloat[] fd = FlatVectors.scale(P.helper().divide(P.of(1L), P.helper().multiply(P.of(2L), e)),
                FlatVectors.axpy(gp, P.of(-1L), gm, P), P);
            Apfloat err = FlatVectors.norm(FlatVectors.axpy(hv, P.of(-1L), fd, P), P);
            Apfloat rel = P.helper().divide(err, FlatVectors.norm(hv, P));
            assertTrue(rel.compareTo(P.pow10(-36)) < 0, () -> inst.describe() + ": |Hv - FD| / |Hv| = " + rel);
        }
    }

    @Test
    void productsAreSymmetric() {
        Instance inst = Instances.narrow();
        FlatPoints layout = FlatPoints.of(inst);
        HessianVector hess = new HessianVector(layout, point(layout, 21L), P);
        Apfloat[] u = randomVector(layout.size(), 22L);
        Apfloat[] v = randomVector(layout.size(), 23L);
        Apfloat uhv = FlatVectors.dot(u, hess.apply(v), P);
        Apfloat vhu = FlatVectors.dot(v, hess.apply(u), P);
        Apfloat diff = ApfloatMath.abs(P.helper().subtract(uhv, vhu));
        assertTrue(diff.compareTo(P.pow10(-P.digits())) < 0, () -> "u.Hv - v.Hu = " + diff);
    }

    /**
     * At the closed-form minimizer the tangent of the gauge orbit, (W_1, H) -&gt; (-W_1 S, S H)
     * for a skew S of the feature space (and W_2 -&gt; -W_2 S', W_1 -&gt; S' W_1 in a hidden space),
     * is a null vector of the Hessian: the reason for the damping. A random direction is not.
     */
    @Test
    void gaugeDirectionsAreNullDirectionsAtTheMinimizer() {
        Instance inst = Instances.imbalanced(); // L = 2, d = d_1 = 6
        FlatPoints layout = FlatPoints.of(inst);
        Point cf = ClosedForm.rotated(inst, P, 31L).point();
        Apfloat[] x = layout.vector(cf, P);
        HessianVector hess = new HessianVector(layout, x, P);
        ApMatrix s0 = skew(inst.dim(), 32L);
        ApMatrix s1 = skew(inst.layerDim(1), 33L);
        ApMatrix[] wd = new ApMatrix[3];
        // W_1 -> Q1 W_1 Q0^T, W_2 -> W_2 Q1^T, H -> Q0 H with Q = I + t S
        wd[1] = s1.multiply(cf.weight(1)).subtract(cf.weight(1).multiply(s0));
        wd[2] = cf.weight(2).multiply(s1).scale(P.of(-1L));
        ApMatrix hd = s0.multiply(layout.features(x, P));
        Apfloat[] xi = layout.vector(wd, hd, FlatVectors.zeros(inst.classes()), P);
        Apfloat null0 = P.helper().divide(FlatVectors.norm(hess.apply(xi), P), FlatVectors.norm(xi, P));
        assertTrue(null0.compareTo(P.pow10(-P.digits() + 5)) < 0, () -> "|H xi| / |xi| = " + null0);
        Apfloat[] v = randomVector(layout.size(), 34L);
        Apfloat generic = P.helper().divide(FlatVectors.norm(hess.apply(v), P), FlatVectors.norm(v, P));
        assertTrue(generic.compareTo(P.pow10(-4)) > 0, () -> "|H v| / |v| = " + generic);
    }

    /**
     * The null space of the Hessian at the closed form is exactly the tangent of the gauge orbit:
     * its dimension is sum_{l=0}^{L-1} [d_l (d_l - 1)/2 - (d_l - rho)(d_l - rho - 1)/2], rho the
     * number of surviving directions (the rotations of the common null space of the factors,
     * O(d_l - rho), fix the point). The Hessian is assembled column by column from products
     * at 30 digits and its eigenvalues taken in double: the null ones come out at rounding level
     * (~1e-16 ||H||) and the nonzero ones are at least of the order of the weight decays.
     * partial() has a direction collapsed by the threshold (L = 2) and collapsed() all of them:
     * collapsed directions are not flat (the decays curve them), only the orbit is.
     */
    @Test
    void nullityOfTheHessianIsTheDimensionOfTheGaugeOrbit() {
        Precision p = Precision.of(30);
        Instance[] cases = {Instances.balanced(), Instances.imbalanced(), Instances.narrow(), Instances.partial(),
            Instances.collapsed()};
        for (Instance inst : cases) {
            ClosedForm cf = ClosedForm.rotated(inst, p, 41L);
            FlatPoints layout = FlatPoints.of(inst);
            HessianVector hess = new HessianVector(layout, layout.vector(cf.point(), p), p);
            int n = layout.size();
            double[][] m = new double[n][n];
            for (int j = 0; j < n; j++) {
                Apfloat[] e = FlatVectors.zeros(n);
                e[j] = Apfloat.ONE;
                Apfloat[] col = hess.apply(e);
                for (int i = 0; i < n; i++) {
                    m[i][j] = col[i].doubleValue();
                }
            }
            double[] eig = eigenvalues(m);
            double top = Arrays.stream(eig).map(Math::abs).max().orElse(0);
            long nullity = Arrays.stream(eig).filter(x -> Math.abs(x) <= 1e-12 * top).count();
            double smallestNonzero = Arrays.stream(eig).map(Math::abs).filter(x -> x > 1e-12 * top)
                .min().orElse(0);
            int rho = cf.survivingDirections();
            int expected = 0;
            for (int l = 0; l < inst.depth(); l++) {
                int dl = inst.layerDim(l);
                expected += dl * (dl - 1) / 2 - (dl - rho) * (dl - rho - 1) / 2;
            }
            System.out.printf("%s: n = %d, nullity %d (orbit %d), smallest nonzero |eigenvalue| %.3g, largest %.3g%n",
                inst.describe(), n, nullity, expected, smallestNonzero, top);
            assertTrue(nullity == expected, inst.describe() + ": nullity " + nullity + ", orbit dimension " + expected);
            assertTrue(Arrays.stream(eig).min().orElse(0) > -1e-12 * top, "a negative eigenvalue");
        }
    }

    /**
     * The eigenvalues of a symmetric matrix from its SVD A = U S V^T: lambda_i = s_i sign(u_i . v_i).
     * (Hipparchus' symmetric QL iteration failed to converge on the 354 x 354 Hessian of the
     * partial instance; the Golub-Kahan SVD does not.)
     */
    private static double[] eigenvalues(double[][] m) {
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(m));
        double[] s = svd.getSingularValues();
        double[] eig = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            double dot = svd.getU().getColumnVector(i).dotProduct(svd.getV().getColumnVector(i));
            eig[i] = dot < 0 ? -s[i] : s[i];
        }
        return eig;
    }

    private static ApMatrix skew(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = rnd.nextGaussian();
                a[j][i] = -a[i][j];
            }
        }
        return ApMatrix.of(a, P);
    }

    private static Apfloat[] gradient(FlatPoints layout, Apfloat[] x) {
        return layout.vector(Objective.evaluate(layout.instance(), layout.point(x, P), P).gradient(), P);
    }
}
