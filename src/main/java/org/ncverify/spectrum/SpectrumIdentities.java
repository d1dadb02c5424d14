package org.ncverify.spectrum;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The two exact identities the certificate of {@link SpectrumCertificate} checks on its brackets:
 * the trace, sum_i mu_i = N - sum_k n_k^2 / N, and the pseudo-determinant,
 * prod_{i &lt; K} mu_i = K prod_k n_k / N, each as an exact inequality between the brackets' ends
 * and the exact rational value. Stateless.
 */
final class SpectrumIdentities {
    private SpectrumIdentities() {
    }

    /** N sum lo &lt;= N^2 - sum n^2 &lt;= N sum hi, exactly. */
    static boolean trace(SizeGroups g, List<SpectrumCertificate.Bracket> list) {
        BigDecimal n = BigDecimal.valueOf(g.total());
        BigDecimal sq = BigDecimal.ZERO;
        for (int k = 0; k < g.classes(); k++) {
            sq = sq.add(BigDecimal.valueOf(g.size(k)).pow(2));
        }
        BigDecimal exact = n.multiply(n).subtract(sq);
        BigDecimal lo = BigDecimal.ZERO;
        BigDecimal hi = BigDecimal.ZERO;
        for (SpectrumCertificate.Bracket b : list) {
            lo = lo.add(b.lower());
            hi = hi.add(b.upper());
        }
        return n.multiply(lo).compareTo(exact) <= 0 && exact.compareTo(n.multiply(hi)) <= 0;
    }

    /**
     * N prod lo &lt;= K prod n &lt;= N prod hi over the K-1 nonzero eigenvalues, exactly. Decided first
     * with directed rounding ({@link #boundedProduct}: an upper bound of prod lo, a lower bound of
     * prod hi, each partial product rounded outwards to a few digits more than the factors carry),
     * which proves both inequalities whenever they hold with a margin above that rounding; only
     * otherwise the exact products of all the digits (about K times the digits of one end: the
     * cold-start cost this avoids) decide. The result is the exact truth value either way.
     */
    static boolean pseudoDeterminant(SizeGroups g, List<SpectrumCertificate.Bracket> list) {
        BigDecimal n = BigDecimal.valueOf(g.total());
        BigDecimal exact = sizeProduct(g);
        BigDecimal loUp = boundedProduct(list, true);
        BigDecimal hiDown = boundedProduct(list, false);
        if (loUp != null && hiDown != null && n.multiply(loUp).compareTo(exact) <= 0
            && exact.compareTo(n.multiply(hiDown)) <= 0) {
            return true;
        }
        return exactPseudoDeterminant(g, list);
    }

    /** K prod n_k, exactly. */
    private static BigDecimal sizeProduct(SizeGroups g) {
        BigDecimal exact = BigDecimal.valueOf(g.classes());
        for (int k = 0; k < g.classes(); k++) {
            exact = exact.multiply(BigDecimal.valueOf(g.size(k)));
        }
        return exact;
    }

    /**
     * prod_{i &lt; K} lo_i rounded up (lower = true) or prod hi_i rounded down, every partial product
     * rounded (CEILING / FLOOR) to the largest precision of a factor plus 2 log10 K + 10 digits: for
     * nonnegative factors rounding is monotone, so the result bounds the exact product from above
     * (below). Null when some factor is negative (the exact products then decide).
     */
    static BigDecimal boundedProduct(List<SpectrumCertificate.Bracket> list, boolean lower) {
        int digits = 0;
        for (int i = 0; i < list.size() - 1; i++) {
            BigDecimal f = lower ? list.get(i).lower() : list.get(i).upper();
            if (f.signum() < 0) {
                return null;
            }
            digits = Math.max(digits, f.precision());
        }
        MathContext mc = new MathContext(digits + 2 * (int) Math.ceil(Math.log10(list.size() + 1.0)) + 10,
            lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
        BigDecimal p = BigDecimal.ONE;
        for (int i = 0; i < list.size() - 1; i++) {
            p = p.multiply(lower ? list.get(i).lower() : list.get(i).upper(), mc);
        }
        return p;
    }

    /** The pseudo-determinant check with the exact products of every digit (package access for a test). */
    static boolean exactPseudoDeterminant(SizeGroups g, List<SpectrumCertificate.Bracket> list) {
        BigDecimal n = BigDecimal.valueOf(g.total());
        BigDecimal exact = sizeProduct(g);
        BigDecimal lo = BigDecimal.ONE;
        BigDecimal hi = BigDecimal.ONE;
        for (int i = 0; i < list.size() - 1; i++) {
            lo = lo.multiply(list.get(i).lower());
            hi = hi.multiply(list.get(i).upper());
        }
        return n.multiply(lo).compareTo(exact) <= 0 && exact.compareTo(n.multiply(hi)) <= 0;
    }
}
