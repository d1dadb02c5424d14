package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.spectrum.SingularVectors;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * C1, C2, C5, C6, C7, C9 on the factored closed form ({@link FactoredGeometry}, the route of
 * verify above {@link FactoredGeometry#DENSE_GEOMETRY_BUDGET}) against the dense route on the
 * same point, built densely here from the same factors and pairs: the right point PASSes on
 * both, far inside the tolerance; a wrong factor 100x past the tolerance FAILs on both with the
 * same residual, 0.01x of it PASSes; a frame bound too wide to decide gives INCONCLUSIVE, never
 * FAIL; at K = 240 no K x K matrix is formed ({@link ApMatrix#resetLargest()}).
 */
class FactoredGeometryTest {
    private static final int DIGITS = 30;
    private static final Map<String, FactoredGeometry> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** No tie; a surviving tied block (s^2 = 6, multiplicity 2); deep L = 4; hidden widths r = 2. */
    private static List<Instance> instances() {
        return List.of(Instances.imbalanced(), tied(), Instances.deep(), Instances.narrow());
    }

    private static Instance tied() {
        return Instance.of(new long[] {10, 6, 6, 6, 3, 2}, 6, null, 2, new Aprational[] {Instances.dec("1e-3")},
            Instances.dec("1e-3"));
    }

    private static FactoredGeometry factored(Instance inst) {
        return CACHE.computeIfAbsent(inst.describe(),
            k -> FactoredGeometry.of(Subject.ofClosedForm(ClosedForm.of(inst, Precision.of(DIGITS)))));
    }

    /** The six claims judged on the factored form. */
    private static Map<String, Function<FactoredGeometry, Verdict>> factoredClaims() {
        Map<String, Function<FactoredGeometry, Verdict>> m = new LinkedHashMap<>();
        m.put("C1", f -> new C1WithinClassCollapse().judgeFactored(f));
        m.put("C2", f -> new C2OptimalBias().judgeFactored(f));
        m.put("C5", f -> new C5LeftGeometry().judgeFactored(f));
        m.put("C6", f -> new C6RightGeometry().judgeFactored(f));
        m.put("C7", f -> new C7Alignment().judgeFactored(f));
        m.put("C9", f -> new C9LayerBalance().judgeFactored(f));
        return m;
    }

    private static Claim denseClaim(String id) {
        return Catalogue.of(List.of(id)).claims().get(0);
    }

    /**
     * The point of {@code f} built densely, as {@link ClosedForm#point()} does, from its own factor
     * values: X = E diag(a_0) V_m^T, W_l = E diag(a_l) E^T, W_L = U_m diag(a_L) E^T, b = n / N.
     */
    static Subject dense(FactoredGeometry f) {
        Instance inst = f.instance();
        Precision p = f.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        ClosedForm cf = f.subject().reference();
        int m = f.directions();
        int k = inst.classes();
        SingularVectors pairs = f.pairs();
        Apfloat[][] u = new Apfloat[m][];
        Apfloat[][] v = new Apfloat[m][];
        for (int i = 0; i < m; i++) {
            u[i] = pairs.left(i);
            v[i] = pairs.right(i);
        }
        List<ApMatrix> frames = new ArrayList<>();
        for (int l = 0; l < inst.depth(); l++) {
            frames.add(canonical(inst.layerDim(l), m, p));
        }
        frames.add(ApMatrix.fromColumns(u, p));
        ApMatrix x = frames.get(0).scaleColumns(f.factor(0)).multiply(ApMatrix.fromColumns(v, p).transpose());
        Apfloat[] inv = new Apfloat[k];
        for (int c = 0; c < k; c++) {
            inv[c] = h.divide(Apfloat.ONE, h.sqrt(p.of(inst.size(c))));
        }
        List<ApMatrix> weights = new ArrayList<>();
        for (int l = 1; l <= inst.depth(); l++) {
            weights.add(frames.get(l).scaleColumns(f.factor(l)).multiply(frames.get(l - 1).transpose()));
        }
        Point point = Point.ofClassMeans(inst, weights, x.scaleColumns(inv), cf.bias());
        return Subject.of(cf, point, (int) p.working());
    }

    private static ApMatrix canonical(int rows, int cols, Precision p) {
        Apfloat[][] e = new Apfloat[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = i == j ? Apfloat.ONE : Apfloat.ZERO;
            }
        }
        return ApMatrix.of(e, p);
    }

    /** The factors of f with a_{j,0} multiplied by (1 + factor tol). */
    private static FactoredGeometry scaled(FactoredGeometry f, int j, String factor) {
        Precision p = f.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat tol = f.subject().tolerance(10).value();
        Apfloat[][] a = new Apfloat[f.instance().depth() + 1][];
        for (int l = 0; l < a.length; l++) {
            a[l] = f.factor(l);
        }
        a[j][0] = h.multiply(a[j][0], h.add(Apfloat.ONE, h.multiply(tol, p.ofDecimal(factor))));
        return f.withFactors(a);
    }

    @Test
    void theClosedFormPassesFarInsideOnBothRoutes() {
        for (Instance inst : instances()) {
            FactoredGeometry f = factored(inst);
            Subject d = dense(f);
            Apfloat tol = f.subject().tolerance(10).value();
            for (Map.Entry<String, Function<FactoredGeometry, Verdict>> e : factoredClaims().entrySet()) {
                Verdict fv = e.getValue().apply(f);
                Verdict dv = Catalogue.run(denseClaim(e.getKey()), d);
                assertEquals(Status.PASS, fv.status(), () -> inst.describe() + " " + fv);
                assertEquals(Status.PASS, dv.status(), () -> inst.describe() + " dense " + dv);
                // far inside: 1e-5 of the tolerance. Since C9's factored bound includes the rounding of the Gram
                // entries (gramRoundingBounds: gamma eps with gamma = 4 (D + 20), eps = 10^-(W-2), about 1e-38 at
                // P = 30, i.e. a few 1e-6 of the tolerance 1e-32) it no longer fits under 1e-6; the checker got
                // stricter, its tolerance did not change
                Apfloat inside = f.precision().helper().multiply(tol, f.precision().ofDecimal("1e-5"));
                assertTrue(fv.residual().compareTo(inside) <= 0, () -> inst.describe() + " not far inside: " + fv);
            }
        }
    }

    /**
     * A factor value 100x the tolerance off FAILs on the factored form and on the dense point with
     * the same residual (to 1e-6 relative: the frame bound is ~1e-10 of it); 0.01x PASSes on both.
     * Each changed claim: C5 (a_{W_L}), C6 and C7 (a_H: C7's basis-free reading), C9 (a_{W_1}).
     */
    @Test
    void aWrongFactorFailsAHundredTimesPastOnBothRoutesAndPassesWellInside() {
        Map<String, Integer> factorOf = new LinkedHashMap<>();
        for (Instance inst : List.of(Instances.imbalanced(), tied())) {
            int depth = inst.depth();
            factorOf.put("C5", depth);
            factorOf.put("C6", 0);
            factorOf.put("C7", 0);
            factorOf.put("C9", 1);
            FactoredGeometry f = factored(inst);
            for (Map.Entry<String, Integer> e : factorOf.entrySet()) {
                Function<FactoredGeometry, Verdict> judge = factoredClaims().get(e.getKey());
                FactoredGeometry far = scaled(f, e.getValue(), "100");
                Verdict fv = judge.apply(far);
                Verdict dv = Catalogue.run(denseClaim(e.getKey()), dense(far));
                String what = inst.describe() + " " + e.getKey();
                assertEquals(Status.FAIL, fv.status(), () -> what + " " + fv);
                assertEquals(Status.FAIL, dv.status(), () -> what + " dense " + dv);
                double ratio = fv.residual().doubleValue() / dv.residual().doubleValue();
                assertEquals(1, ratio, 1e-6, () -> what + ": factored " + fv.residual() + " dense " + dv.residual());
                Verdict near = judge.apply(scaled(f, e.getValue(), "0.01"));
                assertEquals(Status.PASS, near.status(), () -> what + " near " + near);
                Verdict nearDense = Catalogue.run(denseClaim(e.getKey()), dense(scaled(f, e.getValue(), "0.01")));
                assertEquals(Status.PASS, nearDense.status(), () -> what + " near dense " + nearDense);
            }
        }
    }

    /**
     * The frame bounds hold: for each kept pair, ||U^T u_i - e_i|| and ||V^T v_i - e_i|| with U, V
     * the dense frames of a 60-digit spectrum (exact to far below the 30-digit pairs' errors) stay
     * below delta_i and eps_i; and the bounds are small (below 1e-30).
     */
    @Test
    void theFrameBoundsBoundTheDistanceToAMuchMorePreciseFrame() {
        for (Instance inst : List.of(Instances.imbalanced(), tied(), Instances.narrow())) {
            FactoredGeometry f = factored(inst);
            SingularVectors pairs = f.pairs();
            double[][] bound = pairs.frameErrors();
            Precision fine = Precision.of(60);
            ClosedForm exact = ClosedForm.of(inst, fine);
            ApMatrix u = exact.spectrum().left();
            ApMatrix v = exact.spectrum().right();
            for (int i = 0; i < f.directions(); i++) {
                double du = distance(u, pairs.left(i), i, fine);
                double dv = distance(v, pairs.right(i), i, fine);
                int at = i;
                assertTrue(du <= bound[0][i], () -> inst.describe() + " u_" + at + ": " + du + " > " + bound[0][at]);
                assertTrue(dv <= bound[1][i], () -> inst.describe() + " v_" + at + ": " + dv + " > " + bound[1][at]);
                assertTrue(bound[0][i] < 1e-30 && bound[1][i] < 1e-30, () -> inst.describe() + " loose bound " + bound[0][at]);
            }
        }
    }

    /** ||F^T y - e_i|| at precision p. */
    private static double distance(ApMatrix frame, Apfloat[] y, int i, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[] z = frame.transpose().multiply(y);
        z[i] = h.subtract(z[i], Apfloat.ONE);
        return ApMatrix.norm(z, p).doubleValue();
    }

    /** A negative factor of H turns column 1 of X V against row 1 of U^T W: C7's literal reading FAILs on both routes. */
    @Test
    void aReversedDirectionFailsTheLiteralAlignment() {
        FactoredGeometry f = factored(Instances.imbalanced());
        Apfloat[][] a = new Apfloat[f.instance().depth() + 1][];
        for (int l = 0; l < a.length; l++) {
            a[l] = f.factor(l);
        }
        a[0][0] = a[0][0].negate();
        FactoredGeometry reversed = f.withFactors(a);
        Verdict fv = new C7Alignment().judgeFactored(reversed);
        assertEquals(Status.FAIL, fv.readings().get(0).status(), fv::toString);
        assertEquals(Status.FAIL, fv.status());
        Verdict dv = Catalogue.run(new C7Alignment(), dense(reversed));
        assertEquals(Status.FAIL, dv.readings().get(0).status(), dv::toString);
    }

    /**
     * The factored readings carry bounds near 10^-W and their squares in double: up to W = 140 working
     * digits (--digits 128) they PASS with a nonzero bound; at W = 141 C5-C7 and C9 are INCONCLUSIVE
     * with the reason, never a PASS on a bound that underflowed to 0 (what --digits 200 gave before).
     */
    @Test
    void aPrecisionBeyondTheDoubleRangeIsInconclusiveNotAZeroBound() {
        Instance inst = Instances.imbalanced();
        FactoredGeometry inside = FactoredGeometry.of(Subject.ofClosedForm(ClosedForm.of(inst, Precision.of(128))));
        FactoredGeometry beyond = FactoredGeometry.of(Subject.ofClosedForm(ClosedForm.of(inst, Precision.of(129))));
        for (String id : List.of("C5", "C6", "C7", "C9")) {
            Verdict ok = factoredClaims().get(id).apply(inside);
            assertEquals(Status.PASS, ok.status(), () -> id + " " + ok);
            assertTrue(ok.residual().signum() > 0, () -> id + " a zero bound at 128 digits: " + ok);
            Verdict v = factoredClaims().get(id).apply(beyond);
            assertEquals(Status.INCONCLUSIVE, v.status(), () -> id + " " + v);
            assertTrue(v.toString().contains("--digits <= 128"), () -> id + " " + v);
        }
    }

    /** Frame bounds too wide to decide (1e-12 each): the right point is INCONCLUSIVE, not a false FAIL. */
    @Test
    void aBoundTooWideToDecideIsInconclusiveNotFail() {
        FactoredGeometry f = factored(Instances.imbalanced());
        double[] wide = new double[f.directions()];
        Arrays.fill(wide, 1e-12);
        FactoredGeometry blurred = f.withFrameErrors(wide, wide);
        for (String id : List.of("C5", "C6", "C7")) {
            Verdict v = factoredClaims().get(id).apply(blurred);
            assertEquals(Status.INCONCLUSIVE, v.status(), () -> id + " " + v);
        }
        double[] nan = wide.clone();
        nan[0] = Double.NaN;
        Verdict v = new C5LeftGeometry().judgeFactored(f.withFrameErrors(nan, wide));
        assertEquals(Status.INCONCLUSIVE, v.status(), v::toString);
    }

    /**
     * C1 reads the columns the point stores for each class: one column per class PASSes; class 2 as
     * two columns m +- e (e 100x the tolerance times the largest column) FAILs, 0.01x PASSes; columns
     * that do not account for n_k samples FAIL.
     */
    @Test
    void c1FailsASplitClassAndAMissingSample() {
        FactoredGeometry f = factored(Instances.imbalanced());
        Instance inst = f.instance();
        Precision p = f.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        int[] groups = f.pairs().classGroups();
        C1WithinClassCollapse c1 = new C1WithinClassCollapse();
        Apfloat tol = f.subject().tolerance(10).value();
        Apfloat largest = Apfloat.ZERO;
        for (int k = 0; k < inst.classes(); k++) {
            Apfloat[] m = mean(f, k, groups);
            largest = org.apfloat.ApfloatMath.max(largest, ApMatrix.norm(m, p));
        }
        Apfloat big = largest;
        for (String factor : List.of("100", "0.01")) {
            Apfloat e = h.multiply(h.multiply(tol, p.ofDecimal(factor)), big);
            Verdict v = c1.judgeColumns(k -> {
                Apfloat[] m = mean(f, k, groups);
                if (k != 1) {
                    return new Apfloat[][] {m};
                }
                Apfloat[] plus = m.clone();
                Apfloat[] minus = m.clone();
                plus[0] = h.add(plus[0], e);
                minus[0] = h.subtract(minus[0], e);
                return new Apfloat[][] {plus, minus};
            }, k -> k != 1 ? new long[] {inst.size(k)} : new long[] {inst.size(k) - 2, 2}, f.subject());
            assertEquals(factor.equals("100") ? Status.FAIL : Status.PASS, v.status(), () -> factor + " " + v);
        }
        Verdict missing = c1.judgeColumns(k -> new Apfloat[][] {mean(f, k, groups)},
            k -> new long[] {k == 2 ? inst.size(k) - 1 : inst.size(k)}, f.subject());
        assertEquals(Status.FAIL, missing.status(), missing::toString);
        assertEquals(Status.PASS, c1.judgeFactored(f).status());
    }

    private static Apfloat[] mean(FactoredGeometry f, int k, int[] groups) {
        FixedPrecisionApfloatHelper h = f.precision().helper();
        Apfloat[] x = f.classColumn(k, groups);
        Apfloat root = h.sqrt(f.precision().of(f.instance().size(k)));
        for (int i = 0; i < x.length; i++) {
            x[i] = h.divide(x[i], root);
        }
        return x;
    }

    /**
     * C2 by class: features shifted by a common vector c (||M n|| = N ||c||) 100x the tolerance
     * past FAIL, 0.01x PASS; a bias entry 100x off FAILs.
     */
    @Test
    void c2FailsAShiftedMeanAndAWrongBias() {
        FactoredGeometry f = factored(Instances.imbalanced());
        Instance inst = f.instance();
        Precision p = f.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        int[] groups = f.pairs().classGroups();
        C2OptimalBias c2 = new C2OptimalBias();
        Apfloat tol = f.subject().tolerance(10).value();
        Apfloat magnitude = Apfloat.ZERO;
        for (int k = 0; k < inst.classes(); k++) {
            magnitude = h.add(magnitude, h.multiply(h.sqrt(p.of(inst.size(k))), ApMatrix.norm(f.classColumn(k, groups), p)));
        }
        Apfloat[] b = f.subject().reference().bias();
        for (String factor : List.of("100", "0.01")) {
            // shift every mean m_k by c: x_k by sqrt(n_k) c, ||M n|| = N ||c||, magnitude moves by O(c)
            Apfloat c = h.divide(h.multiply(h.multiply(tol, p.ofDecimal(factor)), magnitude), p.of(inst.total()));
            Verdict v = c2.judgeColumns(b, k -> {
                Apfloat[] x = f.classColumn(k, groups);
                x[0] = h.add(x[0], h.multiply(h.sqrt(p.of(inst.size(k))), c));
                return x;
            }, f.subject());
            assertEquals(factor.equals("100") ? Status.FAIL : Status.PASS, v.status(), () -> factor + " " + v);
        }
        Apfloat[] wrong = b.clone();
        wrong[2] = h.add(wrong[2], h.multiply(tol, p.of(100L)));
        assertEquals(Status.FAIL, c2.judgeColumns(wrong, k -> f.classColumn(k, groups), f.subject()).status());
        assertEquals(Status.PASS, c2.judgeFactored(f).status());
    }

    /**
     * K = 240 distinct sizes (a quadratic tail 1442 .. 3), d = 6, L = 2: the six claims on the factored
     * form PASS and form no matrix of K x K / 4 entries or more.
     */
    @Test
    void theGeometryClaimsNeverFormAKxKMatrix() {
        int k = 240;
        long[] sizes = new long[k];
        for (int i = 0; i < k; i++) {
            sizes[i] = 3L * (k - i) * (k - i) / 40 + (k - i) + 2;
        }
        Instance inst = Instance.of(sizes, 6, null, 2, new Aprational[] {Instances.dec("1e-4")}, Instances.dec("1e-4"));
        ClosedForm cf = ClosedForm.of(inst, Precision.of(20));
        Subject s = Subject.ofClosedForm(cf);
        ApMatrix.resetLargest();
        FactoredGeometry f = FactoredGeometry.of(s);
        for (Map.Entry<String, Function<FactoredGeometry, Verdict>> e : factoredClaims().entrySet()) {
            Verdict v = e.getValue().apply(f);
            assertEquals(Status.PASS, v.status(), () -> e.getKey() + " " + v);
        }
        long largest = ApMatrix.resetLargest();
        assertTrue(largest < (long) k * k / 4, "largest matrix " + largest + " entries");
        // that the hook sees a dense K x K product is shown by FactoredClaimsTest (20 s of dense work, not repeated)
    }

    /** Above the dense budget (K = 400, d = 6: 6.5e7 products) check() itself takes the factored route. */
    @Test
    void aboveTheBudgetCheckJudgesTheFactoredForm() {
        int k = 400;
        long[] sizes = new long[k];
        for (int i = 0; i < k; i++) {
            sizes[i] = 2L * (k - i) + 3;
        }
        Instance inst = Instance.of(sizes, 6, null, 2, new Aprational[] {Instances.dec("1e-4")}, Instances.dec("1e-4"));
        Subject s = Subject.ofClosedForm(ClosedForm.of(inst, Precision.of(20)));
        assertTrue(FactoredGeometry.applies(s));
        for (String id : List.of("C5", "C6", "C7", "C9")) {
            Verdict v = Catalogue.run(denseClaim(id), s);
            assertEquals(Status.PASS, v.status(), () -> id + " " + v);
            assertTrue(v.reading().contains("factored"), () -> id + " " + v.reading());
        }
        assertEquals(Status.PASS, Catalogue.run(new C1WithinClassCollapse(), s).status());
        assertEquals(Status.PASS, Catalogue.run(new C2OptimalBias(), s).status());
    }
}
