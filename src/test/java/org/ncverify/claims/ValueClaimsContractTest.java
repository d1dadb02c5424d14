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
import org.ncverify.model.Objective;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * The claim contract ({@link AbstractClaimContract}) run against C3 (optimal value), C4 (spectrum of the product) and C11 (stationarity): claims about the value, the product and the gradient of the candidate. Each nested
 * class only supplies its claim and its seeded wrong answers.
 */
class ValueClaimsContractTest {

    @Nested
    class C3 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C3OptimalValue();
        }

        @Override
        boolean judgesCandidate() {
            return true;
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            Claim c = claim();
            return List.of(
                wrongPoint(c, "W_L scaled by 1.001 (non-optimal p)", Instances.imbalanced(), 60,
                    WrongPoints::scaledLastWeight),
                wrongPoint(c, "W_L scaled by 1.001 (non-optimal p)", Instances.deep(), 30,
                    WrongPoints::scaledLastWeight),
                wrongPoint(c, "class mean 2 moved by 1e-6", Instances.imbalanced(), 60, x -> WrongPoints.movedMean(x, 1)),
                wrongPoint(c, "bias b + 1e-6 e_1", Instances.imbalanced(), 60, WrongPoints::shiftedBias),
                wrongPoint(c, "bias b + 1e-6 e_1", Instances.collapsed(), 30, WrongPoints::shiftedBias));
        }

        /**
         * f is quadratic in the unregularized bias with Hessian I and gradient 0 at the minimizer:
         * b + delta e_1 raises f by exactly delta^2 / 2, so delta = sqrt(2 t f*) gives residual t.
         */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            TolerancePins.Perturbation bias = (cf, t) -> {
                FixedPrecisionApfloatHelper h = cf.precision().helper();
                return WrongPoints.shiftedBias(cf.point(), h.sqrt(h.multiply(h.multiply(t, cf.precision().of(2L)),
                    cf.objective())));
            };
            String label = "bias b + sqrt(2 t f*) e_1 (f rises by t f*)";
            return List.of(TolerancePins.onPoint(claim(), label, Instances.imbalanced(), 60, bias),
                TolerancePins.onPoint(claim(), label, Instances.deep(), 30, bias),
                TolerancePins.onPoint(claim(), label, Instances.collapsed(), 60, bias));
        }
    }

    @Nested
    class C4 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C4ProductSpectrum();
        }

        @Override
        boolean judgesCandidate() {
            return true;
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            Claim c = claim();
            Instance imb = Instances.imbalanced();
            return List.of(
                wrongPoint(c, "W_L scaled by 1.001 (non-optimal p)", imb, 60, WrongPoints::scaledLastWeight),
                wrongPoint(c, "class mean 1 moved by 1e-6", imb, 60, x -> WrongPoints.movedMean(x, 0)),
                wrongPoint(c, "class mean 4 moved by 1e-6", Instances.deep(), 30, x -> WrongPoints.movedMean(x, 3)));
        }

        /**
         * W_L scaled by 1 + eps: the singular values of the product become (1 + eps) p*, so the
         * residual is eps p*(s_1) / max(s_1, 1); eps = t max(s_1, 1) / p*(s_1).
         */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            TolerancePins.Perturbation scaled = (cf, t) -> {
                FixedPrecisionApfloatHelper h = cf.precision().helper();
                Apfloat scale = ApfloatMath.max(cf.spectrum().singularValue(0), Apfloat.ONE);
                return WrongPoints.scaledLastWeight(cf.point(), h.divide(h.multiply(t, scale), cf.productSingularValues()[0]));
            };
            String label = "W_L scaled by 1 + t max(s_1, 1) / p*(s_1)";
            return List.of(TolerancePins.onPoint(claim(), label, Instances.imbalanced(), 60, scaled),
                TolerancePins.onPoint(claim(), label, Instances.deep(), 30, scaled),
                TolerancePins.onPoint(claim(), label, Instances.balancedDeep(), 60, scaled));
        }

        /**
         * Swapping the singular directions of s_1 and s_2 in W_L breaks the pairing (C5-C7) but
         * not the singular values of the product: C4 must still PASS, via its literal reading.
         */
        @Test
        void swappedSingularPairKeepsTheSpectrum() {
            Instance imb = Instances.imbalanced();
            ClosedForm cf = closedForm(imb, 60);
            Verdict v = Catalogue.run(claim(), wrongSubject(imb, 60, x -> WrongPoints.swappedSingularPair(x, cf, 0, 1)));
            assertEquals(Status.PASS, v.status(), v::toString);
            assertTrue(v.reading().startsWith("literal"), v::toString);
        }
    }

    @Nested
    class C11 extends AbstractClaimContract {
        @Override
        Claim claim() {
            return new C11Stationarity();
        }

        @Override
        boolean judgesCandidate() {
            return true;
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            List<WrongAnswer> out = new ArrayList<>(unbalancedFactors(claim()));
            out.add(wrongPoint(claim(), "bias b + 1e-6 e_1", Instances.imbalanced(), 60,
                WrongPoints::shiftedBias));
            return out;
        }

        /**
         * b + delta e_1 at the closed form: the residuals r_i gain delta e_1, so grad_b = delta e_1,
         * each of the N columns of grad_H gains delta W^T e_1 / N, and grad_{W_l} gains a multiple of
         * h_G = 0: ||grad f|| = delta sqrt(1 + ||W^T e_1||^2 / N), W = W_L...W_1. With the gradient
         * scale of the closed form, delta = t scale / sqrt(1 + ||W^T e_1||^2 / N).
         */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            TolerancePins.Perturbation bias = (cf, t) -> {
                Precision p = cf.precision();
                FixedPrecisionApfloatHelper h = p.helper();
                Apfloat scale = Objective.evaluate(cf.instance(), cf.point(), p).gradient().scale();
                Apfloat row = ApMatrix.norm(cf.point().weightProduct(p).row(0), p);
                Apfloat gain = h.sqrt(h.add(Apfloat.ONE, h.divide(h.multiply(row, row), p.of(cf.instance().total()))));
                return WrongPoints.shiftedBias(cf.point(), h.divide(h.multiply(t, scale), gain));
            };
            String label = "bias b + delta e_1, ||grad f|| = t scale";
            return List.of(TolerancePins.onPoint(claim(), label, Instances.imbalanced(), 60, bias),
                TolerancePins.onPoint(claim(), label, Instances.deep(), 30, bias),
                TolerancePins.onPoint(claim(), label, Instances.balanced(), 60, bias));
        }
    }
}
