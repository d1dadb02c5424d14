package org.ncverify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

class ObjectiveTest {
    private static final Precision P40 = Precision.of(40);

    /** Which variable an FD probe moves. */
    private enum Kind { WEIGHT, FEATURE, BIAS }

    /** One probed coordinate: layer or class index a, row i, column j. */
    private record Probe(Kind kind, int a, int i, int j) {
    }

    /** The point with the probed coordinate moved by delta. */
    private static Point shifted(Point x, Probe pr, Apfloat delta, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        switch (pr.kind) {
            case WEIGHT: {
                ApMatrix w = x.weight(pr.a);
                return x.withWeight(pr.a, w.with(pr.i, pr.j, h.add(w.get(pr.i, pr.j), delta)));
            }
            case FEATURE: {
                ApMatrix b = x.classBlock(pr.a);
                return x.withClassBlock(pr.a, b.with(pr.i, pr.j, h.add(b.get(pr.i, pr.j), delta)));
            }
            default: {
                Apfloat[] b = x.bias();
                b[pr.i] = h.add(b[pr.i], delta);
                return x.withBias(b);
            }
        }
    }

    /**
     * The analytic partial derivative of f with respect to the STORED coordinate: a stored
     * feature column moves its w_k samples together, so it is w_k times the per-sample gradient.
     */
    private static Apfloat analytic(Gradient g, Point x, Probe pr, Precision p) {
        switch (pr.kind) {
            case WEIGHT:
                return g.gradientW(pr.a).get(pr.i, pr.j);
            case FEATURE:
                return p.helper().multiply(g.gradientFeatures(pr.a).get(pr.i, pr.j), p.of(x.multiplicity(pr.a)));
            default:
                return g.gradientBias()[pr.i];
        }
    }

    /** Central difference (f(x + s e) - f(x - s e)) / (2 s). */
    private static Apfloat centralDifference(Instance inst, Point x, Probe pr, Apfloat step, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat fp = Objective.value(inst, shifted(x, pr, step, p), p);
        Apfloat fm = Objective.value(inst, shifted(x, pr, step.negate(), p), p);
        return h.divide(h.subtract(fp, fm), h.multiply(p.of(2L), step));
    }

    /** |fd - g| / (|g| + ||grad||). */
    private static double mismatch(Apfloat fd, Apfloat g, Gradient grad, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat diff = ApfloatMath.abs(h.subtract(fd, g));
        Apfloat den = h.add(ApfloatMath.abs(g), grad.norm());
        return diff.signum() == 0 ? 0.0 : h.divide(diff, den).doubleValue();
    }

    private static List<Probe> probes() {
        List<Probe> list = new ArrayList<>();
        list.add(new Probe(Kind.WEIGHT, 1, 0, 0));
        list.add(new Probe(Kind.WEIGHT, 1, 2, 1));
        list.add(new Probe(Kind.WEIGHT, 2, 1, 2));
        list.add(new Probe(Kind.WEIGHT, 2, 2, 0));
        list.add(new Probe(Kind.FEATURE, 0, 0, 0));
        list.add(new Probe(Kind.FEATURE, 1, 1, 0));
        list.add(new Probe(Kind.FEATURE, 2, 0, 0));
        list.add(new Probe(Kind.BIAS, 0, 0, 0));
        list.add(new Probe(Kind.BIAS, 0, 2, 0));
        return list;
    }

    private static void assertGradientMatchesFd(Instance inst, Point x) {
        Gradient g = Objective.evaluate(inst, x, P40).gradient();
        Apfloat step = P40.pow10(-15);
        for (Probe pr : probes()) {
            Probe probe = pr;
            if (pr.kind == Kind.FEATURE && pr.j >= x.columns(pr.a)) {
                probe = new Probe(pr.kind, pr.a, pr.i, 0);
            }
            Apfloat fd = centralDifference(inst, x, probe, step, P40);
            double rel = mismatch(fd, analytic(g, x, probe, P40), g, P40);
            assertTrue(rel < 1e-25, probe + ": relative mismatch " + rel);
        }
    }

    @Test
    void gradientMatchesCentralDifferencesWithExplicitFeatures() {
        Instance inst = ModelFixtures.small();
        Point x = ModelFixtures.randomFeaturesPoint(inst, new Random(11), P40);
        assertGradientMatchesFd(inst, x);
        // a second feature column of class 0 (q_0 = 3 here)
        Gradient g = Objective.evaluate(inst, x, P40).gradient();
        Probe pr = new Probe(Kind.FEATURE, 0, 1, 2);
        Apfloat fd = centralDifference(inst, x, pr, P40.pow10(-15), P40);
        assertTrue(mismatch(fd, analytic(g, x, pr, P40), g, P40) < 1e-25);
    }

    @Test
    void gradientMatchesCentralDifferencesWithClassMeans() {
        Instance inst = ModelFixtures.small();
        Point x = ModelFixtures.randomMeansPoint(inst, new Random(12), P40);
        assertGradientMatchesFd(inst, x);
    }

    @Test
    void finiteDifferenceCheckCanFail() {
        Instance inst = ModelFixtures.small();
        Point x = ModelFixtures.randomFeaturesPoint(inst, new Random(13), P40);
        Gradient g = Objective.evaluate(inst, x, P40).gradient();
        Apfloat step = P40.pow10(-15);

        // (a) the point moves between the gradient and the FD evaluation
        Probe w = new Probe(Kind.WEIGHT, 2, 1, 2);
        Point moved = shifted(x, w, P40.pow10(-12), P40);
        double relMoved = mismatch(centralDifference(inst, moved, w, step, P40), analytic(g, x, w, P40), g, P40);
        assertTrue(relMoved > 1e-20, "moving the point should break the FD check, mismatch " + relMoved);

        // (b) a gradient that forgets the lambda_H h term
        Probe f = new Probe(Kind.FEATURE, 1, 0, 1);
        FixedPrecisionApfloatHelper h = P40.helper();
        Apfloat wrong = h.subtract(analytic(g, x, f, P40),
            h.multiply(P40.of(inst.lambdaH()), x.classBlock(1).get(0, 1)));
        double relWrong = mismatch(centralDifference(inst, x, f, step, P40), wrong, g, P40);
        assertTrue(relWrong > 1e-6, "a gradient without lambda_H h should fail, mismatch " + relWrong);
    }

    @Test
    void classMeanAndFullFeatureStorageAgree() {
        Instance inst = Instance.of(new long[] {5, 3, 2}, 2, new int[] {3}, 2,
            new Aprational[] {ModelFixtures.rational(1, 100), ModelFixtures.rational(3, 100)},
            ModelFixtures.rational(1, 50));
        Random rnd = new Random(21);
        Point means = ModelFixtures.randomMeansPoint(inst, rnd, P40);
        ApMatrix m = means.classMeans();
        Apfloat[][] cols = new Apfloat[(int) inst.total()][];
        int s = 0;
        for (int k = 0; k < inst.classes(); k++) {
            for (long i = 0; i < inst.size(k); i++) {
                cols[s++] = m.column(k);
            }
        }
        Point full = Point.ofFeatures(inst, means.weights(), ApMatrix.fromColumns(cols, P40), means.bias());
        Evaluation a = Objective.evaluate(inst, means, P40);
        Evaluation b = Objective.evaluate(inst, full, P40);
        double tol = 1e-35;
        assertClose(a.value(), b.value(), tol, "value");
        assertClose(a.dataTerm(), b.dataTerm(), tol, "data term");
        assertClose(a.penalty(), b.penalty(), tol, "penalty");
        assertClose(a.gradient().norm(), b.gradient().norm(), tol, "gradient norm");
        assertClose(a.gradient().scale(), b.gradient().scale(), tol, "gradient scale");
        for (int l = 1; l <= inst.depth(); l++) {
            assertTrue(rel(a.gradient().gradientW(l).subtract(b.gradient().gradientW(l)).frobeniusNorm(),
                a.gradient().norm()) < tol, "gradient W_" + l);
        }
        for (int k = 0; k < inst.classes(); k++) {
            ApMatrix gk = a.gradient().gradientFeatures(k);
            ApMatrix full_k = b.gradient().gradientFeatures(k);
            for (int j = 0; j < full_k.cols(); j++) {
                ApMatrix col = full_k.block(0, full_k.rows(), j, j + 1);
                assertTrue(rel(col.subtract(gk).frobeniusNorm(), a.gradient().norm()) < tol,
                    "feature gradient of class " + k + " column " + j);
            }
        }
        Apfloat[] ba = a.gradient().gradientBias();
        Apfloat[] bb = b.gradient().gradientBias();
        for (int k = 0; k < ba.length; k++) {
            assertTrue(rel(ApfloatMath.abs(ba[k].subtract(bb[k])), a.gradient().norm()) < tol, "bias " + k);
        }
    }

    /** f by plain double loops over all N samples, independent of the model package. */
    private static double referenceValue(Instance inst, Point x) {
        int depth = inst.depth();
        double n = inst.total();
        double data = 0;
        long sample = 0;
        double[] b = new double[inst.classes()];
        for (int k = 0; k < b.length; k++) {
            b[k] = x.bias()[k].doubleValue();
        }
        double featureSq = 0;
        for (int k = 0; k < inst.classes(); k++) {
            for (long i = 0; i < inst.size(k); i++, sample++) {
                double[] a = toDouble(x.featureColumn(sample).column(0));
                for (double v : a) {
                    featureSq += v * v;
                }
                for (int l = 1; l <= depth; l++) {
                    double[][] w = x.weight(l).toDoubleArray();
                    double[] next = new double[w.length];
                    for (int r = 0; r < w.length; r++) {
                        for (int c = 0; c < a.length; c++) {
                            next[r] += w[r][c] * a[c];
                        }
                    }
                    a = next;
                }
                for (int r = 0; r < a.length; r++) {
                    double res = a[r] + b[r] - (r == k ? 1 : 0);
                    data += res * res;
                }
            }
        }
        double penalty = inst.lambdaH().doubleValue() / 2 * featureSq;
        for (int l = 1; l <= depth; l++) {
            double s = 0;
            for (double[] row : x.weight(l).toDoubleArray()) {
                for (double v : row) {
                    s += v * v;
                }
            }
            penalty += inst.lambdaW(l).doubleValue() / 2 * s;
        }
        return data / (2 * n) + penalty;
    }

    private static double[] toDouble(Apfloat[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i].doubleValue();
        }
        return d;
    }

    @Test
    void valueMatchesIndependentDoubleLoops() {
        Instance small = ModelFixtures.small();
        Point x = ModelFixtures.randomFeaturesPoint(small, new Random(31), P40);
        double f = Objective.evaluate(small, x, P40).value().doubleValue();
        assertEquals(referenceValue(small, x), f, 1e-12 * Math.abs(f));

        Instance larger = Instance.of(new long[] {50, 20, 7, 1}, 3, new int[] {4, 2}, 3,
            new Aprational[] {ModelFixtures.rational(1, 1000)}, ModelFixtures.rational(1, 200));
        Precision p = Precision.of(30);
        Random rnd = new Random(32);
        Point y = ModelFixtures.randomMeansPoint(larger, rnd, p);
        double fy = Objective.evaluate(larger, y, p).value().doubleValue();
        assertEquals(referenceValue(larger, y), fy, 1e-12 * Math.abs(fy));
        Point z = ModelFixtures.randomFeaturesPoint(larger, rnd, p);
        double fz = Objective.evaluate(larger, z, p).value().doubleValue();
        assertEquals(referenceValue(larger, z), fz, 1e-12 * Math.abs(fz));
    }

    /** sum_k n_k ||n/N - e_k||^2 / (2N), exact. */
    private static Aprational zeroPointValue(Instance inst) {
        Apint n = inst.totalExact();
        Aprational sum = Aprational.ZERO;
        for (int k = 0; k < inst.classes(); k++) {
            Aprational sq = Aprational.ZERO;
            for (int j = 0; j < inst.classes(); j++) {
                Aprational v = new Aprational(new Apint(inst.size(j)), n).subtract(j == k ? Apint.ONE : Apint.ZERO);
                sq = sq.add(v.multiply(v));
            }
            sum = sum.add(sq.multiply(new Apint(inst.size(k))));
        }
        return sum.divide(n.multiply(new Apint(2)));
    }

    private static Point zeroPoint(Instance inst, Precision p) {
        List<ApMatrix> w = new ArrayList<>();
        for (int l = 1; l <= inst.depth(); l++) {
            w.add(ApMatrix.zeros(inst.layerDim(l), inst.layerDim(l - 1), p));
        }
        Apfloat[] b = new Apfloat[inst.classes()];
        for (int k = 0; k < b.length; k++) {
            b[k] = p.of(new Aprational(new Apint(inst.size(k)), inst.totalExact()));
        }
        return Point.ofClassMeans(inst, w, ApMatrix.zeros(inst.dim(), inst.classes(), p), b);
    }

    @Test
    void allZeroPointHasZeroGradientAndKnownValue() {
        // n/N exactly representable: the computed gradient is exactly zero
        Instance exact = Instance.of(new long[] {2, 1, 1}, 2, new int[] {3}, 2,
            new Aprational[] {ModelFixtures.rational(1, 100)}, ModelFixtures.rational(1, 50));
        Evaluation e = Objective.evaluate(exact, zeroPoint(exact, P40), P40);
        Gradient g = e.gradient();
        assertEquals(0, g.norm().signum(), "gradient norm");
        for (int l = 1; l <= exact.depth(); l++) {
            assertTrue(g.gradientW(l).isZero(), "gradient W_" + l);
        }
        for (int k = 0; k < exact.classes(); k++) {
            assertTrue(g.gradientFeatures(k).isZero(), "gradient features " + k);
            assertEquals(0, g.gradientBias()[k].signum(), "gradient b " + k);
        }
        assertTrue(g.scale().signum() > 0, "scale must be positive at the zero point");
        assertClose(P40.of(zeroPointValue(exact)), e.value(), 1e-40, "value");
        assertEquals(0, e.penalty().signum());

        // n/N not representable (1/6): gradient zero up to rounding, relative to the scale
        Instance small = ModelFixtures.small();
        Evaluation s = Objective.evaluate(small, zeroPoint(small, P40), P40);
        Apfloat bound = P40.helper().multiply(P40.epsilon(), P40.helper().multiply(P40.of(100L), s.gradient().scale()));
        assertTrue(s.gradient().norm().compareTo(bound) <= 0, "gradient " + s.gradient());
        assertTrue(s.gradient().scale().signum() > 0);
        assertClose(P40.of(zeroPointValue(small)), s.value(), 1e-40, "value");
    }

    @Test
    void hugeClassSizesNeverMaterialiseSamples() {
        Instance big = Instance.of(new long[] {1_000_000_000_000L, 3, 7}, 2, null, 2,
            new Aprational[] {ModelFixtures.rational(1, 1000)}, ModelFixtures.rational(1, 1000));
        Evaluation e = Objective.evaluate(big, zeroPoint(big, P40), P40);
        assertClose(P40.of(zeroPointValue(big)), e.value(), 1e-38, "value");
        // b = n/N rounded to the working precision moves the exact gradient by ~eps ||b||, which
        // here is NOT small against eps * scale (scale ~ K/N from the tiny residuals): the
        // stationarity residual norm/scale is ~eps * N / n_small, still below 10^-P at P = 40.
        FixedPrecisionApfloatHelper h = P40.helper();
        assertTrue(e.gradient().norm().compareTo(h.multiply(P40.of(100L), P40.epsilon())) <= 0,
            e.gradient().toString());
        assertTrue(h.divide(e.gradient().norm(), e.gradient().scale()).compareTo(P40.target()) < 0,
            e.gradient().toString());
    }

    @Test
    void rejectsPointOfAnotherInstance() {
        Instance a = ModelFixtures.small();
        Instance b = Instance.of(new long[] {3, 2, 2}, 2, new int[] {3}, 2,
            new Aprational[] {ModelFixtures.rational(1, 100), ModelFixtures.rational(3, 100)},
            ModelFixtures.rational(1, 50));
        Point x = ModelFixtures.randomMeansPoint(a, new Random(41), P40);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Objective.evaluate(b, x, P40));
    }

    private static double rel(Apfloat diff, Apfloat ref) {
        if (diff.signum() == 0) {
            return 0;
        }
        return P40.helper().divide(ApfloatMath.abs(diff), ApfloatMath.abs(ref)).doubleValue();
    }

    private static void assertClose(Apfloat expected, Apfloat actual, double tol, String what) {
        double r = rel(P40.helper().subtract(expected, actual), expected);
        assertTrue(r <= tol, what + ": " + expected + " vs " + actual + " (relative " + r + ")");
    }
}
