package org.ncverify.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.apfloat.AprationalMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.support.ReferenceCase;

/**
 * The scalar law of SPEC section 2: phi_s(p) = (p - s)^2/(2N) + (L+1)/2 lambda_bar p^(2/(L+1)).
 * Every quantity is compared with an independent evaluation (exact rationals, the stationarity
 * equation, a double brute force, the mpmath reference); tolerances derive from the precision.
 */
class ScalarLawTest {
    /** Base seed; override with -Dncverify.seed=... to explore. */
    private static final long SEED = Long.getLong("ncverify.seed", 20240611L);
    private static final int P = 60;

    private static Aprational dec(String text) {
        return Rationals.parseDecimal("test", text);
    }

    private static Aprational rat(long num, long den) {
        return new Aprational(new Apint(num), new Apint(den));
    }

    /** |a - b| / |b| (|a - b| when b = 0). */
    private static Apfloat rel(Apfloat a, Apfloat b, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat d = ApfloatMath.abs(h.subtract(a, b));
        return b.signum() == 0 ? d : h.divide(d, ApfloatMath.abs(b));
    }

    private static void assertClose(Apfloat a, Apfloat b, Apfloat tol, String what) {
        Precision p = Precision.of(P);
        Apfloat r = rel(a, b, p);
        assertTrue(r.compareTo(tol) <= 0, () -> what + ": relative error " + Precision.formatScientific(r, 3)
            + " exceeds " + Precision.formatScientific(tol, 3) + " (" + Precision.format(a, 25) + " vs "
            + Precision.format(b, 25) + ")");
    }

    /** phi_s(p) evaluated from the definition, with p^(2/(L+1)) as a real root of p^2. */
    private static Apfloat phi(int depth, long total, Aprational lambda, Apfloat s, Apfloat p, Precision pr) {
        FixedPrecisionApfloatHelper h = pr.helper();
        Apfloat lambdaBar = h.root(pr.of(lambda), depth + 1L);
        Apfloat d = h.subtract(p, s);
        Apfloat data = h.divide(h.multiply(d, d), pr.of(2 * total));
        if (p.signum() == 0) {
            return data;
        }
        Apfloat pen = h.root(h.multiply(p, p), depth + 1L);
        return h.add(data, h.divide(h.multiply(pr.of(depth + 1L), h.multiply(lambdaBar, pen)), pr.of(2L)));
    }

    // ---------------------------------------------------------------- L = 1: soft threshold

    @Test
    void depthOneIsTheSoftThresholdAtNLambdaBarExactly() {
        Precision p = Precision.of(P);
        long total = 20;
        // Lambda = 4e-3 * 1e-3 = 4e-6, lambda_bar = 2e-3 exactly, N lambda_bar = 1/25
        Aprational lambda = dec("4e-3").multiply(dec("1e-3"));
        Aprational nLambdaBar = rat(1, 25);
        ScalarLaw law = ScalarLaw.of(1, total, lambda, p);
        Apfloat tol = p.target();
        assertClose(law.threshold(), p.of(nLambdaBar), tol, "s_crit = N lambda_bar");
        assertClose(law.nLambdaBar(), p.of(nLambdaBar), tol, "N lambda_bar");
        assertEquals(new Aprational(new Apint(total * total)).multiply(lambda), law.thresholdPower(),
            "s_crit^2 = N^2 Lambda exactly");
        for (Aprational s : List.of(rat(3, 7), rat(1, 3), rat(41, 1000), rat(5, 2), rat(123456, 1000))) {
            ScalarSolution x = law.solve(p.of(s));
            Aprational expected = s.subtract(nLambdaBar);
            assertEquals(Branch.SURVIVING, x.branch(), "branch at s = " + s);
            assertClose(x.p(), p.of(expected), tol, "p*(" + s + ") = s - N lambda_bar");
            assertClose(x.phi(), phi(1, total, lambda, p.of(s), p.of(expected), p), tol, "phi at p*(" + s + ")");
        }
        for (Aprational s : List.of(rat(0, 1), rat(1, 100), rat(39, 1000), rat(3999, 100000))) {
            ScalarSolution x = law.solve(p.of(s));
            assertEquals(0, x.p().signum(), "p*(" + s + ") must be exactly 0 below N lambda_bar, got " + x.p());
            assertEquals(Branch.COLLAPSED, x.branch(), "branch at s = " + s);
        }
        // non-square Lambda: s_crit^2 = N^2 Lambda still holds to the precision
        Aprational lambda2 = dec("1e-3").multiply(dec("3e-3"));
        ScalarLaw law2 = ScalarLaw.of(1, 7, lambda2, p);
        Apfloat sq = p.helper().multiply(law2.threshold(), law2.threshold());
        assertClose(sq, p.of(new Aprational(new Apint(49)).multiply(lambda2)), tol, "s_crit^2 = N^2 Lambda");
    }

    // ---------------------------------------------------------------- L >= 2: jump

    static Stream<Integer> depths() {
        return Stream.of(2, 3, 5, 8);
    }

    @ParameterizedTest(name = "L = {0}")
    @MethodSource("depths")
    void deepLawSolvesStationarityAboveThresholdAndCollapsesBelow(int depth) {
        Precision p = Precision.of(P);
        FixedPrecisionApfloatHelper h = p.helper();
        long total = 37;
        Aprational lambda = dec("1e-3").multiply(dec("2e-3"));
        for (int l = 1; l < depth; l++) {
            lambda = lambda.multiply(dec("1.5e-3"));
        }
        ScalarLaw law = ScalarLaw.of(depth, total, lambda, p);
        Apfloat sCrit = law.threshold();
        Apfloat lambdaBar = h.root(p.of(lambda), depth + 1L);
        Apfloat nLambdaBar = h.multiply(p.of(total), lambdaBar);
        Apfloat tol = p.pow10(-(P - 5));
        for (String factor : List.of("1.01", "1.5", "3", "10", "1000")) {
            Apfloat s = h.multiply(sCrit, new Apfloat(factor, p.working()));
            ScalarSolution x = law.solve(s);
            String at = "L = " + depth + ", s = " + factor + " s_crit";
            assertEquals(Branch.SURVIVING, x.branch(), at);
            assertTrue(x.p().signum() > 0, at + ": p* must be positive");
            // (s - p) p^((L-1)/(L+1)) = N lambda_bar, p^((L-1)/(L+1)) computed afresh from p
            Apfloat pow = h.root(h.pow(x.p(), depth - 1L), depth + 1L);
            assertClose(h.multiply(h.subtract(s, x.p()), pow), nLambdaBar, tol, at + ": stationarity");
            assertClose(h.pow(x.q(), depth + 1L), x.p(), tol, at + ": q^(L+1) = p");
            Apfloat fp = phi(depth, total, lambda, s, x.p(), p);
            Apfloat f0 = phi(depth, total, lambda, s, Apfloat.ZERO, p);
            assertTrue(fp.compareTo(f0) < 0, at + ": phi(p*) = " + Precision.format(fp, 20) + " is not below phi(0) = "
                + Precision.format(f0, 20));
            assertClose(x.phi(), fp, tol, at + ": reported phi");
            // the largest root: beyond the maximum of (s - p) p^a at p = (L-1) s / (2L)
            Apfloat peak = h.divide(h.multiply(p.of(depth - 1L), s), p.of(2L * depth));
            assertTrue(x.p().compareTo(peak) > 0, at + ": p* is not the largest root");
        }
        for (String factor : List.of("0", "0.1", "0.5", "0.9", "0.999999")) {
            Apfloat s = h.multiply(sCrit, new Apfloat(factor, p.working()));
            ScalarSolution x = law.solve(s);
            assertEquals(0, x.p().signum(), "L = " + depth + ", s = " + factor + " s_crit: p* must be exactly 0");
            assertEquals(Branch.COLLAPSED, x.branch());
        }
    }

    /**
     * The largest root carries its P digits whatever the Newton start (double seed or s^(1/(L+1))):
     * on seeded random s from 1 + 1e-12 to 1e6 times s_crit, and 1e400 s_crit (no double seed), for a small and a large N, the reported q, taken
     * at P + 25 digits, has a Newton correction (g(q) - N lambda_bar) / (g'(q) q) of at most
     * 10^-P: for a simple root that is its relative distance from the exact root to first order.
     * A root refined only to the 20 digits of the first stage, or to the 16 of a double seed, is off
     * by 1e-20 or more.
     */
    @ParameterizedTest(name = "L = {0}")
    @MethodSource("depths")
    void largestRootCarriesItsDigitsFromAnyStart(int depth) {
        Precision p = Precision.of(P);
        Precision hi = Precision.of(P + 25);
        FixedPrecisionApfloatHelper h = hi.helper();
        Random rnd = new Random(SEED + depth);
        for (long total : new long[] {37, 1_234_567}) {
            Aprational lambda = dec("1e-3").multiply(dec("2e-3"));
            ScalarLaw law = ScalarLaw.of(depth, total, lambda, p);
            Apfloat nLambdaBar = h.multiply(hi.of(total), h.root(hi.of(lambda), depth + 1L));
            for (int t = 0; t < 40; t++) {
                double e = t == 0 ? -12 : t == 1 ? 400 : -12 + 18 * rnd.nextDouble();
                Apfloat factor = t == 1 ? new Apfloat("1e400", P) // beyond double: the s^(1/(L+1)) start
                    : p.helper().add(Apfloat.ONE, new Apfloat(Math.pow(10, e), 17));
                Apfloat s = p.helper().multiply(law.threshold(), factor);
                ScalarSolution x = law.solve(s);
                String at = "L = " + depth + ", N = " + total + ", s = s_crit (1 + 1e" + String.format("%.2f", e) + ")";
                assertEquals(Branch.SURVIVING, x.branch(), at);
                Apfloat q = hi.of(x.q());
                Apfloat xl2 = h.pow(q, depth - 2L);
                Apfloat x2l1 = h.pow(q, 2L * depth - 1);
                Apfloat g = h.subtract(h.subtract(h.multiply(s, h.multiply(xl2, q)), h.multiply(x2l1, q)), nLambdaBar);
                Apfloat dg = h.subtract(h.multiply(hi.of(depth - 1L), h.multiply(s, xl2)), h.multiply(hi.of(2L * depth), x2l1));
                Apfloat correction = ApfloatMath.abs(h.divide(g, h.multiply(dg, q)));
                assertTrue(correction.compareTo(hi.pow10(-P)) <= 0, () -> at + ": Newton correction "
                    + Precision.formatScientific(correction, 3) + " of q exceeds 1e-" + P);
            }
        }
    }

    @ParameterizedTest(name = "L = {0}")
    @MethodSource("depths")
    void atThresholdTheJumpLandsOnTheSecondMinimizer(int depth) {
        Precision p = Precision.of(P);
        FixedPrecisionApfloatHelper h = p.helper();
        long total = 20;
        Aprational lambda = AprationalMath.pow(dec("1e-3"), depth + 1L);
        ScalarLaw law = ScalarLaw.of(depth, total, lambda, p);
        Apfloat tol = p.pow10(-(P - 5));
        // s_crit independently: the 2L-th root of N^(L+1) Lambda L^(L+1) (L/(L-1))^(L-1)
        Aprational power = AprationalMath.pow(new Aprational(new Apint(total)), depth + 1L).multiply(lambda)
            .multiply(AprationalMath.pow(new Aprational(new Apint(depth)), depth + 1L))
            .multiply(AprationalMath.pow(rat(depth, depth - 1L), depth - 1L));
        Apfloat sCrit = h.root(p.of(power), 2L * depth);
        assertClose(law.threshold(), sCrit, tol, "L = " + depth + ": s_crit");
        ScalarSolution x = law.solve(sCrit);
        assertEquals(Branch.AT_THRESHOLD, x.branch(), "L = " + depth);
        Apfloat jump = h.divide(h.multiply(p.of(depth - 1L), sCrit), p.of((long) depth));
        assertClose(x.p(), jump, tol, "L = " + depth + ": positive root at s_crit = (L-1) s_crit / L");
        assertClose(law.jump(), jump, tol, "L = " + depth + ": law.jump()");
        Apfloat collapsed = h.divide(h.multiply(sCrit, sCrit), p.of(2 * total));
        assertClose(x.phi(), collapsed, tol, "L = " + depth + ": phi(jump) = s_crit^2 / (2N)");
        assertClose(phi(depth, total, lambda, sCrit, jump, p), collapsed, tol,
            "L = " + depth + ": phi(jump) from the definition = phi(0)");
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void thresholdPowerIsTheExactRational(int depth) {
        Precision p = Precision.of(P);
        long total = 1234;
        Aprational lambda = AprationalMath.pow(dec("2.5e-4"), depth + 1L);
        ScalarLaw law = ScalarLaw.of(depth, total, lambda, p);
        Aprational expected = AprationalMath.pow(new Aprational(new Apint(total)), depth + 1L).multiply(lambda);
        if (depth >= 2) {
            expected = expected.multiply(AprationalMath.pow(new Aprational(new Apint(depth)), depth + 1L))
                .multiply(AprationalMath.pow(rat(depth, depth - 1L), depth - 1L));
        }
        assertEquals(expected, law.thresholdPower(), "L = " + depth + ": s_crit^(2L) as a rational");
        Apfloat pw = p.helper().pow(law.threshold(), 2L * depth);
        assertClose(pw, p.of(expected), p.pow10(-(P - 5)), "L = " + depth + ": threshold()^(2L)");
    }

    @Test
    void perLayerWeightDecaysEnterThroughTheirProduct() {
        Precision p = Precision.of(P);
        Aprational[] lw = {dec("1e-3"), dec("2e-3"), dec("3e-3"), dec("4e-3")};
        Aprational lh = dec("1e-4");
        Instance inst = Instance.of(new long[] {100000, 10}, 3, null, 4, lw, lh);
        ScalarLaw law = ScalarLaw.of(inst, p);
        Aprational lambda = dec("2.4e-15");
        assertEquals(lambda, inst.lambdaProduct(), "Lambda = lambda_H prod lambda_W");
        ScalarLaw direct = ScalarLaw.of(4, 100010, lambda, p);
        assertEquals(direct.thresholdPower(), law.thresholdPower());
        Aprational expected = AprationalMath.pow(new Aprational(new Apint(100010)), 5).multiply(lambda)
            .multiply(AprationalMath.pow(new Aprational(new Apint(4)), 5)).multiply(AprationalMath.pow(rat(4, 3), 3));
        assertEquals(expected, law.thresholdPower(), "s_crit^8 for L = 4");
        Apfloat tol = p.pow10(-(P - 5));
        assertClose(p.helper().pow(law.threshold(), 8L), p.of(expected), tol, "s_crit^8");
        assertClose(law.lambdaBar(), p.helper().root(p.of(lambda), 5L), tol, "lambda_bar = Lambda^(1/5)");
        Apfloat s = p.helper().multiply(law.threshold(), p.of(3L));
        ScalarSolution x = law.solve(s);
        Apfloat pow = p.helper().root(p.helper().pow(x.p(), 3L), 5L);
        assertClose(p.helper().multiply(p.helper().subtract(s, x.p()), pow), law.nLambdaBar(), tol,
            "stationarity at s = 3 s_crit");
    }

    // ---------------------------------------------------------------- brute force in double

    /** phi_s(p) in double. */
    private static double phiD(int depth, double total, double lambdaBar, double s, double p) {
        return (p - s) * (p - s) / (2 * total) + (depth + 1) / 2.0 * lambdaBar * Math.pow(p, 2.0 / (depth + 1));
    }

    /** Global minimizer of phi_s on [0, s] by a grid, golden section, then bisection on phi'. */
    private static double bruteForceMinimizer(int depth, double total, double lambdaBar, double s) {
        int m = 20000;
        double best = 0;
        double bestVal = phiD(depth, total, lambdaBar, s, 0);
        int bestJ = 0;
        for (int j = 1; j <= m; j++) {
            double x = s * j / m;
            double v = phiD(depth, total, lambdaBar, s, x);
            if (v < bestVal) {
                bestVal = v;
                best = x;
                bestJ = j;
            }
        }
        if (bestJ == 0) {
            return 0;
        }
        double a = s * (bestJ - 1) / m;
        double b = Math.min(s, s * (bestJ + 1) / m);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int it = 0; it < 200 && b - a > 1e-15 * s; it++) {
            double c = b - g * (b - a);
            double d = a + g * (b - a);
            if (phiD(depth, total, lambdaBar, s, c) < phiD(depth, total, lambdaBar, s, d)) {
                b = d;
            } else {
                a = c;
            }
        }
        best = (a + b) / 2;
        // golden section pins the minimizer only to ~sqrt(eps); finish by bisection on phi'
        double lo = Math.max(best - 1e-6 * s, 1e-300);
        double hi = Math.min(best + 1e-6 * s, s);
        if (dphi(depth, total, lambdaBar, s, lo) < 0 && dphi(depth, total, lambdaBar, s, hi) > 0) {
            for (int it = 0; it < 200; it++) {
                double mid = (lo + hi) / 2;
                if (dphi(depth, total, lambdaBar, s, mid) < 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            best = (lo + hi) / 2;
        }
        return phiD(depth, total, lambdaBar, s, best) < phiD(depth, total, lambdaBar, s, 0) ? best : 0;
    }

    private static double dphi(int depth, double total, double lambdaBar, double s, double p) {
        return (p - s) / total + lambdaBar * Math.pow(p, (1.0 - depth) / (depth + 1));
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void pStarIsTheGlobalMinimizerFoundByBruteForce(int depth) {
        long seed = SEED + depth;
        Random rnd = new Random(seed);
        Precision p = Precision.of(30);
        for (int trial = 0; trial < 12; trial++) {
            long total = 5 + rnd.nextInt(200);
            String lambdaText = String.format("%.3e", Math.pow(10, -3 + 1.5 * rnd.nextDouble()));
            Aprational lambdaBarPow = AprationalMath.pow(dec(lambdaText), depth + 1L);
            ScalarLaw law = ScalarLaw.of(depth, total, lambdaBarPow, p);
            double sCrit = law.threshold().doubleValue();
            double s;
            do {
                s = sCrit * 4 * rnd.nextDouble();
            } while (Math.abs(s / sCrit - 1) < 1e-6);
            double lambdaBar = Double.parseDouble(lambdaText);
            double brute = bruteForceMinimizer(depth, total, lambdaBar, s);
            ScalarSolution x = law.solve(p.ofBinary(s));
            double got = x.p().doubleValue();
            double err = Math.abs(got - brute);
            String msg = "L = " + depth + ", N = " + total + ", lambda_bar = " + lambdaText + ", s = " + s
                + " (s/s_crit = " + s / sCrit + "): p* = " + got + ", brute force " + brute + " (seed " + seed
                + ", trial " + trial + "; replay: -Dncverify.seed=" + SEED + ")";
            assertTrue(err <= 1e-8 * Math.max(1, s), msg);
            assertEquals(brute == 0, x.p().signum() == 0, msg);
        }
    }

    // ---------------------------------------------------------------- mpmath reference

    static List<ReferenceCase> referenceCases() {
        return ReferenceCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void thresholdMatchesTheReference(ReferenceCase c) {
        Precision p = Precision.of(c.digits());
        ScalarLaw law = ScalarLaw.of(c.instance(), p);
        int matched = ReferenceCase.digitsMatched(law.threshold(), c.threshold(), p);
        System.out.printf("ScalarLaw reference %s: s_crit matches %d digits%n", c, matched);
        assertTrue(matched >= 55, () -> c + ": s_crit = " + Precision.format(law.threshold(), c.digits())
            + " matches only " + matched + " digits of " + c.threshold());
    }
}
