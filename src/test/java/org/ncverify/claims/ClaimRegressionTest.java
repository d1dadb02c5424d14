package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.spectrum.CertificateFixtures;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.support.Instances;
import org.ncverify.theory.Branch;
import org.ncverify.theory.ClosedForm;

/**
 * Pinned instances on which a checker once judged the exact closed form wrongly (a false
 * FAIL is a bug too). Each line: sizes, d, L, lambda (all layers and H), digits.
 */
class ClaimRegressionTest {

    /**
     * Tiny weight decays: s - p and the residuals r_i fall below the rounding level of the
     * O(1) terms that cancel in them. C10 judged the stationarity equation relative to
     * N lambda_bar and C11 relative to the residual norms, so both failed at any precision;
     * they now judge relative to the cancelling magnitudes.
     */
    @ParameterizedTest(name = "sizes {0}, d {1}, L {2}, lambda {3}, {4} digits")
    @CsvSource({
        "10;5;3;2, 6, 2, 1e-26, 50",
        "10;5;3;2, 6, 1, 1e-30, 50",
        "10;5;3;2, 6, 2, 1e-45, 30",
        "10;5;3;2, 6, 5, 1e-45, 30",
        "1000000000000;999999999999;3;1, 4, 2, 1e-9, 40",
        "5;5;5;1, 1, 2, 1e-3, 30",
        "10;5;3;2, 6, 2, 1e-3, 10",
        "4;4;4, 4, 2, 1e-30, 50",
        "1000000000;1000000000;1000000000, 4, 3, 1e-9, 40",
    })
    void closedFormPassesEveryClaim(String sizes, int dim, int depth, String lambda, int digits) {
        long[] n = Arrays.stream(sizes.split(";")).mapToLong(Long::parseLong).toArray();
        Aprational lam = Instances.dec(lambda);
        Instance inst = Instance.of(n, dim, null, depth, new Aprational[] {lam}, lam);
        boolean balanced = Arrays.stream(n).allMatch(x -> x == n[0]);
        for (ClosedForm cf : List.of(ClosedForm.of(inst, Precision.of(digits)), ClosedForm.rotated(inst, Precision.of(digits), 11))) {
            for (Verdict v : Catalogue.all().run(Subject.ofClosedForm(cf))) {
                // C12 is about equal sizes only: NOT_APPLICABLE (with its reason) on the others;
                // C13 judges optimizer runs, which a closed-form subject does not carry
                boolean outside = v.claimId().equals("C12") && !balanced || v.claimId().equals("C13");
                Status expected = outside ? Status.NOT_APPLICABLE : Status.PASS;
                assertEquals(expected, v.status(), () -> inst.describe() + " at " + digits + " digits: " + v);
            }
        }
    }

    /**
     * n = (5, 5, 5, 1), d = 1: the bottleneck r = 1 cuts the tied block {s_1 = s_2 = sqrt 5}, so
     * the surviving direction may be any unit vector of the block. Rotating it inside the block
     * (W_L -> Q_U W_L, X -> X Q_V^T with Q = U R U^T, R a plane rotation of u_1, u_2) gives
     * another global minimizer whose product is no longer U diag(p) V^T: C4's Weyl bound exceeds
     * the tolerance and its literal (SVD) reading must PASS, as must C3 and C11. C5-C7: the
     * literal readings (one fixed basis) are NOT_APPLICABLE and the basis-free reading PASSes on
     * the closed form and on the moved point; the left factor moved without the features fails
     * C7, and W_L scaled by 1.001 fails C5 and C7.
     */
    @Test
    void tieCutByTheBottleneckAdmitsAnyDirectionOfTheBlock() {
        Aprational lam = Instances.dec("1e-3");
        Instance inst = Instance.of(new long[] {5, 5, 5, 1}, 1, null, 2, new Aprational[] {lam}, lam);
        Precision p = Precision.of(40);
        ClosedForm cf = ClosedForm.of(inst, p);
        ApMatrix u = cf.spectrum().left();
        ApMatrix v = cf.spectrum().right();
        Apfloat c = p.of(new Aprational(new Apint(3), new Apint(5)));
        Apfloat sn = p.of(new Aprational(new Apint(4), new Apint(5)));
        ApMatrix r = ApMatrix.identity(4, p)
            .with(0, 0, c).with(1, 1, c).with(0, 1, sn.negate()).with(1, 0, sn);
        ApMatrix qu = u.multiply(r).multiply(u.transpose());
        ApMatrix qv = v.multiply(r).multiply(v.transpose());
        Point x = cf.point();
        // X = M D (h_G = 0 at the closed form); X' = X Qv^T; M' = X' D^-1
        Apfloat[] sq = new Apfloat[4];
        Apfloat[] inv = new Apfloat[4];
        for (int k = 0; k < 4; k++) {
            sq[k] = p.helper().sqrt(p.of(inst.size(k)));
            inv[k] = p.helper().divide(Apfloat.ONE, sq[k]);
        }
        ApMatrix means = x.classMeans().scaleColumns(sq).multiply(qv.transpose()).scaleColumns(inv);
        java.util.List<ApMatrix> w = new ArrayList<>(x.weights());
        w.set(w.size() - 1, qu.multiply(w.get(w.size() - 1)));
        Point moved = Point.ofClassMeans(inst, w, means, x.bias());
        Subject subject = Subject.of(cf, moved, 40);
        Verdict c4 = Catalogue.run(new C4ProductSpectrum(), subject);
        assertEquals(Status.PASS, c4.status(), c4::toString);
        assertTrue(c4.reading().startsWith("literal"), "expected the SVD reading: " + c4);
        for (Claim claim : List.of(new C3OptimalValue(), new C11Stationarity())) {
            Verdict other = Catalogue.run(claim, subject);
            assertEquals(Status.PASS, other.status(), other::toString);
        }
        // C5-C7: the literal readings fix one basis of the block and do not apply; the
        // basis-free reading accepts the closed form and the moved point alike
        for (Claim claim : geometry()) {
            for (Subject sub : List.of(Subject.ofClosedForm(cf), subject)) {
                Verdict g = Catalogue.run(claim, sub);
                assertEquals(Status.PASS, g.status(), g::toString);
                assertEquals(Status.NOT_APPLICABLE, g.readings().get(0).status(), g::toString);
                assertEquals(Status.NOT_APPLICABLE, g.readings().get(1).status(), g::toString);
                assertEquals(Status.PASS, g.readings().get(2).status(), g::toString);
                assertTrue(g.readings().get(0).note().contains("cut by the bottleneck"), g::toString);
            }
        }
        // wrong points: the left factor moved without the features (C7 sees the misalignment,
        // C5 and C6 each see a valid side), and W_L scaled by 1.001 (C5, C7)
        Point leftOnly = x.withWeight(x.depth(), qu.multiply(x.weight(x.depth())));
        Verdict misaligned = Catalogue.run(new C7Alignment(), Subject.of(cf, leftOnly, 40));
        assertEquals(Status.FAIL, misaligned.status(), misaligned::toString);
        Point scaled = moved.withWeight(moved.depth(), moved.weight(moved.depth()).scale(p.helper().add(p.of(1L),
            p.pow10(-3))));
        for (Claim claim : List.of(new C5LeftGeometry(), new C7Alignment())) {
            Verdict v5 = Catalogue.run(claim, Subject.of(cf, scaled, 40));
            assertEquals(Status.FAIL, v5.status(), v5::toString);
        }
    }

    private static List<Claim> geometry() {
        return List.of(new C5LeftGeometry(), new C6RightGeometry(), new C7Alignment());
    }

    /**
     * s exactly at s_crit (SPEC section 4): n = (5, 5, 5, 1), L = 2, lambda_W = (0.1, 0.1),
     * lambda_H = 156.25 / 16^3, so that s_crit^4 = 16 N^3 Lambda = 25 = s_1^4 = s_2^4 exactly
     * (tied eigenvalue 5). C10 must find the two values undecided (exactly at the threshold);
     * the closed form takes the jump branch; the point with direction 2 switched off in every
     * factor (the other minimizer of phi there: phi(0) = phi(jump)) must pass C3, C4 and C11.
     */
    @Test
    void bothBranchesAtTheThresholdAreMinimizers() {
        Aprational tenth = Instances.dec("0.1");
        Instance inst = Instance.of(new long[] {5, 5, 5, 1}, 4, null, 2, new Aprational[] {tenth, tenth},
            Instances.dec("0.03814697265625"));
        Precision p = Precision.of(40);
        ClosedForm cf = ClosedForm.of(inst, p);
        assertEquals(Branch.AT_THRESHOLD, cf.solutions().get(0).branch());
        assertEquals(Branch.AT_THRESHOLD, cf.solutions().get(1).branch());
        Verdict c10 = Catalogue.run(new C10ThresholdLaw(), Subject.ofClosedForm(cf));
        assertEquals(Status.PASS, c10.status(), c10::toString);
        assertTrue(c10.detail().contains("2 at s_crit"), c10::toString);

        // canonical frames: direction i of every factor is coordinate i; switch off i = 1 (0-based)
        Point x = cf.point();
        ApMatrix w1 = x.weight(1).with(1, 1, Apfloat.ZERO);
        ApMatrix w2 = x.weight(2);
        for (int row = 0; row < w2.rows(); row++) {
            w2 = w2.with(row, 1, Apfloat.ZERO);
        }
        ApMatrix means = x.classMeans();
        for (int k = 0; k < means.cols(); k++) {
            means = means.with(1, k, Apfloat.ZERO);
        }
        Point other = Point.ofClassMeans(inst, List.of(w1, w2), means, x.bias());
        Subject subject = Subject.of(cf, other, 40);
        List<Claim> claims = new ArrayList<>(List.of(new C3OptimalValue(), new C4ProductSpectrum(), new C11Stationarity()));
        claims.addAll(geometry());
        for (Claim claim : claims) {
            Verdict v = Catalogue.run(claim, subject);
            assertEquals(Status.PASS, v.status(), v::toString);
        }
        for (Claim claim : geometry()) {
            Verdict v = Catalogue.run(claim, Subject.ofClosedForm(cf));
            assertEquals(Status.PASS, v.status(), v::toString);
            assertTrue(v.readings().get(0).note().contains("lies at s_crit"), v::toString);
        }
        Verdict wrong = Catalogue.run(new C4ProductSpectrum(), Subject.of(cf, other.withWeight(1, w1.scale(p.of(2L))), 40));
        assertEquals(Status.FAIL, wrong.status(), wrong::toString);
    }

    /**
     * A tiny surviving value in a double candidate: n = (10, 5, 3, 2), d = 4, L = 1, lambda_bar
     * = s_3 (1 - 10^-20) / N, so p_3 = s_3 - N lambda_bar ~ 10^-20 s_3 and w_3 / w_1 ~ 10^-10.
     * A rotated closed form (dense frames, so that rounding mixes the directions) rounded to
     * double (a candidate carrying 15 digits) must PASS C5-C7: rows of U^T W carry absolute
     * errors ~ eps ||W||, so a norm error measured relative to w_3 (instead of max w) would be
     * ~10^-6 and FAIL the tolerance 10^-8.
     */
    @Test
    void tinySurvivingValueInADoubleCandidate() {
        long[] n = {10, 5, 3, 2};
        Precision p = Precision.of(40);
        Aprational one = Instances.dec("1e-3");
        ClosedForm probe = ClosedForm.of(Instance.of(n, 4, null, 1, new Aprational[] {one}, one), p);
        Apfloat lb = p.helper().multiply(p.helper().divide(probe.spectrum().singularValue(2), p.of(20L)),
            new Apfloat("0.99999999999999999999", p.working()));
        Aprational lam = Instances.dec(Precision.format(lb, 40));
        Instance inst = Instance.of(n, 4, null, 1, new Aprational[] {lam}, lam);
        ClosedForm cf = ClosedForm.of(inst, p);
        Apfloat ratio = p.helper().divide(cf.productSingularValues()[2], cf.productSingularValues()[0]);
        assertTrue(ratio.signum() > 0 && ratio.compareTo(p.pow10(-15)) < 0, "p_3 / p_1 = " + ratio);
        Point x = ClosedForm.rotated(inst, p, 5).point();
        List<ApMatrix> w = new ArrayList<>();
        for (ApMatrix m : x.weights()) {
            w.add(ApMatrix.of(m.toDoubleArray(), p));
        }
        Point rounded = Point.ofClassMeans(inst, w, ApMatrix.of(x.classMeans().toDoubleArray(), p), x.bias());
        for (Claim claim : geometry()) {
            Verdict v = Catalogue.run(claim, Subject.of(cf, rounded, 15));
            assertEquals(Status.PASS, v.status(), v::toString);
            for (Reading r : v.readings()) {
                assertEquals(Status.PASS, r.status(), v::toString);
            }
        }
    }

    /**
     * A single (untied) singular value exactly at s_crit: n = (5, 5, 1) (a size repeated twice:
     * s_1^2 = 5, simple), L = 2, lambda_W = (1/10, 1/10), lambda_H = 625/5324, so that
     * s_crit^4 = 16 N^3 Lambda = 25 = s_1^4 exactly; s_2 lies below s_crit. The literal readings
     * apply (no tied block) with target 0 or the jump for i = 1: the closed form (jump) and the
     * point with the direction switched off in every factor (W = 0, X = 0) PASS C5-C7; switching
     * it off in the features only or in the weights only (branches of W and X disagree) FAILs C7
     * (reading (a); (c) sees B = 0, which is admissible).
     */
    @Test
    void singleValueAtTheThresholdAdmitsBothBranches() {
        Aprational tenth = Instances.dec("0.1");
        Instance inst = Instance.of(new long[] {5, 5, 1}, 2, null, 2, new Aprational[] {tenth, tenth},
            new Aprational(new Apint(625), new Apint(5324)));
        Precision p = Precision.of(40);
        ClosedForm cf = ClosedForm.of(inst, p);
        assertEquals(Branch.AT_THRESHOLD, cf.solutions().get(0).branch(), cf.solutions()::toString);
        assertEquals(1, cf.spectrum().multiplicity(0));
        assertEquals(1, cf.survivingDirections());
        Point x = cf.point();
        ApMatrix means = x.classMeans();
        for (int k = 0; k < means.cols(); k++) {
            means = means.with(0, k, Apfloat.ZERO);
        }
        Point featuresOff = Point.ofClassMeans(inst, x.weights(), means, x.bias());
        List<ApMatrix> zeroWeights = new ArrayList<>();
        for (ApMatrix m : x.weights()) {
            zeroWeights.add(ApMatrix.zeros(m.rows(), m.cols(), p));
        }
        Point allOff = Point.ofClassMeans(inst, zeroWeights, means, x.bias());
        for (Point point : List.of(x, allOff)) {
            for (Claim claim : geometry()) {
                Verdict v = Catalogue.run(claim, Subject.of(cf, point, 40));
                assertEquals(Status.PASS, v.status(), v::toString);
                assertEquals(Status.PASS, v.readings().get(0).status(), v::toString);
            }
        }
        Point weightsOff = Point.ofClassMeans(inst, zeroWeights, x.classMeans(), x.bias());
        for (Point point : List.of(featuresOff, weightsOff)) {
            Verdict mixed = Catalogue.run(new C7Alignment(), Subject.of(cf, point, 40));
            assertEquals(Status.FAIL, mixed.readings().get(0).status(), mixed::toString);
            assertEquals(Status.FAIL, mixed.status(), mixed::toString);
        }
    }

    /** C10 cannot decide anything when the spectrum certificate does not hold: FAIL, never PASS. */
    @Test
    void thresholdLawFailsWithoutAHoldingCertificate() {
        ClosedForm cf = ClosedForm.of(Instances.imbalanced(), Precision.of(40));
        SpectrumCertificate broken =
            CertificateFixtures.withUncertifiedBracket(cf.spectrum().certificate(), 0);
        Verdict v = new C10ThresholdLaw().judge(cf.law(), cf.solutions(), broken, cf.instance().bottleneck(), 40);
        assertEquals(Status.FAIL, v.status(), v::toString);
    }

    /** At the smallest --digits the tolerances still have teeth: never 1 or more. */
    @Test
    void toleranceIsNeverVacuous() {
        for (int digits = Precision.MIN_DIGITS; digits <= 30; digits++) {
            for (int slack : new int[] {0, 5, 10, 40}) {
                Tolerance t = Tolerance.fromDigits(digits, slack);
                assertTrue(t.value().compareTo(new Apfloat("1e-5")) <= 0, digits + " digits, slack " + slack + ": " + t);
            }
        }
    }
}
