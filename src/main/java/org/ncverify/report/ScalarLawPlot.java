package org.ncverify.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarLaw;
import org.ncverify.theory.ScalarSolution;

/**
 * Data of the scalar-law plot (SPEC section 5): p*(s) for depths L = 1, 2, 3 of one instance
 * (same class sizes, dim and per-layer decays), on a logarithmic grid of s (plus the two points s_crit (1 -+ 1e-9) that show the jump), with s_crit and
 * the jump (L-1) s_crit / L of each depth, and the instance's s_i marked surviving (p*(s_i) &gt; 0)
 * or collapsed (p*(s_i) = 0, below threshold or beyond the bottleneck) as the closed form
 * decides them. Computed at {@link #DIGITS} digits: a plot needs doubles, the branch decisions
 * are the closed form's own.
 *
 * @param label  the case it belongs to
 * @param curves one per depth
 */
public record ScalarLawPlot(String label, List<Curve> curves) {
    /** Working digits of the plot's evaluations. */
    public static final int DIGITS = 20;
    /** Grid points per curve. */
    public static final int GRID = 160;

    public ScalarLawPlot {
        curves = List.copyOf(curves);
    }

    /**
     * One depth.
     *
     * @param depth     L
     * @param threshold s_crit
     * @param jump      (L-1) s_crit / L (0 for L = 1)
     * @param s         grid of s
     * @param p         p*(s) on the grid
     * @param marks     the instance's nonzero s_i
     */
    public record Curve(int depth, double threshold, double jump, double[] s, double[] p, List<Mark> marks) {
        public Curve {
            s = s.clone();
            p = p.clone();
            marks = List.copyOf(marks);
        }
    }

    /**
     * One singular value of Yhat and its fate.
     *
     * @param index     i (1-based)
     * @param s         s_i
     * @param p         p*(s_i)
     * @param surviving p*(s_i) &gt; 0
     */
    public record Mark(int index, double s, double p, boolean surviving) {
    }

    /** The curves of {@code instance} rebuilt at depths 1, 2, 3 (widths all equal to dim). */
    public static ScalarLawPlot of(String label, Instance instance) {
        Precision pr = Precision.of(DIGITS);
        List<Curve> curves = new ArrayList<>();
        for (int depth = 1; depth <= 3; depth++) {
            Instance at = Instance.of(instance.sizes(), instance.dim(), null, depth,
                new Aprational[] {instance.lambdaW(1)}, instance.lambdaH());
            curves.add(curve(at, pr));
        }
        return new ScalarLawPlot(label, curves);
    }

    private static Curve curve(Instance at, Precision pr) {
        ClosedForm cf = ClosedForm.of(at, pr);
        ScalarLaw law = cf.law();
        List<Mark> marks = new ArrayList<>();
        double smin = Double.POSITIVE_INFINITY;
        double smax = law.threshold().doubleValue();
        for (int i = 0; i < cf.solutions().size(); i++) {
            ScalarSolution x = cf.solutions().get(i);
            if (x.s().signum() > 0) {
                double s = x.s().doubleValue();
                marks.add(new Mark(i + 1, s, x.p().doubleValue(), x.p().signum() > 0));
                smin = Math.min(smin, s);
                smax = Math.max(smax, s);
            }
        }
        double lo = Math.min(smin, law.threshold().doubleValue()) / 2;
        double hi = smax * 1.5;
        double t = law.threshold().doubleValue();
        double[] s = new double[GRID];
        for (int g = 0; g < GRID - 2; g++) {
            s[g] = lo * Math.pow(hi / lo, g / (GRID - 3.0));
        }
        s[GRID - 2] = t * (1 - 1e-9);
        s[GRID - 1] = t * (1 + 1e-9);
        Arrays.sort(s);
        double[] p = new double[GRID];
        for (int g = 0; g < GRID; g++) {
            p[g] = law.solve(pr.ofBinary(s[g])).p().doubleValue();
        }
        return new Curve(at.depth(), law.threshold().doubleValue(), law.jump().doubleValue(), s, p, marks);
    }
}
