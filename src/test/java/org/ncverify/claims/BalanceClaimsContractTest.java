package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;
import org.ncverify.theory.Branch;
import org.ncverify.theory.ClosedForm;

/**
 * The claim contract ({@link AbstractClaimContract}) run against C9 (balance across layers) and C12 (balanced limit). Each nested
 * class only supplies its claim and its seeded wrong answers.
 */
class BalanceClaimsContractTest {

    @Nested
    class C9 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C9LayerBalance();
        }

        @Override
        boolean judgesCandidate() {
            return true;
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            List<WrongAnswer> out = new ArrayList<>(unbalancedFactors(claim()));
            out.add(wrongPoint(claim(), "H -> 1.001 H (L = 1: only the H equation)", Instances.balanced(), 30,
                WrongPoints::scaledFeatures));
            return out;
        }

        /**
         * W_1 -&gt; (1 + eps) W_1: equations 1 and 2 read ((1 + eps)^2 - 1) / (1 + eps)^2, about
         * 2 eps; eps = t / 2 (for L = 1 only the H equation, the same).
         */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            TolerancePins.Perturbation unbalanced = (cf, t) ->
                WrongPoints.scaledWeight(cf.point(), 1, cf.precision().helper().divide(t, cf.precision().of(2L)));
            String label = "W_1 scaled by 1 + t/2, the other factors kept";
            return List.of(TolerancePins.onPoint(claim(), label, Instances.imbalanced(), 60, unbalanced),
                TolerancePins.onPoint(claim(), label, Instances.deep(), 30, unbalanced),
                TolerancePins.onPoint(claim(), label, Instances.balanced(), 60, unbalanced));
        }

        /** Balance holds in any frames R_0..R_{L-1}: several seeds, narrow and bottleneck included. */
        @Test
        void passesOnRotatedClosedForms() {
            for (Instance inst : List.of(Instances.deep(), Instances.narrow(), Instances.bottleneck(),
                    Instances.balancedDeep())) {
                ClosedForm cf = closedForm(inst, 30);
                for (long seed = SEED; seed < SEED + 3; seed++) {
                    long s = seed;
                    Verdict v = Catalogue.run(claim(), Subject.of(cf, ClosedForm.rotated(inst, cf.precision(), s).point(), 30));
                    assertEquals(Status.PASS, v.status(), () -> "seed " + s + ", " + inst.describe() + ": " + v);
                }
            }
        }
    }

    @Nested
    class C12 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C12BalancedLimit();
        }

        @Override
        boolean judgesCandidate() {
            return true;
        }

        /** The balanced fixtures whose tied s = sqrt(n) survives inside the bottleneck. */
        @Override
        boolean appliesTo(Instance inst) {
            return List.of(Instances.balanced(), Instances.balancedDeep(), Instances.balancedAtThreshold()).contains(inst);
        }

        @Override
        Instance applicableInstance() {
            return Instances.balancedDeep();
        }

        /** C12 is about directions (ETF, W proportional to Mbar^T): W_L scaled by 1.001 keeps its PASS. */
        @Override
        Status onScaledLastWeight() {
            return Status.PASS;
        }

        /** W_L -&gt; Pi W_L: rows i and j of the last layer exchanged. */
        private Point swappedRows(Point x, int i, int j) {
            ApMatrix w = x.weight(x.depth());
            for (int c = 0; c < w.cols(); c++) {
                w = w.with(i, c, x.weight(x.depth()).get(j, c)).with(j, c, x.weight(x.depth()).get(i, c));
            }
            return x.withWeight(x.depth(), w);
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            Claim c = claim();
            Instance deep = Instances.balancedDeep();
            long seed = SEED;
            return List.of(
                wrongPoint(c, "class mean 1 moved by 1e-6 (not an ETF)", deep, 60, x -> WrongPoints.movedMean(x, 0)),
                wrongPoint(c, "class mean 3 moved by 1e-6 (not an ETF)", Instances.balanced(), 30, x -> WrongPoints.movedMean(x, 2)),
                wrongPoint(c, "rows 1 and 2 of W_L exchanged", deep, 60, x -> swappedRows(x, 0, 1)),
                wrongPoint(c, "W_L -> Q W_L (random orthogonal Q, seed " + seed + ")", Instances.balanced(), 30,
                    x -> WrongPoints.rotatedLastLayer(x, seed)),
                wrongPoint(c, "W = 0, H = 0 although p* > 0", deep, 30, x -> WrongPoints.collapsedPoint(x)));
        }

        /**
         * Row 2 of U^T W tilted by c times row 1 adds c u_2 (row 1)^T to W, orthogonal to W in the
         * Frobenius sense: the self-duality term reads c ||row 1|| / ||W||_F to first order while the
         * features (norm spread, cosines) are untouched; c = t ||W||_F / ||row 1||.
         */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            TolerancePins.Perturbation tilt = (cf, t) -> {
                Precision p = cf.precision();
                FixedPrecisionApfloatHelper h = p.helper();
                ApMatrix w = cf.point().weightProduct(p);
                Apfloat row = ApMatrix.norm(cf.spectrum().left().transpose().multiply(w).row(0), p);
                return WrongPoints.tiltedRow(cf.point(), cf, 1, 0, h.divide(h.multiply(t, w.frobeniusNorm()), row));
            };
            String label = "row 2 of U^T W + c row 1 (W^T no longer a multiple of Mbar)";
            String etf = "X V and W stretched along v_1 by 1 + c (no ETF, still self-dual)";
            return List.of(TolerancePins.onPoint(claim(), label, Instances.balancedDeep(), 60, tilt),
                TolerancePins.onPoint(claim(), label, Instances.balanced(), 30, tilt),
                TolerancePins.onPoint(claim(), etf, Instances.balancedDeep(), 60, this::stretched),
                TolerancePins.onPoint(claim(), etf, Instances.balanced(), 30, this::stretched));
        }

        /**
         * {@link WrongPoints#stretchedRightDirection} along v = v_1 with c chosen for residual t. With
         * all n_k equal X^T X = x^2 (I - 11^T/K) on the surviving block, which the stretch turns into
         * x^2 (I - 11^T/K + 2c v v^T) to first order: norm spread c K/(K-1) (max_k v_k^2 - min_k v_k^2)
         * and cosine gaps c K/(K-1) |2 v_i v_j + (v_i^2 + v_j^2)/(K-1)|; W follows X, so
         * self-duality stays exact. c = t over the larger coefficient.
         */
        private Point stretched(ClosedForm cf, Apfloat t) {
            Precision p = cf.precision();
            FixedPrecisionApfloatHelper h = p.helper();
            int k = cf.instance().classes();
            Apfloat[] v = cf.spectrum().right().column(0);
            Apfloat hi = Apfloat.ZERO;
            Apfloat lo = null;
            Apfloat gap = Apfloat.ZERO;
            for (int i = 0; i < k; i++) {
                Apfloat vi = h.multiply(v[i], v[i]);
                hi = ApfloatMath.max(hi, vi);
                lo = lo == null ? vi : ApfloatMath.min(lo, vi);
                for (int j = 0; j < i; j++) {
                    Apfloat g = h.add(h.multiply(p.of(2L), h.multiply(v[i], v[j])),
                        h.divide(h.add(vi, h.multiply(v[j], v[j])), p.of(k - 1L)));
                    gap = ApfloatMath.max(gap, ApfloatMath.abs(g));
                }
            }
            Apfloat coefficient = h.divide(h.multiply(p.of((long) k), ApfloatMath.max(h.subtract(hi, lo), gap)), p.of(k - 1L));
            return WrongPoints.stretchedRightDirection(cf.point(), cf, 0, h.divide(t, coefficient));
        }

        @Test
        void notApplicableOnUnequalSizesOnABottleneckAndWhenEverythingCollapses() {
            assertReason(Instances.imbalanced(), "class sizes are not all equal (n_1 = 10, n_4 = 2)");
            assertReason(Instances.balancedBottleneck(), "bottleneck r = 2 < K-1 = 4");
            assertReason(Instances.balancedCollapsed(), "every p* = 0");
        }

        private void assertReason(Instance inst, String reason) {
            Verdict v = Catalogue.run(claim(), closedFormSubject(inst, 30));
            assertNotApplicable(v, inst);
            assertTrue(v.detail().contains(reason), v::toString);
        }

        /** A zero centred mean where the theory says positive is a FAIL with residual 1 and a reason, not NaN. */
        @Test
        void aVanishingCentredMeanIsAFailWithAReason() {
            Verdict v = Catalogue.run(claim(), wrongSubject(Instances.balancedDeep(), 30, x -> WrongPoints.collapsedPoint(x)));
            assertEquals(Status.FAIL, v.status(), v::toString);
            assertEquals(0, v.residual().compareTo(Apfloat.ONE), v::toString);
            assertTrue(v.detail().contains("every centred class mean is 0"), v::toString);
        }

        /**
         * s = s_crit exactly on (4, 4, 4, 4, 4), L = 2: the jump branch (the closed form) and the
         * collapsed branch W = 0, H = 0 both minimize f and both pass. A point taking the
         * collapsed branch in one tied direction and the jump in the other three is a global
         * minimizer too (C3 passes) but Mbar is no simplex ETF: C12 FAILs it, the documented
         * hidden hypothesis of proofs-notes/C12 (one branch for the whole tied block).
         */
        @Test
        void atTheThresholdBothBranchesPassAndMixedBranchesAreADocumentedFail() {
            Instance inst = Instances.balancedAtThreshold();
            ClosedForm cf = closedForm(inst, 40);
            assertEquals(Branch.AT_THRESHOLD, cf.solutions().get(0).branch(), cf.solutions()::toString);
            Verdict jump = Catalogue.run(claim(), closedFormSubject(inst, 40));
            assertEquals(Status.PASS, jump.status(), jump::toString);
            assertEquals("simplex ETF and self-duality", jump.reading());

            Subject collapsed = Subject.of(cf, WrongPoints.collapsedPoint(cf.point()), 40);
            Verdict zero = Catalogue.run(claim(), collapsed);
            assertEquals(Status.PASS, zero.status(), zero::toString);
            assertEquals("collapsed branch at s = s_crit", zero.reading());
            assertEquals(Status.PASS, Catalogue.run(new C3OptimalValue(), collapsed).status());

            Subject mixed = Subject.of(cf, switchedOff(cf.point(), 1), 40);
            Verdict c3 = Catalogue.run(new C3OptimalValue(), mixed);
            assertEquals(Status.PASS, c3.status(), () -> "the mixed point must be a global minimizer: " + c3);
            Verdict v = Catalogue.run(claim(), mixed);
            assertEquals(Status.FAIL, v.status(), v::toString);
            System.out.println("C12 on a mixed-branch minimizer at s_crit (C3 " + c3.residualText() + "): " + v);
        }

        /**
         * The closed form (canonical frames: direction i of every factor is coordinate i) with
         * direction i switched off in every factor: column i of each W_l and row i of M set to 0.
         */
        private Point switchedOff(Point x, int i) {
            Point out = x;
            for (int l = 1; l <= x.depth(); l++) {
                ApMatrix w = x.weight(l);
                for (int row = 0; row < w.rows(); row++) {
                    w = w.with(row, i, Apfloat.ZERO);
                }
                out = out.withWeight(l, w);
            }
            ApMatrix means = x.classMeans();
            for (int k = 0; k < means.cols(); k++) {
                means = means.with(i, k, Apfloat.ZERO);
            }
            return Point.ofClassMeans(x.instance(), out.weights(), means, x.bias());
        }
    }
}
