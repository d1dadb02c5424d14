package org.ncverify.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Aprational;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ScalarLaw;
import org.ncverify.theory.ThresholdSide;

/**
 * Figure data: the phase diagram imbalance ratio rho x weight decay lambda -&gt; number of
 * surviving directions (the rank of W_L...W_1 X at the closed-form minimizer) for L = 1, 2, 3,
 * one uniform decay lambda_H = lambda_{W_l} = lambda.
 *
 * <p>Each cell is the closed form's count, without a minimizer: #{i &lt;= min(r, K-1) : s_i above
 * s_crit(lambda)} (at s_i = s_crit: collapsed for L = 1, surviving on the jump for L &gt;= 2, as
 * {@code ClosedForm} decides). The count needs only the SIGN of mu_i^L - s_crit^(2L), so each
 * comparison is made exactly by {@link ScalarLaw#side} between the certified bracket of
 * mu_i = s_i^2 ({@link SpectrumCertificate}, relative width about 10^-(P+3)) and the exact
 * rational s_crit^(2L); the grid's lambda are exact 3-digit decimals. {@link #DIGITS} digits
 * suffice for every cell whose threshold is farther than that width from every mu_i; a cell
 * where a bracket straddles the threshold (UNDECIDED) is recomputed from a spectrum at
 * {@link #REFINE_DIGITS}, and if still undecided its count is null (marked on the chart).
 * Since mu_i is non-increasing in i, survival is a prefix and the count is found by bisection.
 *
 * @param id      figure id
 * @param caption caption
 * @param classes K
 * @param nMax    n_max of the long-tail rule
 * @param dim     d (bottleneck r = min(K, d))
 * @param digits  digits of the spectra ({@link #DIGITS})
 * @param rho     the imbalance ratios (columns), increasing
 * @param lambda  the decays (rows), increasing, exact decimals as doubles
 * @param panels  one per depth
 */
public record PhaseDiagram(String id, String caption, int classes, long nMax, int dim, int digits, double[] rho,
                           double[] lambda, List<Panel> panels) implements FigureData {
    /** Digits of the spectra of the grid. */
    public static final int DIGITS = 20;
    /** Digits of the spectrum a cell is recomputed from when a bracket straddles its threshold. */
    public static final int REFINE_DIGITS = 60;

    public PhaseDiagram {
        rho = rho.clone();
        lambda = lambda.clone();
        panels = List.copyOf(panels);
    }

    /**
     * One depth.
     *
     * @param depth      L
     * @param surviving  [rho index][lambda index] the count, null when undecided at {@link #REFINE_DIGITS}
     * @param refined    cells recomputed at {@link #REFINE_DIGITS}
     * @param undecided  cells left null
     */
    public record Panel(int depth, Integer[][] surviving, int refined, int undecided) {
        public Panel {
            Integer[][] c = new Integer[surviving.length][];
            for (int j = 0; j < c.length; j++) {
                c[j] = surviving[j].clone();
            }
            surviving = c;
        }
    }

    /** The diagram of {@code family} (its spectra at {@link #DIGITS}) in dimension {@code dim} over {@code lambdas}. */
    static PhaseDiagram of(LongTailFamily family, int dim, BigDecimal[] lambdas) {
        double[] lam = new double[lambdas.length];
        for (int t = 0; t < lam.length; t++) {
            lam[t] = lambdas[t].doubleValue();
        }
        int r = Math.min(family.classes(), dim);
        List<Panel> panels = new ArrayList<>();
        for (int depth = 1; depth <= 3; depth++) {
            int[] tally = new int[2];
            Integer[][] c = new Integer[family.rho().length][lambdas.length];
            for (int j = 0; j < c.length; j++) {
                long[] sizes = family.sizes(j);
                long total = 0;
                for (long n : sizes) {
                    total += n;
                }
                YhatSpectrum[] refine = new YhatSpectrum[1];
                for (int t = 0; t < lambdas.length; t++) {
                    Aprational l = Rationals.of(lambdas[t]);
                    ScalarLaw law = ScalarLaw.of(depth, total, power(l, depth + 1), Precision.of(DIGITS));
                    c[j][t] = count(family.spectra().get(j).certificate(), law, r);
                    if (c[j][t] == null) {
                        tally[0]++;
                        if (refine[0] == null) {
                            refine[0] = YhatSpectrum.compute(sizes, Precision.of(REFINE_DIGITS));
                        }
                        c[j][t] = count(refine[0].certificate(), law, r);
                        tally[1] += c[j][t] == null ? 1 : 0;
                    }
                }
            }
            panels.add(new Panel(depth, c, tally[0], tally[1]));
        }
        double[] rho = family.rho();
        String caption = "Phase diagram: surviving directions (rank of W_L...W_1 X at the minimizer) over imbalance ratio "
            + "rho x uniform weight decay lambda, CIFAR-100-LT-shaped counts (K = " + family.classes() + ", n_max = "
            + family.nMax() + ", d = " + dim + "), " + rho.length + " x " + lam.length + " cells, rho " + ImbalanceSpectrum.fmt(rho[0])
            + " to " + ImbalanceSpectrum.fmt(rho[rho.length - 1]) + ", lambda " + lambdas[0].toPlainString() + " to "
            + lambdas[lambdas.length - 1].toPlainString() + ". Each cell is the closed form's count: an exact comparison of "
            + "the certified bracket of s_i^2 (spectra at " + DIGITS + " digits) with the rational s_crit^(2L); cells "
            + "where a bracket straddles the threshold are recomputed at " + REFINE_DIGITS + " digits" + refinedNote(panels)
            + ". Data: data/" + TheoryFigures.PHASE + ".json.";
        return new PhaseDiagram(TheoryFigures.PHASE, caption, family.classes(), family.nMax(), dim, DIGITS, rho, lam, panels);
    }

    private static String refinedNote(List<Panel> panels) {
        StringBuilder b = new StringBuilder(" (recomputed / left undecided, shown blank:");
        for (Panel p : panels) {
            b.append(" L = ").append(p.depth()).append(": ").append(p.refined()).append(" / ").append(p.undecided()).append(';');
        }
        return b.append(')').toString();
    }

    /**
     * The closed form's count for one cell: the k with directions 1..k surviving and k+1..min(r, K-1)
     * collapsed, each by the exact side of its certified bracket; null if a side needed is
     * UNDECIDED or a bracket is not certified. mu_i is non-increasing in i, so survival is a prefix
     * and k is found by bisection on i (the brackets of two adjacent indices decide it).
     */
    static Integer count(SpectrumCertificate cert, ScalarLaw law, int r) {
        int lo = 0;
        int hi = Math.min(r, cert.brackets().size() - 1);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Boolean alive = survives(cert.bracket(mid), law);
            if (alive == null) {
                return null;
            }
            if (alive) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the direction of bracket {@code b} survives: ABOVE, or AT for L &gt;= 2; null when undecided. */
    private static Boolean survives(SpectrumCertificate.Bracket b, ScalarLaw law) {
        ThresholdSide side = b.certified() ? law.side(b.lower(), b.upper()) : ThresholdSide.UNDECIDED;
        if (side == ThresholdSide.UNDECIDED) {
            return null;
        }
        return side == ThresholdSide.ABOVE || side == ThresholdSide.AT && law.depth() >= 2;
    }

    /** The grid's decays: {@code points} exact 3-significant-digit decimals log-spaced from 10^lo to 10^hi. */
    static BigDecimal[] decays(double lo, double hi, int points) {
        BigDecimal[] out = new BigDecimal[points];
        for (int t = 0; t < points; t++) {
            double e = lo + (hi - lo) * t / (points - 1.0);
            out[t] = new BigDecimal(Math.pow(10, e)).round(new MathContext(3)).stripTrailingZeros();
        }
        return out;
    }

    private static Aprational power(Aprational q, int e) {
        return Rationals.of(Rationals.numerator(q).pow(e), Rationals.denominator(q).pow(e));
    }
}
