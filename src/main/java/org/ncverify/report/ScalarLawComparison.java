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
 * @param id      figure id
 * @param caption caption
 * @param label   the case
 * @param curves  one per depth
 */
public record ScalarLawComparison(String id, String caption, String label, List<Curve> curves) implements FigureData {
    public ScalarLawComparison {
        curves = List.copyOf(curves);
    }

    /**
     * One depth, normalised by its s_crit.
     *
     * @param depth     L
     * @param threshold s_crit
     * @param jump      the jump (L-1)/L (0 for L = 1), normalised
     * @param x         s / s_crit on the grid
     * @param y         p*(s) / s_crit
     * @param marks     the instance's s_i: x, y, surviving
     */
    public record Curve(int depth, double threshold, double jump, double[] x, double[] y, List<Mark> marks) {
        public Curve {
            x = x.clone();
            y = y.clone();
            marks = List.copyOf(marks);
        }
    }

    /**
     * One s_i.
     *
     * @param index     i
     * @param x         s_i / s_crit
     * @param y         p*(s_i) / s_crit
     * @param surviving p*(s_i) &gt; 0
     */
    public record Mark(int index, double x, double y, boolean surviving) {
    }

    /** The normalised view of {@code law}. */
    static ScalarLawComparison of(ScalarLawPlot law) {
        List<Curve> out = new ArrayList<>();
        for (ScalarLawPlot.Curve c : law.curves()) {
            double t = c.threshold();
            double[] x = new double[c.s().length];
            double[] y = new double[x.length];
            for (int g = 0; g < x.length; g++) {
                x[g] = c.s()[g] / t;
                y[g] = c.p()[g] / t;
            }
            List<Mark> marks = new ArrayList<>();
            for (ScalarLawPlot.Mark m : c.marks()) {
                marks.add(new Mark(m.index(), m.s() / t, m.p() / t, m.surviving()));
            }
            out.add(new Curve(c.depth(), t, c.jump() / t, x, y, marks));
        }
        String caption = "Scalar law of " + law.label() + " rebuilt at L = 1, 2, 3 (same sizes, d, decays), on one "
            + "normalised axis: p*(s) / s_crit against s / s_crit (log x), at " + ScalarLawPlot.DIGITS + " digits. For L = 1 "
            + "p* = s - s_crit is continuous; for L >= 2 it jumps at s = s_crit from 0 to (L-1)/L s_crit (dotted levels). "
            + "Filled marks: the instance's s_i that survive, open marks: collapsed. Data: data/" + TheoryFigures.LAW + ".json.";
        return new ScalarLawComparison(TheoryFigures.LAW, caption, law.label(), out);
    }
}
