package org.ncverify.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * Figure data: the singular values s_1 &gt;= ... &gt;= s_(K-1) of Yhat for one long-tail family
 * as the imbalance ratio rho grows, each beside its interlacing bounds
 * sqrt(n_(i+1)) &lt;= s_i &lt;= sqrt(n_(i)) (claim C8, sizes sorted decreasingly). s_K = 0 is left
 * out (not a point of a log axis).
 *
 * @param id      figure id
 * @param caption caption
 * @param classes K
 * @param nMax    n_max of the rule
 * @param digits  digits of the spectra (the plot reads doubles)
 * @param columns one per rho, increasing
 */
public record ImbalanceSpectrum(String id, String caption, int classes, long nMax, int digits, List<Column> columns)
    implements FigureData {
    public ImbalanceSpectrum {
        columns = List.copyOf(columns);
    }

    /**
     * One imbalance ratio.
     *
     * @param rho   the ratio
     * @param s     s_i, i = 1..K-1
     * @param lower sqrt(n_(i+1))
     * @param upper sqrt(n_(i))
     */
    public record Column(double rho, double[] s, double[] lower, double[] upper) {
        public Column {
            s = s.clone();
            lower = lower.clone();
            upper = upper.clone();
        }
    }

    /** The figure of {@code family}. */
    static ImbalanceSpectrum of(LongTailFamily family, int digits) {
        List<Column> cols = new ArrayList<>();
        int k = family.classes();
        for (int j = 0; j < family.rho().length; j++) {
            YhatSpectrum sp = family.spectra().get(j);
            double[] s = new double[k - 1];
            double[] lo = new double[k - 1];
            double[] hi = new double[k - 1];
            for (int i = 0; i < k - 1; i++) {
                long[] iv = sp.interlacingInterval(i);
                s[i] = sp.singularValue(i).doubleValue();
                lo[i] = Math.sqrt(iv[0]);
                hi[i] = Math.sqrt(iv[1]);
            }
            cols.add(new Column(family.rho()[j], s, lo, hi));
        }
        double[] rho = family.rho();
        String caption = "Singular values s_1 >= ... >= s_" + (k - 1) + " of Yhat for CIFAR-100-LT-shaped counts (K = " + k
            + ", n_i = floor(" + family.nMax() + " rho^(-i/" + (k - 1) + "))) at " + rho.length + " ratios rho from "
            + fmt(rho[0]) + " to " + fmt(rho[rho.length - 1]) + " (log-spaced), computed at " + digits + " digits; s_K = 0 "
            + "left off the log axis. Dashed: the interlacing bounds sqrt(n_(i+1)) <= s_i <= sqrt(n_(i)) of the marked "
            + "indices (claim C8). Data: data/" + TheoryFigures.IMBALANCE + ".json.";
        return new ImbalanceSpectrum(TheoryFigures.IMBALANCE, caption, k, family.nMax(), digits, cols);
    }

    /** The indices (1-based) whose bounds the chart draws: 1, about K/4, K/2, 3K/4, and K-1. */
    public int[] markedIndices() {
        int m = classes - 1;
        return Arrays.stream(new int[] {1, Math.max(1, m / 4), Math.max(1, m / 2), Math.max(1, 3 * m / 4), m})
            .distinct().toArray();
    }

    static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.4g", x);
    }
}
