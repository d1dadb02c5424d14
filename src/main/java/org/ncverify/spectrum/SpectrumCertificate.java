package org.ncverify.spectrum;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import org.ncverify.linalg.Tasks;

/**
 * Exact evidence for claim C8 about the spectrum of Yhat Yhat^T = diag(n) - n n^T/N.
 *
 * <p>For every eigenvalue mu_i a closed bracket [lo_i, hi_i] of exact decimal rationals:
 * <ul>
 * <li>a secular root: lo_i &lt; mu_i &lt; hi_i around the computed value, half-width
 *     min(mu_i 10^-(P+3), |distance to the origin pole| / 4), with the exact signs
 *     f(lo_i) &gt; 0 &gt; f(hi_i), proven from one integer enclosure of f(mu_i), f'(mu_i) and the
 *     sharp Taylor remainder bound ({@link TaylorBracket}), or where that does not decide, from
 *     the exact signs at both ends ({@link ExactSecularSign}); since f decreases strictly between
 *     consecutive poles, exactly one eigenvalue lies in the bracket; or lo_i = hi_i = r when
 *     f(r) = 0 exactly at a decimal r inside the pole interval (a rational root such as 3/2
 *     for sizes (1, 1, 2));</li>
 * <li>an exact eigenvalue c (a tied size, or 0): lo = hi = c, certified when the integer
 *     vector w behind the singular vector u_i = w / sqrt(||w||^2) ({@link ExactVector}: a
 *     Helmert vector of the tied classes, or 1_K) passes three exact checks against the class
 *     sizes: A w = c w ({@link ExactVector#isEigenvector}), w . w = the ||w||^2 that u_i is
 *     divided by, and w . w' = 0 for every earlier w' of the same eigenvalue. (Vectors of
 *     different exact eigenvalues are orthogonal because A is symmetric.) A wrong vector, a
 *     class of another size in the group, or a wrong c makes the bracket uncertified.</li>
 * </ul>
 * Counting (D-1 roots in disjoint open intervals, sum_j (m_j - 1) orthogonal tied vectors, one
 * null vector: K independent eigenvectors) shows the list is the whole spectrum. Then, exactly:
 * interlacing n_(i+1) &lt;= lo_i &lt;= hi_i &lt;= n_(i); the trace identity
 * sum lo_i &lt;= N - sum n_k^2 / N &lt;= sum hi_i; and the pseudo-determinant identity
 * prod_{i&lt;K} lo_i &lt;= K prod n_k / N &lt;= prod_{i&lt;K} hi_i.
 */
public final class SpectrumCertificate {
    private static final int MAX_RETRIES = 4;

    private final List<Bracket> brackets;
    private final boolean interlacing;
    private final boolean trace;
    private final boolean pseudoDeterminant;

    /** Package access for {@link #of} and for tests that build deliberately broken certificates. */
    SpectrumCertificate(List<Bracket> brackets, boolean interlacing, boolean trace, boolean pseudoDeterminant) {
        this.brackets = List.copyOf(brackets);
        this.interlacing = interlacing;
        this.trace = trace;
        this.pseudoDeterminant = pseudoDeterminant;
    }

    /** One certified enclosure lo &lt;= mu_i &lt;= hi. */
    public static final class Bracket {
        private final EigenKind kind;
        private final BigDecimal lower;
        private final BigDecimal upper;
        private final boolean certified;
        private final String evidence;

        Bracket(EigenKind kind, BigDecimal lower, BigDecimal upper, boolean certified, String evidence) {
            this.kind = kind;
            this.lower = lower;
            this.upper = upper;
            this.certified = certified;
            this.evidence = evidence;
        }

        public EigenKind kind() {
            return kind;
        }

        /** Exact lower end. */
        public BigDecimal lower() {
            return lower;
        }

        /** Exact upper end. */
        public BigDecimal upper() {
            return upper;
        }

        /** True when the enclosure is proven (exact signs, or an exact eigenvalue). */
        public boolean certified() {
            return certified;
        }

        /** Human-readable evidence. */
        public String evidence() {
            return evidence;
        }

        /** Significant digits of mu_i certified by the bracket; Integer.MAX_VALUE when exact. */
        public int certifiedDigits() {
            if (lower.compareTo(upper) == 0) {
                return Integer.MAX_VALUE;
            }
            BigDecimal rel = upper.subtract(lower).divide(upper.abs(), MathContext.DECIMAL64);
            return (int) Math.floor(-log10(rel));
        }
    }

    /** log10 of a positive decimal without passing through double's exponent range. */
    static double log10(BigDecimal x) {
        BigDecimal m = x.round(MathContext.DECIMAL64);
        return Math.log10(m.unscaledValue().doubleValue()) - m.scale();
    }

    /**
     * The certificate of {@code spectrum}, one bracket per eigenvalue; the brackets are independent
     * (an exact eigenvalue's depends only on the exact vectors of the same value before it), so they
     * are computed as one task each on the spectrum's executor ({@link YhatSpectrum#executor()}),
     * and the result does not depend on it.
     */
    static SpectrumCertificate of(YhatSpectrum spectrum) {
        SizeGroups g = spectrum.groups();
        int k = spectrum.size();
        int digits = spectrum.precision().digits();
        int[] runStart = new int[k]; // exact eigenvalues come in runs (decreasing order)
        ExactVector[] vectors = new ExactVector[k];
        long previous = -1;
        int start = 0;
        for (int i = 0; i < k; i++) {
            if (spectrum.kind(i) != EigenKind.SECULAR_ROOT) {
                vectors[i] = spectrum.exactVector(i);
                long c = spectrum.exactEigenvalue(i);
                if (c != previous) {
                    previous = c;
                    start = i;
                }
            }
            runStart[i] = start;
        }
        List<Bracket> list = Tasks.onEach(k, i -> {
            if (spectrum.kind(i) == EigenKind.SECULAR_ROOT) {
                return rootBracket(spectrum, i, digits);
            }
            List<ExactVector> sameValue = Arrays.asList(vectors).subList(runStart[i], i);
            return exactBracket(g, spectrum.kind(i), spectrum.exactEigenvalue(i), vectors[i], sameValue);
        }, spectrum.executor());
        return new SpectrumCertificate(list, interlacing(g, list), trace(g, list), pseudoDeterminant(g, list));
    }

    /**
     * The bracket [c, c] of an exact eigenvalue c with eigenvector w, certified when, exactly,
     * A w = c w, w . w = w.normSquared() and w . w' = 0 for each w' in {@code sameValue} (the
     * vectors already certified for the same c); otherwise uncertified, the evidence naming
     * the first check that fails.
     */
    static Bracket exactBracket(SizeGroups g, EigenKind kind, long c, ExactVector w, List<ExactVector> sameValue) {
        BigDecimal value = BigDecimal.valueOf(c);
        String failure = null;
        if (!w.isEigenvector(g, c)) {
            failure = "A w != " + c + " w";
        } else if (!w.hasNormSquared()) {
            failure = "w . w = " + w.dot(w) + ", not the " + w.normSquared() + " it is normalised by";
        } else {
            for (ExactVector other : sameValue) {
                if (other.dot(w) != 0) {
                    failure = "w . w' = " + other.dot(w) + " != 0 for the earlier vector w' = " + other + " of " + c;
                    break;
                }
            }
        }
        if (failure != null) {
            return new Bracket(kind, value, value, false, "exact eigenvalue " + c + " NOT certified: " + failure
                + " for w = " + w);
        }
        return new Bracket(kind, value, value, true, "exact: A w = " + c + " w, w . w = " + w.normSquared()
            + (sameValue.isEmpty() ? "" : ", orthogonal to the " + sameValue.size() + " earlier vector(s) of " + c)
            + " (integer arithmetic)");
    }

    private static Bracket rootBracket(YhatSpectrum spectrum, int i, int digits) {
        SecularRoot root = spectrum.root(i);
        SizeGroups g = spectrum.groups();
        BigDecimal mu = spectrum.eigenvalueDecimal(i);
        if (root.exact() && ExactSecularSign.exactSign(g, mu) == 0) {
            return new Bracket(EigenKind.SECULAR_ROOT, mu, mu, true,
                "exact: f(" + mu.toPlainString() + ") = 0 (a rational root strictly inside ("
                    + g.value(root.group() + 1) + ", " + g.value(root.group()) + "))");
        }
        BigDecimal relative = mu.multiply(BigDecimal.ONE.scaleByPowerOfTen(-(digits + 3)));
        BigDecimal poleDistance = new BigDecimal(root.delta().toString(true)).abs()
            .divide(BigDecimal.valueOf(4));
        BigDecimal half = relative.min(poleDistance).round(new MathContext(2));
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            if (mu.subtract(half).compareTo(BigDecimal.valueOf(g.value(root.group() + 1))) <= 0
                || mu.add(half).compareTo(BigDecimal.valueOf(g.value(root.group()))) >= 0) {
                break; // a wider bracket would reach a pole: one root per bracket no longer follows
            }
            Bracket b = attempt == 0 ? taylorBracket(g, root.group(), mu, half, root.sumSquares()) : null;
            b = b != null ? b : certifyRoot(g, root.group(), mu, half, root.sumSquares());
            if (b.certified) {
                return b;
            }
            half = half.multiply(BigDecimal.valueOf(100));
        }
        return new Bracket(EigenKind.SECULAR_ROOT, mu, mu, false,
            "no bracket around the computed root could be certified");
    }

    /**
     * The bracket [mu - h, mu + h] certified by one enclosure at mu and the Taylor remainder
     * bound ({@link TaylorBracket#PROVEN}); null when that rule does not apply or does not decide
     * both signs (the caller then proves the signs at both ends, {@link #certifyRoot}).
     */
    static Bracket taylorBracket(SizeGroups g, int group, BigDecimal mu, BigDecimal h, double sumSquares) {
        int[] signs = TaylorBracket.PROVEN.signs(g, group, mu, h, sumSquares);
        if (signs[0] > 0 && signs[1] < 0) {
            return new Bracket(EigenKind.SECULAR_ROOT, mu.subtract(h), mu.add(h), true,
                "exact enclosure of f(mu) and f'(mu) with the sharp Taylor remainder bound t/(1+t): "
                    + "f(lo) > 0 > f(hi); f strictly decreasing on (" + g.value(group + 1) + ", " + g.value(group) + ")");
        }
        return null;
    }

    /**
     * Tries to certify the bracket [mu - halfWidth, mu + halfWidth] for the secular root of
     * the interval (c_{group+1}, c_group): it is certified when it lies strictly inside that
     * interval (so it contains no pole) and the exact signs satisfy f(lo) &gt; 0 &gt; f(hi); since
     * f decreases strictly between consecutive poles, exactly one eigenvalue then lies in it.
     * The sign scale is chosen from the expected |f(lo)|, |f(hi)| ~ sumSquares * halfWidth / N,
     * with up to two refinements of 8 digits each, then the exact sign (which may be 0: an end
 * that IS the root gives the exact bracket [end, end]).
     *
     * @param sumSquares sum_j w_j / (c_j - mu)^2 (= -N f'(mu)) in double, for scaling only
     * @return a certified bracket, or an uncertified one [lo, hi] saying why
     */
    static Bracket certifyRoot(SizeGroups g, int group, BigDecimal mu, BigDecimal halfWidth, double sumSquares) {
        BigDecimal lo = mu.subtract(halfWidth);
        BigDecimal hi = mu.add(halfWidth);
        BigDecimal poleAbove = BigDecimal.valueOf(g.value(group));
        BigDecimal poleBelow = BigDecimal.valueOf(g.value(group + 1));
        if (halfWidth.signum() <= 0 || lo.compareTo(poleBelow) <= 0 || hi.compareTo(poleAbove) >= 0) {
            return new Bracket(EigenKind.SECULAR_ROOT, lo, hi, false,
                "bracket is empty or not strictly inside (" + poleBelow + ", " + poleAbove + ")");
        }
        // log10 of |F(lo)| ~ (-N f') * half, without underflow at thousands of digits
        double log10Half = log10(halfWidth);
        double log10Mag = Math.log10(sumSquares) + log10Half;
        int scale = (int) Math.max(0, Math.ceil(Math.log10(g.count() + 1.0) - log10Mag)) + 3;
        int sLo = 0;
        int sHi = 0;
        for (int extra = 0; extra <= 16 && (sLo == 0 || sHi == 0); extra += 8) {
            sLo = sLo != 0 ? sLo : ExactSecularSign.sign(g, lo, scale + extra);
            sHi = sHi != 0 ? sHi : ExactSecularSign.sign(g, hi, scale + extra);
        }
        sLo = sLo != 0 ? sLo : ExactSecularSign.exactSign(g, lo);
        sHi = sHi != 0 ? sHi : ExactSecularSign.exactSign(g, hi);
        if (sLo == 0 || sHi == 0) {
            // an end IS the root (proven f = 0 there); it lies strictly inside the pole interval
            BigDecimal root = sLo == 0 ? lo : hi;
            return new Bracket(EigenKind.SECULAR_ROOT, root, root, true,
                "exact: f(" + root.toPlainString() + ") = 0 at a bracket end strictly inside ("
                    + g.value(group + 1) + ", " + g.value(group) + ")");
        }
        if (sLo > 0 && sHi < 0) {
            return new Bracket(EigenKind.SECULAR_ROOT, lo, hi, true,
                "exact signs f(lo) > 0 > f(hi) at decimal endpoints; f strictly decreasing on ("
                    + g.value(group + 1) + ", " + g.value(group) + ")");
        }
        return new Bracket(EigenKind.SECULAR_ROOT, lo, hi, false,
            "exact signs f(lo) = " + sLo + ", f(hi) = " + sHi + " do not bracket a root");
    }

    static boolean interlacing(SizeGroups g, List<Bracket> list) {
        long[] sorted = g.sortedDecreasing();
        for (int i = 0; i < list.size(); i++) {
            Bracket b = list.get(i);
            BigDecimal up = BigDecimal.valueOf(sorted[i]);
            BigDecimal low = i + 1 < sorted.length ? BigDecimal.valueOf(sorted[i + 1]) : BigDecimal.ZERO;
            if (!b.certified || b.lower.compareTo(low) < 0 || b.upper.compareTo(up) > 0) {
                return false;
            }
        }
        return true;
    }

    /** N sum lo &lt;= N^2 - sum n^2 &lt;= N sum hi, exactly ({@link SpectrumIdentities#trace}). */
    static boolean trace(SizeGroups g, List<Bracket> list) {
        return SpectrumIdentities.trace(g, list);
    }

    /** N prod lo &lt;= K prod n &lt;= N prod hi, exactly ({@link SpectrumIdentities#pseudoDeterminant}). */
    static boolean pseudoDeterminant(SizeGroups g, List<Bracket> list) {
        return SpectrumIdentities.pseudoDeterminant(g, list);
    }

    /** The brackets, one per eigenvalue in decreasing order. */
    public List<Bracket> brackets() {
        return brackets;
    }

    /** Bracket of mu_i. */
    public Bracket bracket(int i) {
        return brackets.get(i);
    }

    /** Every bracket certified. */
    public boolean allCertified() {
        return brackets.stream().allMatch(Bracket::certified);
    }

    /** Interlacing n_(i+1) &lt;= mu_i &lt;= n_(i) proven for all i. */
    public boolean interlacing() {
        return interlacing;
    }

    /** Trace identity enclosed exactly. */
    public boolean trace() {
        return trace;
    }

    /** Pseudo-determinant identity enclosed exactly. */
    public boolean pseudoDeterminant() {
        return pseudoDeterminant;
    }

    /**
     * Every exact eigenvalue (tied size or zero) certified: its integer eigenvector passed
     * A w = c w, its norm and orthogonality checks ({@link #exactBracket}).
     */
    public boolean exactVectors() {
        return brackets.stream().filter(b -> b.kind != EigenKind.SECULAR_ROOT).allMatch(Bracket::certified);
    }

    /** Number of exact eigenvalues (tied sizes and zero), each with a checked integer eigenvector. */
    public int exactVectorCount() {
        return (int) brackets.stream().filter(b -> b.kind != EigenKind.SECULAR_ROOT).count();
    }

    /** Every bracket certified (which includes {@link #exactVectors()}), interlacing, trace and pseudo-determinant. */
    public boolean holds() {
        return allCertified() && interlacing && trace && pseudoDeterminant;
    }

    /** Least number of significant digits certified over the secular roots. */
    public int minCertifiedDigits() {
        return brackets.stream().mapToInt(Bracket::certifiedDigits).min().orElse(Integer.MAX_VALUE);
    }
}
