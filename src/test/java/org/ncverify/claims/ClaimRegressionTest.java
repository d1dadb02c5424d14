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
                // C12 is about equal sizes only: NOT_APPLICABLE (with its reason) on the others
                Status expected = v.claimId().equals("C12") && !balanced ? Status.NOT_APPLICABLE : Status.PASS;
                assertEquals(expected, v.status(), () -> inst.describe() + " at " + digits + " digits: " + v);
            }
        }
    }

    /**
     * n = (5, 5, 5, 1), d = 1: the bottleneck r = 1 cuts the tied block {s_1 = s_2 = sqrt 5}, so
     * the surviving direction may be any unit vector of the block. Rotating it inside the block
     * (W_L -> Q_U W_L, X -> X Q_V^T with Q = U R U^T, R a plane rotation of u_1, u_2) gives
     * another global minimizer whose product is no longer U diag(p) V^T: C4's Weyl bound exceeds
     * the tolerance and its literal (SVD) reading must PASS, as must C3 and C11.
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
        for (Claim claim : List.of(new C3OptimalValue(), new C4ProductSpectrum(), new C11Stationarity())) {
            Verdict v = Catalogue.run(claim, subject);
            assertEquals(Status.PASS, v.status(), v::toString);
        }
        Verdict wrong = Catalogue.run(new C4ProductSpectrum(), Subject.of(cf, other.withWeight(1, w1.scale(p.of(2L))), 40));
        assertEquals(Status.FAIL, wrong.status(), wrong::toString);
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
