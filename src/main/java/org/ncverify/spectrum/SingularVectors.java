package org.ncverify.spectrum;

import java.util.Arrays;
import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.Tasks;

/**
 * The singular pairs (u_i, v_i), i = 0..m-1, of Yhat = (I - n 1^T / N) D for the m largest
 * singular values, in their structured form (SPEC section 5), never as K x K matrices: memory
 * O(m D) numbers for D distinct sizes (plus the support of each tied vector), time O(D) per
 * pair and O(1) per Gram entry.
 *
 * <ul>
 * <li>secular root mu_i: u-tilde_k = n_k / (n_k - mu_i), u_i = u-tilde / ||u-tilde||, and
 *     v_i = Yhat^T u_i / s_i, i.e. (v_i)_k = sqrt(n_k) s_i / (n_k - mu_i) / ||u-tilde||; both are
 *     constant on each size group, so one value per group is stored;</li>
 * <li>tied size c (a Helmert vector w of {@link ExactVector}): u_i = v_i = w / sqrt(||w||^2),
 *     supported on the t + 1 classes of w.</li>
 * </ul>
 * The zero singular value (index K - 1) is not represented: the closed form never keeps it.
 *
 * <p>Gram entries without dot products of length K. For two secular roots, partial fractions
 * 1/((c - a)(c - b)) = (1/(c - a) - 1/(c - b)) / (a - b) give
 * <pre>
 *   u-tilde_i . u-tilde_j = (S1_i - S1_j) / (mu_i - mu_j),   S1(mu) = sum_k n_k^2 / (n_k - mu),
 *   v-tilde_i . v-tilde_j = s_i s_j (S0_i - S0_j) / (mu_i - mu_j),   S0(mu) = sum_k n_k / (n_k - mu),
 * </pre>
 * both sums evaluated at the computed root (each O(D), once per index). An exact root has
 * S1 = N and S0 = 0 (A u = mu u + n f(mu) with f the secular function), so these entries
 * measure how far the computed roots are from the secular equation. A Helmert vector is
 * orthogonal to every vector constant on its group (its entries sum to zero) and to the other
 * Helmert vectors of its group (exact integer identities checked by the certificate), so those
 * entries are exactly zero. The diagonal entries are the squared norms of the stored values.
 */
public final class SingularVectors {
    private final YhatSpectrum spectrum;
    private final Precision precision;
    private final StoredPair[] pairs;
    private final Apfloat[] sqrtC;
    private final Apint[] mult;
    private final double[] sqrtCd;
    private final int maxStored;

    private SingularVectors(YhatSpectrum spectrum, StoredPair[] pairs, Apfloat[] sqrtC, Apint[] mult) {
        this.spectrum = spectrum;
        this.precision = spectrum.precision();
        this.pairs = pairs;
        this.sqrtC = sqrtC;
        this.mult = mult;
        int longest = 0;
        for (StoredPair p : pairs) {
            longest = Math.max(longest, p.u.length);
        }
        this.maxStored = longest;
        this.sqrtCd = new double[sqrtC.length];
        for (int j = 0; j < sqrtC.length; j++) {
            sqrtCd[j] = sqrtC[j].doubleValue();
        }
    }

    /**
     * The pairs of the {@code count} largest singular values of {@code spectrum} (0 &lt;= count
     * &lt;= K - 1), one task per pair on the spectrum's executor ({@link YhatSpectrum#executor()};
     * each pair, with its two squared norms, is a pure function of its index).
     */
    public static SingularVectors of(YhatSpectrum spectrum, int count) {
        if (count < 0 || count > spectrum.size() - 1) {
            throw new IllegalArgumentException("count = " + count + ": must be in 0.." + (spectrum.size() - 1));
        }
        FixedPrecisionApfloatHelper h = spectrum.precision().helper();
        SizeGroups g = spectrum.groups();
        Apfloat[] sqrtC = new Apfloat[g.count()];
        Apint[] mult = new Apint[g.count()];
        for (int j = 0; j < g.count(); j++) {
            sqrtC[j] = h.sqrt(spectrum.precision().of(g.value(j)));
            mult[j] = g.multiplicity(j) == 1 ? Apint.ONE : new Apint(g.multiplicity(j)); // ONE: see times
        }
        StoredPair[] pairs = Tasks.onEach(count, i -> spectrum.kind(i) == EigenKind.SECULAR_ROOT
            ? StoredPair.secular(spectrum, i, sqrtC, mult, h) : StoredPair.withNorms(StoredPair.tied(spectrum, i, h), h),
            spectrum.executor()).toArray(new StoredPair[0]);
        return new SingularVectors(spectrum, pairs, sqrtC, mult);
    }


    /**
     * The same pairs with pair i (a secular root) formed at the root origin + {@code delta} instead of its
     * own (tests: a pair whose sums S0, S1 are far from 0 and N, so that its residual is that defect).
     */
    SingularVectors withSecularPairAt(int i, Apfloat delta) {
        StoredPair[] copy = pairs.clone();
        copy[i] = StoredPair.secular(spectrum, i, pairs[i].origin, delta, sqrtC, mult, precision.helper());
        return new SingularVectors(spectrum, copy, sqrtC, mult);
    }

    /** m, the number of pairs. */
    public int count() {
        return pairs.length;
    }

    /** The spectrum the pairs belong to. */
    public YhatSpectrum spectrum() {
        return spectrum;
    }

    /** u_i as K entries (a new array, O(K)). */
    public Apfloat[] left(int i) {
        return dense(pairs[i], pairs[i].u);
    }

    /** v_i as K entries (a new array, O(K)); Yhat v_i = s_i u_i. */
    public Apfloat[] right(int i) {
        return dense(pairs[i], pairs[i].v);
    }

    private Apfloat[] dense(StoredPair p, Apfloat[] values) {
        Apfloat[] out = new Apfloat[spectrum.size()];
        if (p.support != null) {
            Arrays.fill(out, Apfloat.ZERO);
            for (int t = 0; t < p.support.length; t++) {
                out[p.support[t]] = values[t];
            }
            return out;
        }
        SizeGroups g = spectrum.groups();
        for (int j = 0; j < g.count(); j++) {
            for (int c : g.members(j)) {
                out[c] = values[j];
            }
        }
        return out;
    }

    /** u_i . u_j (structured, see the class comment). */
    public Apfloat leftGram(int i, int j) {
        return gram(i, j, true);
    }

    /** v_i . v_j (structured, see the class comment). */
    public Apfloat rightGram(int i, int j) {
        return gram(i, j, false);
    }

    private Apfloat gram(int i, int j, boolean left) {
        StoredPair a = pairs[i];
        StoredPair b = pairs[j];
        FixedPrecisionApfloatHelper h = precision.helper();
        if (i == j) {
            return left ? a.uu : a.vv;
        }
        if (a.support != null || b.support != null) {
            return Apfloat.ZERO;
        }
        Apfloat gap = h.add(new Apint(a.origin - b.origin), h.subtract(a.delta, b.delta));
        if (left) {
            return h.multiply(h.divide(h.subtract(a.s1, b.s1), gap), h.multiply(a.inv, b.inv));
        }
        Apfloat ss = h.multiply(spectrum.singularValue(a.index), spectrum.singularValue(b.index));
        return h.multiply(h.multiply(ss, h.divide(h.subtract(a.s0, b.s0), gap)), h.multiply(a.inv, b.inv));
    }


    /**
     * u_i^T Yhat v_i from the stored values and Yhat = (I - n 1^T / N) D, i.e. Yhat v = D v -
     * n (sqrt(n)^T v) / N: sum_k u_k sqrt(n_k) v_k - (n^T u)(sqrt(n)^T v) / N, O(D). It is s_i
     * for an exact pair.
     */
    public Apfloat coupling(int i) {
        StoredPair p = pairs[i];
        Apfloat c = p.coupling;
        if (c == null) {
            FixedPrecisionApfloatHelper h = precision.helper();
            Apfloat direct = Apfloat.ZERO;
            for (int t = 0; t < p.u.length; t++) {
                direct = h.add(direct, StoredPair.times(weight(p, t), h.multiply(h.multiply(p.u[t], sqrtSize(p, t)), p.v[t]), h));
            }
            c = h.subtract(direct, h.divide(h.multiply(sizeComponent(p), rightNullComponent(i)), new Apint(spectrum.groups().total())));
            p.coupling = c; // a pure function of the pair: a race computes the same value twice
        }
        return c;
    }

    /** sqrt(n)^T v_i (zero for an exact pair: v_i is orthogonal to the null vector sqrt(n / N)), O(D), computed once. */
    public Apfloat rightNullComponent(int i) {
        StoredPair p = pairs[i];
        Apfloat sum = p.sqrtNv;
        if (sum == null) {
            sum = weightedSum(p, false);
            p.sqrtNv = sum;
        }
        return sum;
    }

    /** n^T u of pair p (sum_t weight_t c_t u_t), O(D), computed once. */
    Apfloat sizeComponent(StoredPair p) {
        Apfloat sum = p.nu;
        if (sum == null) {
            sum = weightedSum(p, true);
            p.nu = sum;
        }
        return sum;
    }

    /** sum_t weight_t c_t u_t ({@code sizes}) or sum_t weight_t sqrt(c_t) v_t, in the order of t. */
    private Apfloat weightedSum(StoredPair p, boolean sizes) {
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat sum = Apfloat.ZERO;
        for (int t = 0; t < p.u.length; t++) {
            Apfloat term = sizes ? h.multiply(exactSize(p, t), p.u[t]) : h.multiply(sqrtSize(p, t), p.v[t]);
            sum = h.add(sum, StoredPair.times(weight(p, t), term, h));
        }
        return sum;
    }

    /** The stored values of p as doubles ({@code Apfloat.doubleValue}), u if {@code left} else v, computed once. */
    double[] doubles(StoredPair p, boolean left) {
        double[] x = left ? p.ud : p.vd;
        if (x == null) {
            Apfloat[] a = left ? p.u : p.v;
            x = new double[a.length];
            for (int t = 0; t < a.length; t++) {
                x[t] = a[t].doubleValue();
            }
            if (left) {
                p.ud = x;
            } else {
                p.vd = x;
            }
        }
        return x;
    }

    /** sqrt(c) of stored value t as a double ({@code doubleValue} of {@link #sqrtSize}). */
    double sqrtSizeDouble(StoredPair p, int t) {
        return sqrtCd[p.support != null ? p.group : t];
    }

    /** StoredPair i (for {@link PairBounds}). */
    StoredPair pair(int i) {
        return pairs[i];
    }

    /** The largest number of values stored for one pair (D for a secular root, t + 1 on a tied support). */
    public int maxStoredLength() {
        return maxStored;
    }

    /**
     * An upper bound of ||Yhat v_i - s_i u_i|| over all K entries (the residual of the pair as it is
     * stored: zero for exact values), at {@link #BOUND_DIGITS} digits. Per stored value t of size c,
     * (Yhat v)_t = sqrt(c) v_t - c nu / N with nu = sqrt(n)^T v_i; the computed norm gets the
     * rounding allowance gamma eps ||mag|| with mag_t = sqrt(c)|v_t| + s|u_t| + c (|nu| + sum
     * |nu's terms|) / N, gamma = {@link #roundingFactor}, eps = 10^-(W-2) (Apfloat is accurate to the
     * second-last of its W digits). On a tied support the entries off the support are -n_k nu / N,
     * bounded by (|nu| + its allowance) sqrt(sum_k n_k^2) / N. O(D). That is the route of a tied pair; a
     * secular pair's bound comes from its sums S0, S1 instead, in double (PairBounds.secularResidual:
     * the same magnitude without a working-precision pass; proofs-notes/C11-stationarity.md).
     */
    public Apfloat yhatResidualBound(int i) {
        return PairBounds.residual(this, i, false);
    }

    /**
     * An upper bound of ||Yhat^T u_i - s_i v_i|| over all K entries, as {@link #yhatResidualBound}:
     * (Yhat^T u)_t = sqrt(c) (u_t - n^T u / N), off a tied support -sqrt(n_k) n^T u / N (norm
     * |n^T u| sqrt(N) / N). O(D).
     */
    public Apfloat yhatTransposeResidualBound(int i) {
        return PairBounds.residual(this, i, true);
    }

    /** Digits at which the bounds of this class are accumulated. */
    public static final long BOUND_DIGITS = 20;

    /** gamma = 4 (D + 20): the rounding factor of an O(D) sum of products at the working precision. */
    public double roundingFactor() {
        return 4.0 * (maxStoredLength() + 20);
    }

    /** 10^-(W-2), the relative accuracy of one Apfloat operation at the working precision W. */
    public Apfloat unitError() {
        return new Apfloat("1e-" + (precision.working() - 2), BOUND_DIGITS);
    }

    Apfloat exactSize(StoredPair p, int t) {
        return spectrum.groups().exactValue(p.support != null ? p.group : t);
    }

    long multiplicity(StoredPair p, int t) {
        return p.support != null ? 1 : spectrum.groups().multiplicity(t);
    }

    /**
     * Upper bounds of the rounding of the computed Gram matrices, ||G_U(computed) - G_U||_F and the
     * same for V, given bounds {@code offLeft}, {@code offRight} of every exact off-diagonal entry's
     * size. A partial-fraction entry (S1_i - S1_j) / gap inv_i inv_j has the error of its sums S1
     * (at most gamma eps sum_k n_k^2 |r_k| = gamma eps sum_k n_k |u_k| / inv) over |gap|, plus a
     * relative gamma eps of the entry itself and of the gap ((|delta_i| + |delta_j|) / |gap|); the
     * right entries s_i s_j (S0_i - S0_j) / gap inv_i inv_j likewise with sum_k |u_k| / inv. A
     * diagonal entry (a norm, D squares) errs by gamma eps of itself. Every off-diagonal entry also
     * gets 2 gamma eps for the stored values being the exact vectors' to a few eps each (so a tied
     * pair's entries, exact zeros for exact values, are a few eps for the stored ones). The sums over pairs are taken in doubles (an error allowance, not a value); O(m^2 + m D).
     * The computed Gram matrices are those of {@link ScaledGram} (off-diagonal entries in double, as
     * {@code FactoredMinimizer.gramDefects()} forms them): the Frobenius norm of its per-entry
     * allowances ({@link ScaledGram#leftError}) and of one conversion of each diagonal defect is added
     * (triangle inequality; proofs-notes/C11-stationarity.md, "Gram entries in double").
     * Infinite (null) when two roots coincide in double.
     */
    public Apfloat[] gramRoundingBounds(Apfloat offLeft, Apfloat offRight) {
        return PairBounds.gramRounding(this, offLeft, offRight);
    }

    /** How many classes stored value t of p stands for: its group's multiplicity, or 1 on a tied support. */
    Apint weight(StoredPair p, int t) {
        return p.support != null ? Apint.ONE : mult[t];
    }

    long size(StoredPair p, int t) {
        return spectrum.groups().value(p.support != null ? p.group : t);
    }

    Apfloat sqrtSize(StoredPair p, int t) {
        return sqrtC[p.support != null ? p.group : t];
    }

    /**
     * Entry k (a class index) of v_i in O(1) for a secular pair, O(log t) on a tied support.
     * With {@link #classGroups()} it lets a caller form one class's column of X = E diag(a) V_m^T
     * at a time (verify-geometry: claims C1, C2 without a d x K or d x N matrix).
     */
    public Apfloat rightEntry(int i, int k, int[] classGroups) {
        StoredPair p = pairs[i];
        if (p.support == null) {
            return p.v[classGroups[k]];
        }
        int at = Arrays.binarySearch(p.support, k);
        return at >= 0 ? p.v[at] : Apfloat.ZERO;
    }

    /** The size group of every class (a new array of K indices into {@link SizeGroups}). */
    public int[] classGroups() {
        SizeGroups g = spectrum.groups();
        int[] out = new int[spectrum.size()];
        for (int j = 0; j < g.count(); j++) {
            for (int c : g.members(j)) {
                out[c] = j;
            }
        }
        return out;
    }

    /**
     * Upper bounds, in double, on the distance of each stored pair from an exact singular pair of
     * Yhat (verify-geometry; proofs-notes/C5-left-geometry.md, "Factored form"): row 0 holds
     * delta_i &gt;= ||U*^T u_i - e_i||, row 1 eps_i &gt;= ||V*^T v_i - e_i||, for exact orthogonal
     * frames U*, V* of Yhat (consistent pairs, the sign of column i chosen with u*_i . u_i &gt; 0).
     *
     * <p>For a secular pair, partial fractions give, for every other exact root mu*_j (including
     * mu* = 0 of the null vector 1 / sqrt(K)), u*_j . u_i = inv*_j inv_i (S1_i - N) / (mu_i - mu*_j)
     * with inv*_j = 1 / ||u-tilde(mu*_j)|| &lt;= 1 (every root lies in [0, n_max)); exact tied vectors
     * are orthogonal to u_i (it is constant on each size group). So sigma_i = inv_i r_i
     * sqrt(sum_j 1 / (mu_i - mu*_j)^2) bounds the off-diagonal part, r_i = |S1(mu_i) - N| evaluated
     * at W + 10 digits plus that evaluation's rounding gamma 10^-(W+8) sum_k n_k^2 / |n_k - mu_i|
     * (at W digits this allowance alone would exceed the root's own defect by orders of magnitude),
     * and |u*_i . u_i - 1| &lt;= |u_i.u_i - 1| + sigma_i^2.
     * For v_i = (Yhat^T u_i + sqrt(n) (S1_i / N - 1) inv_i) / s_i: v*_j . Yhat^T u_i / s_i =
     * (s*_j / s_i) u*_j . u_i, plus the term along sqrt(n) of norm inv_i r_i / (sqrt(N) s_i). The
     * exact roots are taken within 10^-(P-1) |mu_j| of the computed ones (P the certified digits,
     * claim C8); each gap |mu_i - mu_j| is formed from the roots' integer origins and double deltas
     * and shrunk by that allowance and its own rounding: a gap that does not survive gives
     * +infinity (no bound). The stored entries' rounding against the ideal vector the argument is
     * about (2D + 10 operations each, 10^-(W-2) per operation) and the computed norms' rounding are
     * added ({@code PairBounds.storedRounding}). A tied pair is an
     * exact Helmert vector up to its rounded normalization: |u_i.u_i - 1| plus the rounding.
     */
    public double[][] frameErrors() {
        return PairBounds.frameErrors(this);
    }
}
