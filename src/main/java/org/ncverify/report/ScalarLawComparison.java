package org.ncverify.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Figure data: the scalar law of L = 1, 2, 3 on one normalised axis, p*(s) / s_crit against
 * s / s_crit, from the curves of a {@link ScalarLawPlot} (which draws each depth on its own
 * axes): at s / s_crit = 1 the soft threshold of L = 1 starts from 0 while for L &gt;= 2 the
 * minimizer jumps from 0 to (L-1)/L, the larger the deeper. The instance's s_i are marked on
 * each curve, surviving or collapsed as the closed form decides (including the bottleneck).
 *
 * @param id         figure id
 * @param caption    caption
 * @param thresholds s_crit of each depth, in the order of {@code normalised}'s curves
 * @param normalised the curves with s, p, the jump and the marks divided by s_crit (threshold 1)
 */
public record ScalarLawComparison(String id, String caption, double[] thresholds, ScalarLawPlot normalised)
    implements FigureData {
    public ScalarLawComparison {
        thresholds = thresholds.clone();
    }

    /** The normalised view of {@code law}. */
    static ScalarLawComparison of(ScalarLawPlot law) {
        List<ScalarLawPlot.Curve> out = new ArrayList<>();
        double[] thresholds = new double[law.curves().size()];
        for (int k = 0; k < thresholds.length; k++) {
            ScalarLawPlot.Curve c = law.curves().get(k);
            double t = c.threshold();
            thresholds[k] = t;
            double[] x = new double[c.s().length];
            double[] y = new double[x.length];
            for (int g = 0; g < x.length; g++) {
                x[g] = c.s()[g] / t;
                y[g] = c.p()[g] / t;
            }
            List<ScalarLawPlot.Mark> marks = new ArrayList<>();
            for (ScalarLawPlot.Mark m : c.marks()) {
                marks.add(new ScalarLawPlot.Mark(m.index(), m.s() / t, m.p() / t, m.surviving()));
            }
            out.add(new ScalarLawPlot.Curve(c.depth(), 1, c.jump() / t, x, y, marks));
        }
        String caption = "Scalar law of " + law.label() + " rebuilt at L = 1, 2, 3 (same sizes, d, decays), on one "
            + "normalised axis: p*(s) / s_crit against s / s_crit (log x), at " + ScalarLawPlot.DIGITS + " digits. For L = 1 "
            + "p* = s - s_crit is continuous; for L >= 2 it jumps at s = s_crit from 0 to (L-1)/L s_crit (dashed levels). "
            + "Filled marks: the instance's s_i that survive, open marks: collapsed. Data: data/" + TheoryFigures.LAW + ".json.";
        return new ScalarLawComparison(TheoryFigures.LAW, caption, thresholds, new ScalarLawPlot(law.label(), out));
    }
}
