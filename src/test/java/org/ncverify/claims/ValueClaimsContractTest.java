package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
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
                    AbstractClaimContract::scaledLastWeight),
                wrongPoint(c, "W_L scaled by 1.001 (non-optimal p)", Instances.deep(), 30,
                    AbstractClaimContract::scaledLastWeight),
                wrongPoint(c, "class mean 2 moved by 1e-6", Instances.imbalanced(), 60, x -> movedMean(x, 1)),
                wrongPoint(c, "bias b + 1e-6 e_1", Instances.imbalanced(), 60, AbstractClaimContract::shiftedBias),
                wrongPoint(c, "bias b + 1e-6 e_1", Instances.collapsed(), 30, AbstractClaimContract::shiftedBias));
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
                wrongPoint(c, "W_L scaled by 1.001 (non-optimal p)", imb, 60, AbstractClaimContract::scaledLastWeight),
                wrongPoint(c, "class mean 1 moved by 1e-6", imb, 60, x -> movedMean(x, 0)),
                wrongPoint(c, "class mean 4 moved by 1e-6", Instances.deep(), 30, x -> movedMean(x, 3)));
        }

        /**
         * Swapping the singular directions of s_1 and s_2 in W_L breaks the pairing (C5-C7) but
         * not the singular values of the product: C4 must still PASS, via its literal reading.
         */
        @Test
        void swappedSingularPairKeepsTheSpectrum() {
            Instance imb = Instances.imbalanced();
            ClosedForm cf = closedForm(imb, 60);
            Verdict v = Catalogue.run(claim(), wrongSubject(imb, 60, x -> swappedSingularPair(x, cf, 0, 1)));
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
                AbstractClaimContract::shiftedBias));
            return out;
        }
    }
}
