package org.ncverify.results.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/**
 * The size rules against independent computations: the published CIFAR-10-LT sizes, integer
 * cases where the double estimate sits on an integer, and seeded random rules against a
 * 60-digit Apfloat evaluation of n_max rho^(-i/(K-1)).
 */
class SizeRuleTest {
    @Test
    void cifarTenLongTailAtRatio100IsThePublishedSplit() {
        assertArrayEquals(new long[] {5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50},
            SizeRule.CIFAR_LT.sizes(10, 5000, new BigDecimal("100")));
    }

    @Test
    void powersOfTenLandExactlyOnIntegers() {
        // 5000 * 1000^(-i/3) = 5000, 500, 50, 5: the double estimate of 500 is 499.99999999999994
        assertArrayEquals(new long[] {5000, 500, 50, 5}, SizeRule.CIFAR_LT.sizes(4, 5000, new BigDecimal("1000")));
        assertArrayEquals(new long[] {64, 32, 16, 8, 4, 2, 1}, SizeRule.CIFAR_LT.sizes(7, 64, new BigDecimal("64")));
    }

    @Test
    void theExactComparisonDecidesOnBothSidesOfAnInteger() {
        // 500 = 5000 * 1000^(-1/3) exactly: 500 <= x, 501 > x
        assertTrue(SizeRule.atMost(500, 5000, new BigDecimal("1000"), 1, 3));
        assertFalse(SizeRule.atMost(501, 5000, new BigDecimal("1000"), 1, 3));
        // rho a hair above 1000: x a hair below 500, so the floor is 499
        assertFalse(SizeRule.atMost(500, 5000, new BigDecimal("1000.000000000001"), 1, 3));
        assertEquals(499, SizeRule.decayed(5000, new BigDecimal("1000.000000000001"), 1, 3));
        assertEquals(500, SizeRule.decayed(5000, new BigDecimal("999.999999999999"), 1, 3));
    }

    @Test
    void randomRulesMatchA60DigitEvaluation() {
        SplittableRandom random = new SplittableRandom(20261202L);
        int checked = 0;
        for (int trial = 0; trial < 100; trial++) {
            int k = 2 + random.nextInt(40);
            long nMax = 1 + random.nextLong(1_000_000);
            BigDecimal rho = new BigDecimal(1 + random.nextDouble() * Math.min(nMax - 1 + 1e-9, 5000))
                .round(new java.math.MathContext(6));
            if (rho.compareTo(BigDecimal.ONE) < 0 || rho.compareTo(BigDecimal.valueOf(nMax)) > 0) {
                continue;
            }
            long[] n = SizeRule.CIFAR_LT.sizes(k, nMax, rho);
            checked++;
            // c = rho^(-1/(K-1)) by one integer root at 60 digits, then x_i = n_max c^i
            Apfloat c = Apfloat.ONE.precision(60).divide(ApfloatMath.root(new Apfloat(rho.toPlainString(), 60), k - 1));
            for (int i = 0; i < k; i++) {
                Apfloat x = new Apfloat(nMax, 60).multiply(ApfloatMath.pow(c, i));
                long floor = ApfloatMath.floor(x.add(new Apfloat("1e-40", 60))).longValue();
                assertEquals(floor, n[i], "seed 20261202 trial " + trial + ": K = " + k + ", n_max = " + nMax + ", rho = " + rho
                    + ", i = " + i + ", x = " + x);
            }
        }
        assertTrue(checked > 50, "only " + checked + " rules checked");
    }

    @Test
    void stepHasHalfTheClassesAtNmaxAndTheRestAtTheFloorOfNmaxOverRho() {
        assertArrayEquals(new long[] {500, 500, 500, 50, 50}, SizeRule.STEP.sizes(5, 500, new BigDecimal("10")));
        assertArrayEquals(new long[] {100, 100, 33, 33}, SizeRule.STEP.sizes(4, 100, new BigDecimal("3")));
    }

    @Test
    void theSmallestSizeIsZeroJustPastNmaxEqualsRho() {
        assertEquals(1, SizeRule.smallest(100, new BigDecimal("100")));
        assertEquals(0, SizeRule.smallest(100, new BigDecimal("100.000001")));
        assertEquals(0, SizeRule.smallest(99, new BigDecimal("100")));
        assertEquals(100, SizeRule.smallest(10000, new BigDecimal("100")));
    }
}
