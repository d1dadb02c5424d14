package org.ncverify.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Objective;
import org.ncverify.support.Instances;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.runs.MultiStart;
import org.ncverify.runs.DoublePoints;

/** The double objective and its analytic gradient on all N columns. */
class FullObjectiveTest {
    static Instance shape(String sizes, int d, String widths, int depth) {
        long[] n = java.util.Arrays.stream(sizes.split(",")).mapToLong(Long::parseLong).toArray();
        int[] w = widths.isEmpty() ? null : java.util.Arrays.stream(widths.split(",")).mapToInt(Integer::parseInt).toArray();
        Aprational[] lw = new Aprational[depth];
        for (int l = 0; l < depth; l++) {
            lw[l] = Instances.dec((l + 1) + "e-3");
        }
        return Instance.of(n, d, w, depth, lw, Instances.dec("5e-4"));
    }

    /**
     * Every partial derivative against the central difference (f(x + h e_i) - f(x - h e_i)) / 2h,
     * h = 1e-6 (truncation O(h^2 |f'''|) ~ 1e-12, rounding O(u |f| / h) ~ 1e-10): agreement to
     * 1e-7 relative to max(1, |df/dx_i|) rules out any wrong term, which would be O(1) off.
     */
    @ParameterizedTest(name = "sizes {0}, d {1}, widths [{2}], L {3}")
    @CsvSource(delimiter = ';', value = {"3,2,1|3||1", "4,3,2,1|4|3,2|3", "5,1|2|3|2", "2,2,2|5|4,3,2|4"})
    void gradientMatchesCentralDifferences(String spec) {
        String[] a = spec.split("\\|", -1);
        Instance inst = shape(a[0], Integer.parseInt(a[1]), a[2], Integer.parseInt(a[3]));
        FullObjective f = FullObjective.of(inst);
        double[] x = MultiStart.startPoint(f.size(), 17, 0.7);
        double[] g = new double[f.size()];
        f.evaluate(x, g);
        double h = 1e-6;
        double[] scratch = new double[f.size()];
        for (int i = 0; i < f.size(); i++) {
            double keep = x[i];
            x[i] = keep + h;
            double fp = f.evaluate(x, scratch);
            x[i] = keep - h;
            double fm = f.evaluate(x, scratch);
            x[i] = keep;
            double fd = (fp - fm) / (2 * h);
            assertEquals(fd, g[i], 1e-7 * Math.max(1, Math.abs(fd)), "d f / d x[" + i + "] of " + f.size());
        }
    }

    /** The double value and gradient norm agree with the high-precision objective of the model package. */
    @Test
    void agreesWithTheHighPrecisionObjective() {
        Instance inst = shape("4,3,2,1", 4, "3,2", 3);
        FullObjective f = FullObjective.of(inst);
        double[] x = MultiStart.startPoint(f.size(), 5, 0.5);
        double[] g = new double[f.size()];
        double v = f.evaluate(x, g);
        Precision p = Precision.of(30);
        var e = Objective.evaluate(inst, DoublePoints.toPoint(inst, x, p), p);
        assertEquals(e.value().doubleValue(), v, 1e-14 * Math.abs(v));
        assertEquals(e.gradient().norm().doubleValue(), Lbfgs.norm(g), 1e-13 * Lbfgs.norm(g));
        double bound = f.valueErrorBound(x);
        assertTrue(Math.abs(e.value().doubleValue() - v) <= bound && bound < 1e-12 * Math.abs(v), "bound " + bound);
    }
}
