package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarLaw;

/** Every cell of the phase diagram is the closed form's surviving count. */
class PhaseDiagramTest {
    private static int closedForm(long[] sizes, int dim, int depth, BigDecimal lambda, int digits) {
        return ClosedForm.of(MinorityCollapse.at(sizes, dim, depth, Rationals.of(lambda)), Precision.of(digits))
            .survivingDirections();
    }

    @Test
    void everyCellOfASmallFamilyEqualsTheClosedForm() {
        LongTailFamily family = LongTailFamily.of(10, 5000, 100, 4, PhaseDiagram.DIGITS);
        BigDecimal[] decays = PhaseDiagram.decays(-5, -1, 9);
        PhaseDiagram d = PhaseDiagram.of(family, 16, decays);
        for (PhaseDiagram.Panel p : d.panels()) {
            for (int j = 0; j < family.rho().length; j++) {
                for (int t = 0; t < decays.length; t++) {
                    assertEquals(closedForm(family.sizes(j), 16, p.depth(), decays[t], PhaseDiagram.DIGITS),
                        p.surviving()[j][t], "L = " + p.depth() + ", rho = " + family.rho()[j] + ", lambda = " + decays[t]);
                }
            }
        }
    }

    @Test
    void seededCellsOfTheCifar100GridEqualTheClosedForm() {
        LongTailFamily family = LongTailFamily.of(100, 500, 500, 5, PhaseDiagram.DIGITS);
        BigDecimal[] decays = PhaseDiagram.decays(-5, -2, 13);
        PhaseDiagram d = PhaseDiagram.of(family, TheoryFigures.CIFAR100_DIM, decays);
        SplittableRandom rnd = new SplittableRandom(1414L);
        for (int n = 0; n < 6; n++) {
            PhaseDiagram.Panel p = d.panels().get(n % 3);
            int j = rnd.nextInt(family.rho().length);
            int t = rnd.nextInt(decays.length);
            assertEquals(closedForm(family.sizes(j), TheoryFigures.CIFAR100_DIM, p.depth(), decays[t], 20),
                p.surviving()[j][t], "seed 1414 draw " + n + ": L = " + p.depth() + ", rho = " + family.rho()[j]
                    + ", lambda = " + decays[t]);
        }
    }

    @Test
    void anExactTieAtThresholdCollapsesForLOneAndJumpsForLTwo() {
        // balanced (4 x 5): s_i = 2 for i < K, N = 20; L = 1: s_crit = N lambda = 2 at lambda = 0.1;
        // L = 2: s_crit^4 = 16 N^3 lambda^3 = 16 at lambda = 0.05
        long[] sizes = {4, 4, 4, 4, 4};
        LongTailFamily family = new LongTailFamily(5, 4, new double[] {1},
            java.util.List.of(YhatSpectrum.compute(sizes, Precision.of(PhaseDiagram.DIGITS))));
        BigDecimal[] decays = {new BigDecimal("0.05"), new BigDecimal("0.1")};
        PhaseDiagram d = PhaseDiagram.of(family, 8, decays);
        assertEquals(4, d.panels().get(0).surviving()[0][0]);
        assertEquals(0, d.panels().get(0).surviving()[0][1]);
        assertEquals(4, d.panels().get(1).surviving()[0][0]);
        assertEquals(0, d.panels().get(1).surviving()[0][1]);
        for (int t = 0; t < 2; t++) {
            for (int depth = 1; depth <= 2; depth++) {
                assertEquals(closedForm(sizes, 8, depth, decays[t], PhaseDiagram.DIGITS), d.panels().get(depth - 1).surviving()[0][t]);
            }
        }
    }

    @Test
    void aThresholdInsideABracketIsRefinedAtMoreDigits() {
        // L = 1: s_crit = N lambda; lambda = s_1 / N to 30 digits sits inside s_1's 20-digit bracket
        LongTailFamily family = LongTailFamily.of(10, 5000, 100, 2, PhaseDiagram.DIGITS);
        long[] sizes = family.sizes(1);
        long total = java.util.Arrays.stream(sizes).sum();
        YhatSpectrum fine = YhatSpectrum.compute(sizes, Precision.of(80));
        BigDecimal lambda = new BigDecimal(fine.singularValue(0).toString(true)).divide(BigDecimal.valueOf(total),
            new MathContext(30));
        ScalarLaw law = ScalarLaw.of(1, total, Rationals.of(lambda.multiply(lambda)), Precision.of(PhaseDiagram.DIGITS));
        assertNull(PhaseDiagram.count(family.spectra().get(1).certificate(), law, 10), "undecided at 20 digits");
        PhaseDiagram d = PhaseDiagram.of(family, 16, new BigDecimal[] {lambda});
        PhaseDiagram.Panel p = d.panels().get(0);
        assertEquals(1, p.refined());
        assertEquals(0, p.undecided());
        assertNotNull(p.surviving()[1][0]);
        assertEquals(closedForm(sizes, 16, 1, lambda, PhaseDiagram.REFINE_DIGITS), p.surviving()[1][0]);
    }

    @Test
    void decaysAreExactThreeDigitDecimals() {
        BigDecimal[] d = PhaseDiagram.decays(-5, -2, 7);
        assertEquals(0, d[0].compareTo(new BigDecimal("0.00001")));
        assertEquals(0, d[6].compareTo(new BigDecimal("0.01")));
        for (BigDecimal x : d) {
            assertEquals(true, x.precision() <= 3, x.toPlainString());
        }
    }
}
