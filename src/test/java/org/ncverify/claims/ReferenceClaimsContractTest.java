package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.CertificateFixtures;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.support.Instances;
import org.ncverify.theory.Branch;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarLaw;
import org.ncverify.theory.ScalarSolution;
import org.ncverify.theory.TheoryFixtures;

/**
 * The claim contract ({@link AbstractClaimContract}) run against C8 (spectrum of Yhat) and C10 (threshold law): claims about the reference answer, given wrong certificates and wrong scalar solutions through their package-private judge hooks. Each nested
 * class only supplies its claim and its seeded wrong answers.
 */
class ReferenceClaimsContractTest {

    @Nested
    class C8 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C8YhatSpectrum();
        }

        @Override
        boolean judgesCandidate() {
            return false;
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            C8YhatSpectrum c = new C8YhatSpectrum();
            ClosedForm cf = closedForm(Instances.imbalanced(), 60);
            SpectrumCertificate cert = cf.spectrum().certificate();
            Apfloat zero = cf.spectrum().singularValue(cf.spectrum().size() - 1);
            Precision p = cf.precision();
            String at = " (" + cf.instance().describe() + ", 60 digits)";
            return List.of(
                new WrongAnswer("bracket of mu_1 uncertified" + at,
                    () -> c.judge(CertificateFixtures.withUncertifiedBracket(cert, 0), zero, 60)),
                new WrongAnswer("bracket of mu_2 certified but 1e-30 wide: does not pin 60 digits" + at,
                    () -> c.judge(CertificateFixtures.withWideBracket(cert, 1, new BigDecimal("1e-30")), zero, 60)),
                new WrongAnswer("interlacing evidence missing" + at,
                    () -> c.judge(CertificateFixtures.withoutInterlacing(cert), zero, 60)),
                new WrongAnswer("s_K = 1e-70, not exactly 0" + at, () -> c.judge(cert, p.pow10(-70), 60)));
        }

        /**
         * The residual is the largest relative width of a certified bracket: the bracket of mu_2
         * widened (downwards, still certified) to relative width t reads t.
         */
        /** Tolerance 10^-P: the certificate must pin the P digits that are reported. */
        @Override
        int slack() {
            return 0;
        }

        @Override
        List<TolerancePins.Pin> tolerancePins() {
            return List.of(widened(Instances.imbalanced(), 60), widened(Instances.deep(), 30),
                widened(Instances.bottleneck(), 200));
        }

        private TolerancePins.Pin widened(Instance inst, int digits) {
            C8YhatSpectrum c = new C8YhatSpectrum();
            return new TolerancePins.Pin("bracket of mu_2 of relative width t (" + inst.describe() + ", " + digits
                + " digits)", digits, () -> {
                    ClosedForm cf = closedForm(inst, digits);
                    return c.judge(cf.spectrum().certificate(), cf.spectrum().singularValue(cf.spectrum().size() - 1), digits);
                }, t -> {
                    ClosedForm cf = closedForm(inst, digits);
                    SpectrumCertificate wide = CertificateFixtures.withWideBracket(cf.spectrum().certificate(), 1,
                        new BigDecimal(t.toString(true)));
                    return c.judge(wide, cf.spectrum().singularValue(cf.spectrum().size() - 1), digits);
                });
        }
    }

    @Nested
    class C10 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C10ThresholdLaw();
        }

        @Override
        boolean judgesCandidate() {
            return false;
        }

        /** The closed form's scalar solutions with solution i replaced by one with the given p. */
        private WrongAnswer wrongSolution(String label, Instance inst, int digits, int i, Apfloat p, Branch branch) {
            ClosedForm cf = closedForm(inst, digits);
            ScalarLaw law = cf.law();
            return new WrongAnswer(label + " (" + inst.describe() + ", " + digits + " digits)", () -> {
                List<ScalarSolution> sol = new ArrayList<>(cf.solutions());
                sol.set(i, TheoryFixtures.solution(law, sol.get(i).s(), p, branch));
                return new C10ThresholdLaw().judge(law, sol, cf.spectrum().certificate(), inst.bottleneck(), digits);
            });
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            Instance imb = Instances.imbalanced();
            ClosedForm cf = closedForm(imb, 60);
            Precision p = cf.precision();
            ScalarSolution first = cf.solutions().get(0);
            Instance bn = Instances.bottleneck();
            ClosedForm bcf = closedForm(bn, 60);
            int r = bn.bottleneck();
            Apfloat beyond = p.helper().divide(bcf.spectrum().singularValue(r), p.of(2L));
            Instance part = Instances.partial();
            ClosedForm pcf = closedForm(part, 60);
            Apfloat below = p.helper().divide(pcf.spectrum().singularValue(1), p.of(2L));
            return List.of(
                wrongSolution("surviving p*(s_1) set to 0", imb, 60, 0, Apfloat.ZERO, Branch.SURVIVING),
                wrongSolution("surviving p*(s_1) scaled by 1.001", imb, 60, 0,
                    p.helper().multiply(first.p(), new Apfloat("1.001", p.working())), Branch.SURVIVING),
                wrongSolution("surviving p*(s_1) replaced by 1e-9 s_1 (phi(p) > phi(0))", imb, 60, 0,
                    p.helper().multiply(first.s(), p.pow10(-9)), Branch.SURVIVING),
                wrongSolution("p*(s_" + (r + 1) + ") beyond the bottleneck set to s/2", bn, 60, r, beyond,
                    Branch.SURVIVING),
                wrongSolution("p*(s_2) below s_crit set to s/2", part, 60, 1, below, Branch.SURVIVING),
                wrongSolution("surviving p*(s_1) replaced by the smaller stationary point (a local maximum of phi)",
                    imb, 60, 0, smallerStationaryPoint(cf.law(), first.s()), Branch.SURVIVING),
                wrongSolution("p*(s_1) = s_crit exactly set to 1.001 times the jump", Instances.balancedAtThreshold(), 60,
                    0, p.helper().multiply(closedForm(Instances.balancedAtThreshold(), 60).law().jump(),
                        new Apfloat("1.001", p.working())), Branch.AT_THRESHOLD));
        }

        /**
         * p*(s_1) -&gt; (1 + eps) p*(s_1) moves g(p) = (s - p) q^(L-1) (q = p^(1/(L+1))) by
         * eps q^(L-1) |p - (s - p)(L - 1)/(L + 1)| to first order; over the magnitude
         * max(s q^(L-1), N lambda_bar) that is the residual, so eps is chosen to make it t.
         */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            return List.of(moved(Instances.imbalanced(), 60), moved(Instances.deep(), 30), moved(Instances.balanced(), 60));
        }

        private TolerancePins.Pin moved(Instance inst, int digits) {
            return new TolerancePins.Pin("p*(s_1) scaled by 1 + eps, root residual t (" + inst.describe() + ", " + digits
                + " digits)", digits, () -> judged(inst, digits, 0, null, null), t -> {
                    ClosedForm cf = closedForm(inst, digits);
                    Precision p = cf.precision();
                    FixedPrecisionApfloatHelper h = p.helper();
                    ScalarSolution x = cf.solutions().get(0);
                    int l = inst.depth();
                    Apfloat qPow = h.pow(x.q(), l - 1L);
                    Apfloat magnitude = ApfloatMath.max(h.multiply(x.s(), qPow), cf.law().nLambdaBar());
                    Apfloat slope = ApfloatMath.abs(h.subtract(x.p(), h.divide(h.multiply(h.subtract(x.s(), x.p()),
                        p.of(l - 1L)), p.of(l + 1L))));
                    Apfloat eps = h.divide(h.multiply(t, magnitude), h.multiply(qPow, slope));
                    return judged(inst, digits, 0, h.multiply(x.p(), h.add(Apfloat.ONE, eps)), null);
                });
        }

        /**
         * The smaller positive root of g(q) = s q^(L-1) - q^(2L) = N lambda_bar (L &gt;= 2), as p = q^(L+1):
         * bisection on [0, q_*], where g increases, q_*^(L+1) = (L-1) s / (2L).
         */
        private Apfloat smallerStationaryPoint(ScalarLaw law, Apfloat s) {
            Precision p = law.precision();
            FixedPrecisionApfloatHelper h = p.helper();
            int l = law.depth();
            Apfloat lo = Apfloat.ZERO;
            Apfloat hi = h.root(h.divide(h.multiply(p.of(l - 1L), s), p.of(2L * l)), l + 1L);
            for (int it = 0; it < 4 * p.working(); it++) {
                Apfloat mid = h.divide(h.add(lo, hi), p.of(2L));
                Apfloat g = h.subtract(h.multiply(s, h.pow(mid, l - 1L)), h.pow(mid, 2L * l));
                if (g.compareTo(law.nLambdaBar()) < 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return h.pow(lo, l + 1L);
        }

        private Verdict judged(Instance inst, int i, Apfloat p, SpectrumCertificate cert) {
            return judged(inst, 60, i, p, cert);
        }

        /** C10 at P digits on the closed form's solutions, solution i with p unless null, and cert unless null. */
        private Verdict judged(Instance inst, int digits, int i, Apfloat p, SpectrumCertificate cert) {
            ClosedForm cf = closedForm(inst, digits);
            List<ScalarSolution> sol = new ArrayList<>(cf.solutions());
            if (p != null) {
                sol.set(i, TheoryFixtures.solution(cf.law(), sol.get(i).s(), p, Branch.SURVIVING));
            }
            return new C10ThresholdLaw().judge(cf.law(), sol, cert == null ? cf.spectrum().certificate() : cert,
                inst.bottleneck(), digits);
        }

        /** Without a holding certificate no comparison with s_crit is decided: FAIL, residual 1. */
        @Test
        void aCertificateThatDoesNotHoldIsFail() {
            Instance inst = Instances.imbalanced();
            SpectrumCertificate cert = closedForm(inst, 60).spectrum().certificate();
            for (SpectrumCertificate broken : List.of(CertificateFixtures.withUncertifiedBracket(cert, 2),
                CertificateFixtures.withoutInterlacing(cert))) {
                assertResidualOne(judged(inst, 0, null, broken));
            }
        }

        /** The detail counts the sides (checked against the solutions) and names a wrong index, 1-based. */
        @Test
        void theDetailCountsTheSidesAndNamesAWrongIndex() {
            Instance imb = Instances.imbalanced();
            List<ScalarSolution> sol = closedForm(imb, 60).solutions();
            long positive = sol.stream().filter(x -> x.p().signum() > 0).count();
            Verdict right = judged(imb, 0, null, null);
            assertTrue(right.detail().startsWith(positive + " above s_crit, " + (sol.size() - positive) + " collapsed")
                && right.detail().endsWith(", 0 at s_crit or undecided at this precision"), right::toString);
            Verdict wrong = judged(imb, 0, Apfloat.ZERO, null);
            assertTrue(wrong.detail().endsWith("; wrong at i=1"), wrong::toString);
            Verdict at = judged(Instances.balancedAtThreshold(), 0, null, null);
            assertTrue(at.detail().startsWith("0 above s_crit, 1 collapsed")
                && at.detail().contains(", 4 at s_crit or undecided"), at::toString);
        }

        /**
         * p exactly at the maximum of g, q^(L+1) = (L-1) s / (2L) (where the two stationary points
         * would merge), is not a largest root: a wrong branch, residual 1.
         */
        @Test
        void pAtTheMaximumOfGIsAWrongBranch() {
            Instance imb = Instances.imbalanced();
            ClosedForm cf = closedForm(imb, 60);
            Precision p = cf.precision();
            int l = imb.depth();
            Apfloat s = cf.solutions().get(0).s();
            Apfloat atMax = p.helper().divide(p.helper().multiply(p.of(l - 1L), s), p.of(2L * l));
            assertResidualOne(judged(imb, 0, atMax, null));
        }

        private void assertResidualOne(Verdict v) {
            assertEquals(Status.FAIL, v.status(), v::toString);
            assertEquals("1", v.residualText(), v::toString);
        }

        /**
         * s = s_crit exactly (balanced at threshold, proven by the exact comparison): the law reports
         * the jump, and both minimizers, the jump and 0, PASS.
         */
        @Test
        void atAProvenThresholdBothBranchesPass() {
            Instance inst = Instances.balancedAtThreshold();
            ClosedForm cf = closedForm(inst, 60);
            ScalarLaw law = cf.law();
            ScalarSolution x = cf.solutions().get(0);
            assertEquals(Branch.AT_THRESHOLD, x.branch(), x::toString);
            assertEquals(0, x.p().compareTo(law.jump()), x::toString);
            Verdict jump = new C10ThresholdLaw().judge(law, cf.solutions(), cf.spectrum().certificate(), inst.bottleneck(), 60);
            assertEquals(Status.PASS, jump.status(), jump::toString);
            List<ScalarSolution> zero = new ArrayList<>(cf.solutions());
            zero.set(0, TheoryFixtures.solution(law, x.s(), Apfloat.ZERO, Branch.AT_THRESHOLD));
            Verdict collapsed = new C10ThresholdLaw().judge(law, zero, cf.spectrum().certificate(), inst.bottleneck(), 60);
            assertEquals(Status.PASS, collapsed.status(), collapsed::toString);
        }

        @Test
        void partialInstanceHasACollapsedValueInsideTheBottleneck() {
            ClosedForm cf = closedForm(Instances.partial(), 60);
            assertTrue(cf.solutions().get(0).p().signum() > 0, "s_1 must survive: " + cf.solutions());
            assertEquals(Branch.COLLAPSED, cf.solutions().get(1).branch(), "s_2 must lie below s_crit: "
                + cf.solutions());
            assertTrue(Instances.partial().bottleneck() > 1, "s_2 must lie inside the bottleneck");
        }

        @Test
        void anUnevaluableScalarSolutionIsFail() {
            Instance inst = Instances.imbalanced();
            ClosedForm cf = closedForm(inst, 60);
            Claim overflowing = new Claim() {
                @Override
                public String id() {
                    return "C10";
                }

                @Override
                public String statement() {
                    return claim().statement();
                }

                @Override
                public String hypotheses() {
                    return claim().hypotheses();
                }

                @Override
                public Verdict check(Subject subject) {
                    // p*(s_1) = 10^(5 10^18): phi_s(p) overflows while the solution is evaluated
                    List<ScalarSolution> sol = new ArrayList<>(cf.solutions());
                    Apfloat huge = new Apfloat("1e5000000000000000000", cf.precision().working());
                    sol.set(0, TheoryFixtures.solution(cf.law(), sol.get(0).s(), huge, Branch.SURVIVING));
                    return new C10ThresholdLaw().judge(cf.law(), sol, cf.spectrum().certificate(), inst.bottleneck(), 60);
                }
            };
            Verdict v = Catalogue.run(overflowing, closedFormSubject(inst, 60));
            assertEquals(Status.FAIL, v.status(), v::toString);
            assertEquals("NaN", v.residualText(), v::toString);
        }
    }
}
