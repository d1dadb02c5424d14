package org.ncverify.report;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.results.JsonRenderer;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ScalarLaw;

/**
 * Figure data: minority collapse. For one set of class counts, dimension d and depths L = 1, 2, 3,
 * with one weight decay lambda for every layer and the features (lambda_H = lambda_{W_l} = lambda,
 * so Lambda = lambda^(L+1)), the decay lambda_i at which direction i collapses.
 *
 * <p>Direction i survives (p*(s_i) &gt; 0) iff i &lt;= r and s_i &gt; s_crit(lambda) (for L &gt;= 2 also
 * at s_i = s_crit, on the jump branch the closed form picks). With SPEC's s_crit^(2L) =
 * T_L N^(L+1) Lambda (T_1 = 1, T_L = L^(L+1) (L/(L-1))^(L-1)), i.e. s_crit^(2L) = C lambda^(L+1)
 * with the exact rational C = {@link ScalarLaw#thresholdPower()} at Lambda = 1, s_crit is increasing in
 * lambda and the boundary is solved in closed form:
 * <pre>  lambda_i = (mu_i^L / C)^(1/(L+1)),   mu_i = s_i^2,</pre>
 * (for L = 1: lambda_i = s_i / N). Direction i survives for lambda &lt; lambda_i and collapses for
 * lambda &gt; lambda_i. Directions i &gt; r and s_K = 0 never survive and carry no lambda_i.
 * Computed at {@link #DIGITS} digits: mu_i carries them, one integer power, one division and
 * one (L+1)-th root lose a digit or two at most.
 *
 * @param id      figure id
 * @param caption caption
 * @param label   the case
 * @param sizes   class counts
 * @param dim     d (bottleneck r = min(K, d))
 * @param digits  digits of the computation
 * @param marked  a decay to mark on the chart (the campaign's), as a double
 * @param depths  one per L
 */
public record MinorityCollapse(String id, String caption, String label, long[] sizes, int dim, int digits, double marked,
                               List<Depth> depths) implements FigureData {
    /** Digits of lambda_i. */
    public static final int DIGITS = 30;

    public MinorityCollapse {
        sizes = sizes.clone();
        depths = List.copyOf(depths);
    }

    /**
     * One depth.
     *
     * @param depth      L
     * @param directions one per i = 1..K
     */
    public record Depth(int depth, List<Direction> directions) {
        public Depth {
            directions = List.copyOf(directions);
        }
    }

    /**
     * One direction.
     *
     * @param index       i (1-based)
     * @param eigenvalue  mu_i = s_i^2, full digits
     * @param lambda      lambda_i as a double, null when the direction never survives
     * @param lambdaExact lambda_i, full digits, null when it never survives
     * @param note        why there is no lambda_i (beyond the bottleneck, s_K = 0), else null
     */
    public record Direction(int index, String eigenvalue, Double lambda, String lambdaExact, String note) {
    }

    /** The figure of {@code sizes} in dimension {@code dim} at depths 1, 2, 3; {@code marked}: a decay to mark. */
    static MinorityCollapse of(String label, long[] sizes, int dim, double marked) {
        Precision pr = Precision.of(DIGITS);
        YhatSpectrum sp = YhatSpectrum.compute(sizes, pr);
        int r = Math.min(sizes.length, dim);
        long total = 0;
        for (long n : sizes) {
            total += n;
        }
        List<Depth> depths = new ArrayList<>();
        for (int depth = 1; depth <= 3; depth++) {
            List<Direction> dirs = new ArrayList<>();
            Aprational c = ScalarLaw.of(depth, total, Aprational.ONE, pr).thresholdPower();
            for (int i = 0; i < sp.size(); i++) {
                String mu = JsonRenderer.fullDigits(sp.eigenvalue(i));
                if (i >= r || sp.singularValue(i).signum() == 0) {
                    dirs.add(new Direction(i + 1, mu, null, null, i >= r ? "beyond the bottleneck r = " + r : "s_i = 0"));
                } else {
                    Apfloat l = collapseDecay(sp.eigenvalue(i), c, depth, pr);
                    dirs.add(new Direction(i + 1, mu, l.doubleValue(), JsonRenderer.fullDigits(l), null));
                }
            }
            depths.add(new Depth(depth, dirs));
        }
        String caption = "Minority collapse, " + label + " (d = " + dim + ", r = " + r + "): the uniform weight decay "
            + "lambda_i = lambda_H = lambda_W at which direction i collapses, lambda_i = (s_i^(2L) / C_L)^(1/(L+1)) with "
            + "s_crit(lambda)^(2L) = C_L lambda^(L+1) (closed form, solved exactly, " + DIGITS + " digits; L = 1: "
            + "lambda_i = s_i / N). Direction i survives below its line and collapses above it; the horizontal line is "
            + "the campaign's decay " + marked + ". Data: data/" + TheoryFigures.MINORITY + ".json.";
        return new MinorityCollapse(TheoryFigures.MINORITY, caption, label, sizes, dim, DIGITS, marked, depths);
    }

    /** lambda_i = (mu^L / C)^(1/(L+1)), C = s_crit^(2L) at Lambda = 1 (exact rational). */
    static Apfloat collapseDecay(Apfloat mu, Aprational c, int depth, Precision pr) {
        FixedPrecisionApfloatHelper h = pr.helper();
        return h.root(h.divide(h.pow(mu, depth), pr.of(c)), depth + 1L);
    }

    /** The decay lambda as a uniform-decay instance (widths all d) of depth L. */
    static Instance at(long[] sizes, int dim, int depth, Aprational lambda) {
        return Instance.of(sizes, dim, null, depth, new Aprational[] {lambda}, lambda);
    }
}
