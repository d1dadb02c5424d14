package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apfloat.Aprational;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.support.ExactThreshold;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarLaw;

/**
 * Instances on which {@link ClaimPropertiesTest} found the 40-digit closed form judged FAIL (or
 * not built at all), pinned by their {@code ncverify solve} flags (not by seed: a seed stops
 * replaying when a generator changes). Each must pass every claim once its bug is fixed.
 * <ul>
 * <li>sizes (1, 1, 2) (found by BOTTLENECK): YhatSpectrum throws "secular root did not converge
 *     at 52 digits" (the root mu = 3/2 is exact; 30 digits work, 40 and 60 do not). Sizes
 *     (1, 2, 1, 3, 1) (NEAR_THRESHOLD seed 175) make it throw at 92 digits, (3, 3, 1, 1, 1, 1, 1, 1)
 *     (STEP) and (2541148, 1270574, 1270574) = 1270574 (2, 1, 1) (STEP, root mu = 3/2 1270574
 *     exactly) at 52 digits. Resolved: each root is the exact midpoint of its interval, which the
 *     double-precision side test put ON a bracket end (see SpectrumRegressionTest).</li>
 * <li>L = 8, 7 and 5 (found by DEEP), L = 3 (BALANCED, K = 20): C10 FAILs with residual 2.7e-25,
 *     1.3e-15, 1.7e-15, 1.2e-17 (tolerance 1e-42): ScalarLaw.solve(s_crit) returned p off the jump
 *     (L-1) s_crit / L by a relative 4.4e-26 and 2.5e-16 at every precision. Resolved with the
 *     exact thresholdPower below: s_crit itself was wrong (the Aprational product went through
 *     Apfloat's truncating Apint.divide), so C10's jump target and the law disagreed.</li>
 * <li>L = 1, s_2 = s_crit (1 + 6e-38) (found by NEAR_THRESHOLD): C10 FAILs with residual 1: its
 *     check phi(p) &lt; phi(0) is strict, and phi(0) - phi(p) = p^2 / (2N) is below the rounding
 *     level of phi.</li>
 * <li>L = 1, n = (1, 1), s_1 = s_crit (1 + ~1e-60) (NEAR_THRESHOLD, exact mode): C10 FAILs with
 *     residual 1: the solver calls s_1 AT_THRESHOLD (band 1e-48) and sets p = 0, C10 certifies
 *     s_1 &gt; s_crit exactly and demands p &gt; 0 (the true p* = s_1 - N lambda_bar ~ 1e-60).</li>
 * <li>L = 4, s_4 = s_crit and L = 3, s_3 = s_crit (1 + ~1e-60) (NEAR_THRESHOLD seed 5241679387900305761, exact mode):
 *     C10 FAILs with residual 1 (s_4 certified above s_crit; phi(p) &lt; phi(0) is strict and the
 *     two are equal to ~1e-60 there).</li>
 * </ul>
 */
class ClaimPropertyRegressionTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "--sizes 1,1,2 --dim 1 --depth 2 --widths 2 --lambda-w 0.0024 --lambda-h 0.0024",
        "--sizes 1,2,1,3,1 --dim 5 --depth 2 --lambda-w 0.001 --lambda-h 0.001",
        "--sizes 3,3,1,1,1,1,1,1 --dim 9 --depth 3 --lambda-w 0.206 --lambda-h 0.206",
        "--sizes 2541148,1270574,1270574 --dim 5 --depth 2 --lambda-w 0.000269 --lambda-h 0.000269",
        "--sizes 548,518,4,6252 --dim 4 --depth 8 --widths 4,4,5,3,4,4,6 --lambda-w 0.000746 --lambda-h 0.000746",
        "--sizes 5,4,2,4,2,1,2,4 --dim 16 --depth 7 --lambda-w 1.73E-7 --lambda-h 1.73E-7",
        "--sizes 12,4,226,7,8,67,86,26,4,47,1,3,213,112 --dim 13 --depth 5 --lambda-w 5.07E-7 --lambda-h 5.07E-7",
        "--sizes 376704,376704,376704,376704,376704,376704,376704,376704,376704,376704,376704,376704,376704,376704,"
            + "376704,376704,376704,376704,376704,376704 --dim 28 --depth 3 --lambda-w 9.58E-10 --lambda-h 9.58E-10",
        "--sizes 2228,17,21979 --dim 3 --depth 1 --lambda-w 0.00537 --lambda-h 0.000008075304129109247416668992095959557019084",
        "--sizes 1,1 --dim 1 --depth 1 --lambda-w 0.0861 --lambda-h 2.9036004645760743321718931475029036004645760743321718931475",
        "--sizes 6,21,6,12,11,5 --dim 8 --depth 4 --widths 8,8,8 --lambda-w 0.0175,0.00413,0.0111,0.0708 "
            + "--lambda-h 0.0111300040712849305217146472307685158804063292364168347287024",
        "--sizes 18,10,2,10,2,13,1 --dim 7 --depth 3 --lambda-w 0.000126,0.0000307,0.00718 "
            + "--lambda-h 20088.4759831912631883298024823807922806329886316055209053338",
    })
    void closedFormFailsNoClaim(String flags) {
        Instance inst = parse(flags);
        ClosedForm cf = ClosedForm.of(inst, Precision.of(ClaimPropertiesTest.DIGITS));
        for (Verdict v : Catalogue.all().run(Subject.ofClosedForm(cf))) {
            assertNotEquals(Status.FAIL, v.status(), () -> inst.describe() + ": " + v);
        }
    }

    /**
     * Found by ProfileTest (near-threshold distance off by 5e-15 on NEAR_THRESHOLD seed 21):
     * ScalarLaw.thresholdPower() = N^(L+1) Lambda C_L is an Aprational product, and Apfloat's
     * Apint.divide (1.15.0 and 1.16.0) truncates some exact quotients of integers with long runs
     * of trailing zeros (here 2.5e56 / 2^30 during the gcd reduction of 64^5 Lambda), so the
     * rational, hence s_crit for the closed form AND for C10's exact comparison, is off by a
     * relative 4e-14. Compared with the same product formed in BigInteger.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "--sizes 10,54 --dim 4 --depth 4 --widths 3,2,5 --lambda-w 0.00000982,0.00000316,0.0000753,0.0000893 "
            + "--lambda-h 149112511173.0512564676875034155135048345",
    })
    void thresholdPowerIsTheExactRational(String flags) {
        Instance inst = parse(flags);
        BigInteger[] exact = ExactThreshold.power(inst);
        Aprational got = ScalarLaw.of(inst, Precision.of(ClaimPropertiesTest.DIGITS)).thresholdPower();
        assertEquals(exact[0].multiply(got.denominator().toBigInteger()), exact[1].multiply(got.numerator().toBigInteger()),
            () -> "s_crit^(2L) = " + got + ", exactly " + exact[0] + "/" + exact[1]);
    }

    /** The instance of {@code ncverify solve} flags as printed by {@link Instance#describe()}. */
    static Instance parse(String flags) {
        String[] t = flags.trim().split("\\s+");
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < t.length; i += 2) {
            m.put(t[i], t[i + 1]);
        }
        long[] sizes = Arrays.stream(m.get("--sizes").split(",")).mapToLong(Long::parseLong).toArray();
        int[] widths = m.containsKey("--widths")
            ? Arrays.stream(m.get("--widths").split(",")).mapToInt(Integer::parseInt).toArray() : null;
        Aprational[] lw = Arrays.stream(m.get("--lambda-w").split(","))
            .map(x -> Rationals.parseDecimal("--lambda-w", x)).toArray(Aprational[]::new);
        return Instance.of(sizes, Integer.parseInt(m.get("--dim")), widths, Integer.parseInt(m.get("--depth")), lw,
            Rationals.parseDecimal("--lambda-h", m.get("--lambda-h")));
    }
}
