package org.ncverify.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.Svd;
import org.ncverify.model.Point;
import org.ncverify.optim.LbfgsOptions;
import org.ncverify.optim.LbfgsResult;
import org.ncverify.theory.Branch;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarSolution;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * Issue 9's property, the runs' part: over near-threshold instances (rho = s_i / s_crit =
 * 1 +- 10^-k, k = 2..11, L = 1..4, ties and a bottleneck among the bases), every GLOBAL label
 * has a decided, admissible direction count and a converged run, and the best GLOBAL run's
 * W_L...W_1 X, recomputed at 30 digits with the Jacobi SVD (independent of the double SVD
 * that counted), matches one admissible list of p* to 1e-6 max(1, s_1). All weight decays are
 * equal (as in the commands), set so that s_crit = s_i / rho:
 * s_crit^(2L/(L+1)) = N lambda C_L, C_L = L (L/(L-1))^((L-1)/(L+1)) (C_1 = 1), rounded to 28
 * digits (which moves s_crit by 1e-28, relative). Seeded (seed 9); CI draws 24 instances with 3
 * starts each; {@code -Dncverify.nearThreshold.tries=N} draws N.
 */
class NearThresholdRunsTest {
    private static final long SEED = 9;
    private static final int CI_TRIES = 24;
    private static final Precision P40 = Precision.of(40);
    /** Bases: sizes and d (a tie of multiplicity 2 in 4,4,4,8 and 9,9,9,5 and 6,6,6; a bottleneck d = 2). */
    private static final long[][] SIZES = {{10, 5, 3, 2}, {4, 4, 4, 8}, {10, 5, 3, 2}, {9, 9, 9, 5}, {6, 6, 6}};
    private static final int[] DIMS = {6, 4, 2, 4, 3};

    record Case(Instance instance, String flags, int index, int exponent, int sign) {
    }

    @Test
    void everyGlobalLabelHasAnAdmissibleDirectionCount() {
        int tries = Integer.getInteger("ncverify.nearThreshold.tries", CI_TRIES);
        SplittableRandom rnd = new SplittableRandom(SEED);
        int global = 0;
        int unresolved = 0;
        for (int t = 0; t < tries; t++) {
            Case c = draw(rnd);
            ClosedForm cf = ClosedForm.of(c.instance(), Precision.of(30));
            MultiStartResult r = new MultiStart(3, t, new double[] {1.0}, LbfgsOptions.defaults(20000)).run(cf);
            for (RunSummary s : r.runs()) {
                if (s.classification() == StartClass.GLOBAL) {
                    global++;
                    assertTrue(s.count().matches(), () -> c + ": " + s.count().describe());
                    assertTrue(s.stop() == LbfgsResult.Stop.GRADIENT || s.stop() == LbfgsResult.Stop.LINE_SEARCH, c::toString);
                }
                unresolved += s.classification() == StartClass.UNRESOLVED ? 1 : 0;
            }
            if (r.bestIsGlobal()) {
                assertMatchesAnAdmissibleList(c, cf, r.bestPoint(cf.precision()));
            }
        }
        System.out.printf("near-threshold runs: %d instances, %d GLOBAL runs, %d UNRESOLVED%n", tries, global, unresolved);
        assertTrue(global > 0, "some runs must be GLOBAL");
    }

    private static void assertMatchesAnAdmissibleList(Case c, ClosedForm cf, Point best) {
        Precision p = cf.precision();
        ApMatrix x = Point.centredMeans(cf.instance(), best.classMeans(p), p);
        Apfloat[] sigma = Svd.of(best.weightProduct(p).multiply(x)).singularValues();
        double tol = 1e-6 * Math.max(1, cf.spectrum().singularValue(0).doubleValue());
        double closest = Double.POSITIVE_INFINITY;
        for (double[] list : admissibleLists(cf)) {
            double worst = 0;
            for (int i = 0; i < list.length; i++) {
                double s = i < sigma.length ? sigma[i].doubleValue() : 0;
                worst = Math.max(worst, Math.abs(s - list[i]));
            }
            closest = Math.min(closest, worst);
        }
        if (!(closest <= tol)) {
            fail(c + ": the best GLOBAL run's singular values are " + closest + " from every admissible list");
        }
    }

    /** p* in decreasing order, and with the last j = 1..m values at s_crit (L &gt;= 2) set to 0. */
    private static List<double[]> admissibleLists(ClosedForm cf) {
        List<ScalarSolution> sol = cf.solutions();
        double[] t = new double[sol.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = sol.get(i).p().doubleValue();
        }
        List<double[]> out = new ArrayList<>();
        out.add(t.clone());
        for (int i = t.length - 1; i >= 0; i--) {
            if (sol.get(i).branch() == Branch.AT_THRESHOLD) {
                t[i] = 0;
                out.add(t.clone());
            }
        }
        return out;
    }

    private static Case draw(SplittableRandom rnd) {
        int b = rnd.nextInt(SIZES.length);
        int depth = 1 + rnd.nextInt(4);
        int k = 2 + rnd.nextInt(10);
        int sign = rnd.nextBoolean() ? 1 : -1;
        long[] sizes = SIZES[b];
        int r = Math.min(DIMS[b], sizes.length - 1);
        int index = rnd.nextInt(r);
        Apfloat s = YhatSpectrum.compute(sizes, P40).singularValue(index);
        Apfloat rho = P40.helper().add(Apfloat.ONE, P40.helper().multiply(P40.of((long) sign), P40.pow10(-k)));
        Apfloat target = P40.helper().divide(s, rho);
        Aprational lambda = lambdaFor(target, depth, sizes);
        Instance inst = Instance.of(sizes, DIMS[b], null, depth, new Aprational[] {lambda}, lambda);
        String flags = "--sizes " + java.util.Arrays.toString(sizes).replaceAll("[\\[\\] ]", "") + " --dim " + DIMS[b]
            + " --depth " + depth + " --lambda-w " + lambda + " --lambda-h " + lambda + " (rho = 1 " + (sign > 0 ? "+" : "-")
            + " 1e-" + k + " at s_" + (index + 1) + ")";
        return new Case(inst, flags, index, k, sign);
    }

    /** lambda with s_crit = target: target^(2L/(L+1)) / (N C_L), rounded to 28 digits. */
    private static Aprational lambdaFor(Apfloat target, int depth, long[] sizes) {
        long n = java.util.Arrays.stream(sizes).sum();
        Apfloat l = P40.of((long) depth);
        Apfloat c = depth == 1 ? Apfloat.ONE : ApfloatMath.pow(P40.helper().divide(l, P40.of(depth - 1L)),
            P40.helper().divide(P40.of(depth - 1L), P40.of(depth + 1L))).multiply(l);
        Apfloat power = ApfloatMath.pow(target, P40.helper().divide(P40.of(2L * depth), P40.of(depth + 1L)));
        Apfloat lambda = P40.helper().divide(power, P40.helper().multiply(P40.of(n), c));
        BigDecimal rounded = new BigDecimal(lambda.toString(true)).round(new MathContext(28));
        return Rationals.parseDecimal("lambda", rounded.toPlainString());
    }

    @Test
    void theDrawnThresholdIsWhereItWasAimed() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int t = 0; t < 5; t++) {
            Case c = draw(rnd);
            ClosedForm cf = ClosedForm.of(c.instance(), Precision.of(30));
            double rho = cf.spectrum().singularValue(c.index()).doubleValue() / cf.threshold().doubleValue();
            assertEquals(1 + c.sign() * Math.pow(10, -c.exponent()), rho, 1e-14, c::toString);
        }
    }
}
