package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.apfloat.Aprational;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * The figure's lambda_i is where direction i collapses: just below it (relative 1e-8) the closed
 * form keeps directions 1..i, just above it 1..i-1 (a tied block: all of it or none), for
 * CIFAR-100-LT rho = 100 at L = 1, 2, 3.
 */
class MinorityCollapseTest {
    private static final long[] SIZES = NamedCase.longTail(100, 500, 100);
    private static MinorityCollapse figure;

    @BeforeAll
    static void build() {
        figure = MinorityCollapse.of("CIFAR-100-LT rho=100", SIZES, 128, 1e-3);
    }

    /** lambda (1 + rel) as an exact 28-digit decimal. */
    private static Aprational shifted(String lambda, String rel) {
        BigDecimal l = new BigDecimal(lambda);
        return Rationals.of(l.add(l.multiply(new BigDecimal(rel))).round(new MathContext(28)));
    }

    private static int surviving(int depth, Aprational lambda) {
        return ClosedForm.of(MinorityCollapse.at(SIZES, 128, depth, lambda), Precision.of(30)).survivingDirections();
    }

    @Test
    void eachDepthsCollapseDecayPutsItsDirectionAtThreshold() {
        int[] index = {1, 50, 99};
        for (int depth = 1; depth <= 3; depth++) {
            int i = index[depth - 1];
            MinorityCollapse.Direction d = figure.depths().get(depth - 1).directions().get(i - 1);
            assertEquals(i, d.index());
            // a tie (sizes repeated: the tail of CIFAR-100-LT) collapses as one block
            List<MinorityCollapse.Direction> all = figure.depths().get(depth - 1).directions();
            BigDecimal mu = new BigDecimal(d.eigenvalue());
            long atLeast = all.stream().filter(x -> new BigDecimal(x.eigenvalue()).compareTo(mu) >= 0).count();
            long above = all.stream().filter(x -> new BigDecimal(x.eigenvalue()).compareTo(mu) > 0).count();
            assertTrue(atLeast >= i && above <= i - 1);
            assertEquals(atLeast, surviving(depth, shifted(d.lambdaExact(), "-1e-8")), "L = " + depth + ", i = " + i + " below");
            assertEquals(above, surviving(depth, shifted(d.lambdaExact(), "1e-8")), "L = " + depth + ", i = " + i + " above");
        }
    }

    @Test
    void depthOneIsTheSoftThresholdSiOverN() {
        long total = 0;
        for (long n : SIZES) {
            total += n;
        }
        List<MinorityCollapse.Direction> dirs = figure.depths().get(0).directions();
        for (MinorityCollapse.Direction d : dirs.subList(0, 99)) {
            double expected = Math.sqrt(Double.parseDouble(d.eigenvalue())) / total;
            assertEquals(expected, d.lambda(), expected * 1e-13, "i = " + d.index());
        }
    }

    @Test
    void decaysDecreaseWithTheMinorityAndTheNullDirectionHasNone() {
        for (MinorityCollapse.Depth dep : figure.depths()) {
            List<MinorityCollapse.Direction> dirs = dep.directions();
            assertEquals(100, dirs.size());
            for (int i = 1; i < 99; i++) {
                assertTrue(dirs.get(i).lambda() <= dirs.get(i - 1).lambda(), "L = " + dep.depth() + ", i = " + (i + 1));
            }
            assertNull(dirs.get(99).lambda());
            assertEquals("s_i = 0", dirs.get(99).note());
        }
    }

    @Test
    void directionsBeyondTheBottleneckNeverSurvive() {
        MinorityCollapse narrow = MinorityCollapse.of("narrow", new long[] {50, 20, 10, 5, 2}, 2, 1e-3);
        for (MinorityCollapse.Depth dep : narrow.depths()) {
            assertNotNull(dep.directions().get(1).lambda());
            for (int i = 2; i < 5; i++) {
                assertNull(dep.directions().get(i).lambda());
                assertTrue(dep.directions().get(i).note() != null);
            }
        }
    }
}
