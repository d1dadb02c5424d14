package org.ncverify.report;

import java.util.Arrays;
import java.util.List;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * One long-tail family of class counts over a grid of imbalance ratios: n_i =
 * floor(n_max rho^(-i/(K-1))), i = 0..K-1 ({@link NamedCase#longTail}), and the spectrum of
 * Yhat of each member at {@code digits}, computed once and shared by the figures that sweep
 * rho ({@link ImbalanceSpectrum}, {@link PhaseDiagram}). The members are computed in parallel on the
 * common fork-join pool (each spectrum is independent and deterministic).
 *
 * @param classes K
 * @param nMax    n_max
 * @param rho     the imbalance ratios, increasing
 * @param spectra the spectrum of each member, aligned with {@code rho}
 */
record LongTailFamily(int classes, long nMax, double[] rho, List<YhatSpectrum> spectra) {
    LongTailFamily {
        rho = rho.clone();
        spectra = List.copyOf(spectra);
    }

    /** The CIFAR-100-LT shape (K = 100, n_max = 500). */
    static final int CIFAR100_CLASSES = 100;
    /** n_max of CIFAR-100-LT. */
    static final long CIFAR100_MAX = 500;

    /** The family at {@code points} ratios log-spaced from 1 to {@code maxRho} (both included; maxRho &lt;= n_max keeps n_min &gt;= 1). */
    static LongTailFamily of(int classes, long nMax, double maxRho, int points, int digits) {
        if (points < 2 || !(maxRho > 1) || maxRho > nMax) {
            throw new IllegalArgumentException("a rho grid needs >= 2 points and 1 < max rho <= n_max = " + nMax
                + " (else the smallest class is empty), got " + points + " points, max rho " + maxRho);
        }
        double[] rho = new double[points];
        for (int j = 0; j < points; j++) {
            rho[j] = j == points - 1 ? maxRho : Math.pow(maxRho, j / (points - 1.0));
        }
        Precision pr = Precision.of(digits);
        // independent members: computed in parallel (common pool), collected in grid order
        List<YhatSpectrum> spectra = Arrays.stream(rho).parallel()
            .mapToObj(x -> YhatSpectrum.compute(NamedCase.longTail(classes, nMax, x), pr)).toList();
        return new LongTailFamily(classes, nMax, rho, spectra);
    }

    /** The class counts at grid point j. */
    long[] sizes(int j) {
        return NamedCase.longTail(classes, nMax, rho[j]);
    }
}
