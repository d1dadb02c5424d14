package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apfloat.Aprational;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.optim.LbfgsOptions;
import org.ncverify.polish.Polish;
import org.ncverify.runs.MultiStart;
import org.ncverify.runs.MultiStartResult;
import org.ncverify.runs.RunSummary;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ClosedForm;

/**
 * Property over near-threshold instances (issue 9): s_crit = s_1 (1 +- 10^-k) for k = 2..11, one
 * decay lambda for every factor, L = 1 + k mod 4, the sizes cycling through an imbalanced set, a
 * tie (4, 4, 4, 8) and a bottleneck (d = 2 &lt; K - 1); sign + for even k. Each runs 3 seeded
 * starts of the optimizer (seed k) and, where the polish is allowed and k is a multiple of 3, the
 * polish. Asserted: no FAIL on a double point (the theory holds, so a FAIL would be a false
 * verdict), none on a polished point, and none after {@link Catalogue#reconcile}; no PASS of a
 * claim about the point when the best run stopped on its budget.
 *
 * <p>lambda solves s_crit^(2L) = N^(L+1) C_L lambda^(L+1), C_L = L^(L+1) (L/(L-1))^(L-1) (C_1 = 1),
 * in double (relative error ~1e-16, below the 1e-11 offset), as the exact decimal of that double.
 */
class NearThresholdVerdictsTest {
    private static final Set<String> ABOUT_THE_POINT =
        Set.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C9", "C11", "C12", "C13");
    private static final long[][] SIZES = {{10, 5, 3, 2}, {4, 4, 4, 8}, {30, 10, 4, 2, 1}};
    private static final int[] DIMS = {6, 4, 2};

    static Stream<Object[]> cases() {
        return IntStream.rangeClosed(2, 11).mapToObj(k -> new Object[] {k, 1 + k % 4, k % 3, k % 2 == 0 ? 1 : -1});
    }

    static Instance instance(int k, int depth, int set, int sign) {
        long[] sizes = SIZES[set];
        double n = 0;
        for (long s : sizes) {
            n += s;
        }
        double s1 = YhatSpectrum.compute(sizes, Precision.of(30)).singularValue(0).doubleValue();
        double target = s1 * (1 + sign * Math.pow(10, -k));
        double c = depth == 1 ? 1 : Math.pow(depth, depth + 1) * Math.pow((double) depth / (depth - 1), depth - 1);
        double lambda = Math.exp((2 * depth * Math.log(target) - (depth + 1) * Math.log(n) - Math.log(c)) / (depth + 1));
        Aprational exact = Rationals.of(new BigDecimal(lambda));
        Aprational[] w = new Aprational[depth];
        java.util.Arrays.fill(w, exact);
        return Instance.of(sizes, DIMS[set], null, depth, w, exact);
    }

    @ParameterizedTest(name = "k = {0}, L = {1}, sizes {2}, sign {3}")
    @MethodSource("cases")
    void noFalseVerdictNearTheThreshold(int k, int depth, int set, int sign) {
        Instance inst = instance(k, depth, set, sign);
        ClosedForm cf = ClosedForm.of(inst, Precision.of(40));
        MultiStartResult r = new MultiStart(3, k, new double[] {1.0}, LbfgsOptions.defaults(20000)).run(cf);
        Subject s = Subject.ofOptimizer(cf, r);
        List<Verdict> verdicts = Catalogue.all().run(s);
        String replay = inst.describe() + " (seed " + k + ", 3 starts)";
        RunSummary best = r.best();
        boolean stopped = best.stop() != org.ncverify.optim.LbfgsResult.Stop.GRADIENT
            && best.stop() != org.ncverify.optim.LbfgsResult.Stop.LINE_SEARCH;
        for (Verdict v : verdicts) {
            assertNotEquals(Status.FAIL, v.status(), () -> replay + ": " + v);
            if (stopped && ABOUT_THE_POINT.contains(v.claimId())) {
                assertNotEquals(Status.PASS, v.status(), () -> replay + ": unconverged run: " + v);
            }
        }
        if (k % 3 == 0 && polishAllowed(inst)) {
            List<Verdict> polished = Catalogue.all().run(Subject.ofPolished(cf,
                Polish.refine(r.bestPoint(cf.precision()), cf.precision().digits())));
            List<Verdict> all = new ArrayList<>(polished);
            all.addAll(Catalogue.reconcile(verdicts, polished));
            for (Verdict v : all) {
                assertNotEquals(Status.FAIL, v.status(), () -> replay + " polished: " + v);
            }
        }
    }

    private static boolean polishAllowed(Instance inst) {
        try {
            Polish.checkSmall(inst);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
