package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Orthonormal;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * The claim contract ({@link AbstractClaimContract}) run against C5, C6, C7 (left and right geometry, alignment), each with its three readings. Each nested
 * class only supplies its claim and its seeded wrong answers.
 */
class GeometryClaimsContractTest {

    @Nested
    class C5 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C5LeftGeometry();
        }

        @Override
        boolean judgesCandidate() {
            return true;
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            Claim c = claim();
            Instance imb = Instances.imbalanced();
            Instance deep = Instances.deep();
            ClosedForm cf = closedForm(imb, 60);
            ClosedForm dcf = closedForm(deep, 30);
            long seed = SEED;
            return List.of(
                wrongPoint(c, "singular directions of s_1, s_2 swapped in W_L", imb, 60,
                    x -> WrongPoints.swappedSingularPair(x, cf, 0, 1)),
                wrongPoint(c, "singular directions of s_2, s_3 swapped in W_L", deep, 30,
                    x -> WrongPoints.swappedSingularPair(x, dcf, 1, 2)),
                wrongPoint(c, "W_L -> Q W_L (random orthogonal Q, seed " + seed + ")", imb, 60,
                    x -> WrongPoints.rotatedLastLayer(x, seed)),
                wrongPoint(c, "W_L scaled by 1.001 (wrong row norms)", deep, 30,
                    WrongPoints::scaledLastWeight));
        }

        /**
         * Row 2 of U^T W tilted by t times row 1: the row Gram gains t w_1^2 at (2, 1), and both
         * the literal term |G_21| / (w_1 max(w_1, w_2)) and the basis-free coupling of i = 1 and
         * i = 2 read t (w_1 the largest row norm); the norms move to second order only.
         */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            return imbalancedAndDeep(claim(), "row 2 of U^T W + t row 1", TILTED_ROW);
        }

        @Test
        void allThreeReadingsPassOnARotatedClosedForm() {
            assertAllReadingsPass(claim());
        }

        /** C5 involves U only: moving the right singular directions leaves it unchanged. */
        @Test
        void swappedRightPairKeepsTheLeftGeometry() {
            Instance imb = Instances.imbalanced();
            ClosedForm cf = closedForm(imb, 60);
            Verdict v = Catalogue.run(claim(), wrongSubject(imb, 60, x -> WrongPoints.swappedRightSingularPair(x, cf, 0, 1)));
            assertEquals(Status.PASS, v.status(), v::toString);
        }
    }

    @Nested
    class C6 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C6RightGeometry();
        }

        @Override
        boolean judgesCandidate() {
            return true;
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            Claim c = claim();
            Instance imb = Instances.imbalanced();
            Instance deep = Instances.deep();
            ClosedForm cf = closedForm(imb, 60);
            ClosedForm dcf = closedForm(deep, 30);
            return List.of(
                wrongPoint(c, "right singular directions of s_1, s_2 swapped in Mbar", imb, 60,
                    x -> WrongPoints.swappedRightSingularPair(x, cf, 0, 1)),
                wrongPoint(c, "right singular directions of s_1, s_3 swapped in Mbar", deep, 30,
                    x -> WrongPoints.swappedRightSingularPair(x, dcf, 0, 2)),
                wrongPoint(c, "class mean 1 moved by 1e-6", imb, 60, x -> WrongPoints.movedMean(x, 0)),
                wrongPoint(c, "class mean 4 moved by 1e-6", deep, 30, x -> WrongPoints.movedMean(x, 3)),
                wrongPoint(c, "every feature column scaled by 1.001 (wrong column norms)", imb, 60,
                    WrongPoints::scaledFeatures));
        }

        /** Column 2 of X V tilted by t times column 1: as C5 on columns, both readings read t. */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            return imbalancedAndDeep(claim(), "column 2 of X V + t column 1",
                (cf, t) -> WrongPoints.tiltedColumn(cf.point(), cf, 0, 1, t));
        }

        /** C6 judges X = Mbar D only: W_L scaled by 1.001 is not a wrong point for it. */
        @Override
        Status onScaledLastWeight() {
            return Status.PASS;
        }

        /** C6 reads no weight: the overflowing entry goes into a feature column. */
        @Override
        Point unevaluable(Point x) {
            return WrongPoints.overflowingFeature(x);
        }

        @Test
        void allThreeReadingsPassOnARotatedClosedForm() {
            assertAllReadingsPass(claim());
        }
    }

    @Nested
    class C7 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C7Alignment();
        }

        @Override
        boolean judgesCandidate() {
            return true;
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            Claim c = claim();
            Instance imb = Instances.imbalanced();
            Instance deep = Instances.deep();
            ClosedForm cf = closedForm(imb, 60);
            ClosedForm dcf = closedForm(deep, 30);
            return List.of(
                wrongPoint(c, "singular directions of s_1, s_2 swapped in W_L", imb, 60,
                    x -> WrongPoints.swappedSingularPair(x, cf, 0, 1)),
                wrongPoint(c, "right singular directions of s_1, s_2 swapped in Mbar", imb, 60,
                    x -> WrongPoints.swappedRightSingularPair(x, cf, 0, 1)),
                wrongPoint(c, "right singular directions of s_2, s_3 swapped in Mbar", deep, 30,
                    x -> WrongPoints.swappedRightSingularPair(x, dcf, 1, 2)),
                wrongPoint(c, "left direction of s_1 flipped (cosine -1)", imb, 60, x -> WrongPoints.flippedLeftDirection(x, cf, 0)),
                wrongPoint(c, "left direction of s_3 flipped (cosine -1)", deep, 30,
                    x -> WrongPoints.flippedLeftDirection(x, dcf, 2)));
        }

        /**
         * Two pins, one per reading that carries the status. Basis-free: row 2 of U^T W tilted by
         * t times row 1 puts t p_1 at (2, 1) of U^T P V, read as t (p_1 the largest p*), while the
         * literal 1 - cos is second order. Literal: column 1 of X V turned out of the row space of
         * U^T W by c = x_1 sqrt(2 t) gives 1 - cos = t to second order, with U^T P V unchanged.
         */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            TolerancePins.Perturbation turn = (cf, t) -> {
                FixedPrecisionApfloatHelper h = cf.precision().helper();
                Apfloat c = h.multiply(cf.factorSingularValues(0)[0], h.sqrt(h.multiply(cf.precision().of(2L), t)));
                return WrongPoints.columnOutOfRowSpace(cf.point(), cf, 0, cf.instance().dim() - 1, c);
            };
            List<TolerancePins.Pin> pins = new ArrayList<>(imbalancedAndDeep(claim(), "row 2 of U^T W + t row 1", TILTED_ROW));
            pins.addAll(imbalancedAndDeep(claim(), "column 1 of X V turned out of the row space of U^T W (1 - cos = t)", turn));
            return pins;
        }

        @Test
        void allThreeReadingsPassOnARotatedClosedForm() {
            assertAllReadingsPass(claim());
        }

        /** A flipped direction: the literal cosine is -1, so (a) measures 1 - cos = 2. */
        @Test
        void flippedDirectionHasCosineMinusOne() {
            Instance imb = Instances.imbalanced();
            ClosedForm cf = closedForm(imb, 60);
            Verdict v = Catalogue.run(claim(), wrongSubject(imb, 60, x -> WrongPoints.flippedLeftDirection(x, cf, 1)));
            Reading a = v.readings().get(0);
            assertEquals(Status.FAIL, a.status(), v::toString);
            assertEquals(2.0, a.residual().doubleValue(), 1e-40, v::toString);
        }

        /**
         * n = (8, 8, 8, 3, 1), d = 6, L = 2, lambda = 1e-3: s^2 = 8 twice (tied block s_1, s_2),
         * both surviving. The closed form PASSes (a) and (c); V rotated inside the block while U is
         * kept (reading (b)) gives cosines below 1 (the cosine of the seeded rotation angle; SPEC
         * reports 0.76 at an optimizer's point, reproduced with that angle below): (b) FAILs with
         * "hypothesis needed", the overall verdict PASSes and says so.
         */
        @Test
        void independentBasesFailInsideATiedBlockWhileTheClaimHolds() {
            Aprational lam = Instances.dec("1e-3");
            Instance inst = Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2, new Aprational[] {lam}, lam);
            ClosedForm cf = closedForm(inst, 40);
            assertEquals(2, cf.spectrum().multiplicity(0), "s_1 = s_2 = sqrt 8 expected");
            assertTrue(cf.solutions().get(1).p().signum() > 0, "the tied block must survive");
            Verdict v = Catalogue.run(claim(), closedFormSubject(inst, 40));
            System.out.println("C7 on the tied closed form " + inst.describe() + ": " + v);
            assertEquals(Status.PASS, v.status(), v::toString);
            assertEquals(Status.PASS, v.readings().get(0).status(), v::toString);
            Reading b = v.readings().get(1);
            assertEquals(Status.FAIL, b.status(), v::toString);
            assertTrue(b.note().contains(SingularGeometry.HYPOTHESIS_NEEDED), b::note);
            long seed = SingularGeometry.of(closedFormSubject(inst, 40)).independentSeed();
            assertTrue(b.note().contains("seed " + seed + " + first index"), b::note);
            assertTrue(b.residual().doubleValue() > 1e-3, () -> "1 - cos should be far above rounding: " + b);
            assertEquals(Status.PASS, v.readings().get(2).status(), v::toString);
            assertTrue(v.detail().contains(SingularGeometry.HYPOTHESIS_NEEDED), v::detail);

            // SPEC's figure: V rotated inside the block by the angle with cosine 0.76 (U kept)
            // gives exactly that cosine between row i of U^T W and column i of X V R
            Subject s = closedFormSubject(inst, 40);
            Precision p = cf.precision();
            Apfloat c = new Apfloat("0.76", p.working());
            Apfloat sn = p.helper().sqrt(p.helper().subtract(Apfloat.ONE, p.helper().multiply(c, c)));
            ApMatrix r = ApMatrix.identity(5, p).with(0, 0, c).with(1, 1, c).with(0, 1, sn.negate()).with(1, 0, sn);
            Reading spec = SingularGeometry.of(s).literalAlignment(Reading.INDEPENDENT, s.projectedWeights(),
                s.projectedMeans().multiply(r), s.tolerance(10));
            System.out.println("C7 with V rotated by arccos 0.76 inside the tied block: " + spec);
            assertEquals(Status.FAIL, spec.status(), spec::toString);
            assertEquals(0.24, spec.residual().doubleValue(), 1e-30, spec::toString);
        }

        /**
         * Another minimizer of the tied instance: W_L -&gt; U R U^T W_L and X -&gt; X V R^T V^T with R
         * a seeded random orthogonal matrix on the tied block s_1, s_2 (the same R on both sides:
         * the pair U R, V R is still consistent). Every claim holds for every consistent pair:
         * (a) and (c) PASS; a point rotated on the left only FAILs (a) and (c).
         */
        @Test
        void aConsistentRotationInsideTheTiedBlockIsAnotherMinimizer() {
            Aprational lam = Instances.dec("1e-3");
            Instance inst = Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2, new Aprational[] {lam}, lam);
            ClosedForm cf = closedForm(inst, 40);
            Precision p = cf.precision();
            ApMatrix r = ApMatrix.identity(5, p);
            ApMatrix block = Orthonormal.random(2, 2, SEED, p);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    r = r.with(i, j, block.get(i, j));
                }
            }
            ApMatrix qu = cf.spectrum().left().multiply(r).multiply(cf.spectrum().left().transpose());
            ApMatrix qv = cf.spectrum().right().multiply(r).multiply(cf.spectrum().right().transpose());
            Point x = cf.point();
            Point leftOnly = x.withWeight(x.depth(), qu.multiply(x.weight(x.depth())));
            Point both = WrongPoints.rightTransformed(leftOnly, qv.transpose());
            for (Claim c : List.of(new C5LeftGeometry(), new C6RightGeometry(), claim())) {
                Verdict v = Catalogue.run(c, Subject.of(cf, both, 40));
                assertEquals(Status.PASS, v.status(), v::toString);
                assertEquals(Status.PASS, v.readings().get(0).status(), v::toString);
            }
            Verdict wrong = Catalogue.run(claim(), Subject.of(cf, leftOnly, 40));
            assertEquals(Status.FAIL, wrong.readings().get(0).status(), wrong::toString);
            assertEquals(Status.FAIL, wrong.readings().get(2).status(), wrong::toString);
        }

        /** Without a tied block, reading (b) is reading (a), and its note says so. */
        @Test
        void withoutATieTheIndependentReadingIsTheConsistentOne() {
            Verdict v = Catalogue.run(claim(), closedFormSubject(Instances.imbalanced(), 60));
            Reading a = v.readings().get(0);
            Reading b = v.readings().get(1);
            assertEquals(a.status(), b.status());
            assertEquals(0, a.residual().compareTo(b.residual()));
            assertTrue(b.note().contains("identical to (a)"), b::note);
        }
    }

    /** Row 2 of U^T W tilted by t times row 1 (C5, C7). */
    private static final TolerancePins.Perturbation TILTED_ROW = (cf, t) -> WrongPoints.tiltedRow(cf.point(), cf, 1, 0, t);

    /** The pin of {@code change} on the imbalanced instance at 60 digits and the deep one at 30. */
    static List<TolerancePins.Pin> imbalancedAndDeep(Claim claim, String label, TolerancePins.Perturbation change) {
        return List.of(TolerancePins.onPoint(claim, label, Instances.imbalanced(), 60, change),
            TolerancePins.onPoint(claim, label, Instances.deep(), 30, change));
    }

    /** Every reading of {@code claim} PASSes on rotated closed forms judged against the canonical one. */
    static void assertAllReadingsPass(Claim claim) {
        for (Instance inst : List.of(Instances.imbalanced(), Instances.deep(), Instances.narrow())) {
            ClosedForm cf = AbstractClaimContract.closedForm(inst, 60);
            Point rotated = ClosedForm.rotated(inst, cf.precision(), AbstractClaimContract.SEED + 7).point();
            Verdict v = Catalogue.run(claim, Subject.of(cf, rotated, 60));
            for (Reading r : v.readings()) {
                assertEquals(Status.PASS, r.status(), () -> claim.id() + " on the rotated closed form of "
                    + inst.describe() + ": " + v);
            }
            assertEquals(3, v.readings().size(), v::toString);
        }
    }
}
