package org.ncverify.theory;

import java.util.Arrays;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.Tasks;
import org.ncverify.spectrum.ScaledGram;
import org.ncverify.spectrum.SingularVectors;

/**
 * The closed-form minimizer in canonical frames (SPEC section 5) kept as its factors, never as
 * dense K x d or K x K matrices: for the m surviving directions (p*(s_i) &gt; 0, a prefix of the
 * spectrum) the factor singular values a_{j,i} (j = 0: H, j = l: W_l) and the structured singular
 * pairs (u_i, v_i) of {@link SingularVectors}. With E the first m unit vectors of each space,
 * <pre>
 *   X = E diag(a_H) V_m^T,   W_l = E diag(a_{W_l}) E^T (1 &lt;= l &lt; L),   W_L = U_m diag(a_{W_L}) E^T,
 *   b = n / N,   P = W_L...W_1 X = U_m diag(p') V_m^T,   p'_i = prod_j a_{j,i}.
 * </pre>
 * Memory O(m D) for D distinct sizes; every quantity below costs O(m D + m^2) operations.
 *
 * <p>The objective at this point, from the definition of SPEC section 1 term by term: the class
 * means are m_k = x_k / sqrt(n_k), so lambda_H/2 ||H||^2 = lambda_H/2 ||X||_F^2 =
 * lambda_H/2 sum_i a_{H,i}^2 ||v_i||^2; ||W_l||^2 = sum_i a_{W_l,i}^2 (l &lt; L) and
 * ||W_L||^2 = sum_i a_{W_L,i}^2 ||u_i||^2; with b = n / N the residual of the samples of class k
 * is W m_k + b - e_k, and W M D + b sqrt(n)^T - D = P - Yhat, so the data term is
 * <pre>
 *   ||P - Yhat||_F^2 / (2N) = ( sum_{i,j} p'_i p'_j (u_i.u_j)(v_i.v_j) - 2 sum_i p'_i u_i^T Yhat v_i
 *                              + N - sum_k n_k^2 / N ) / (2N),
 * </pre>
 * with the Gram entries and u_i^T Yhat v_i from {@link SingularVectors} (no orthonormality is
 * assumed: the computed norms and partial-fraction Gram entries enter). The off-diagonal Gram
 * products are second order in the roots' residuals (each entry is O(10^-W)); they are formed in
 * double from the per-root residuals ({@link ScaledGram}: O(m) working-precision operations, then
 * O(m^2) doubles) and summed with compensation: the term is O(10^-2W) p'^2 m^2 at most, and its
 * evaluation error (each entry's allowance, then 2u |sum| + O(m^2 u^2) sum |terms|) is far below
 * the working precision's rounding of the value, 10^-(W-2) (N + sum p'^2) / (2N).
 */
public final class FactoredMinimizer {
    /** Digits at which the small off-diagonal quantities (Gram defects) are accumulated. */
    static final long BOUND_DIGITS = 20;
    /** 1 + 1e-15: the relative rounding-up of the 20-digit defect sums and of the Gram bound delta. */
    private static final Apfloat SLACK = new Apfloat("1.000000000000001", BOUND_DIGITS);
    /** Most Gram-defect terms computed ahead of their (ordered) summation: bounds the memory of {@link #gramDefects()}. */
    private static final long BLOCK_TERMS = MemoryEstimate.GRAM_BLOCK_TERMS;

    private final Instance instance;
    private final Precision precision;
    private final SingularVectors pairs;
    private final Apfloat[][] factors;
    private final Apfloat[] product;
    private volatile Defects defects;

    private FactoredMinimizer(Instance instance, Precision precision, SingularVectors pairs, Apfloat[][] factors) {
        this.instance = instance;
        this.precision = precision;
        this.pairs = pairs;
        this.factors = factors;
        FixedPrecisionApfloatHelper h = precision.helper();
        int m = pairs.count();
        this.product = new Apfloat[m];
        for (int i = 0; i < m; i++) {
            Apfloat x = Apfloat.ONE;
            for (Apfloat[] a : factors) {
                x = h.multiply(x, a[i]);
            }
            product[i] = x;
        }
    }

    /**
     * The factored point for {@code pairs} (m of them) and factor singular values
     * {@code factors[j][i]}, j = 0..L (H, W_1..W_L), i &lt; m.
     */
    public static FactoredMinimizer of(Instance instance, SingularVectors pairs, Apfloat[][] factors) {
        if (factors.length != instance.depth() + 1) {
            throw new IllegalArgumentException("need L + 1 = " + (instance.depth() + 1) + " factors, got " + factors.length);
        }
        Apfloat[][] copy = new Apfloat[factors.length][];
        for (int j = 0; j < factors.length; j++) {
            if (factors[j].length < pairs.count()) {
                throw new IllegalArgumentException("factor " + j + " has " + factors[j].length + " values, need " + pairs.count());
            }
            copy[j] = Arrays.copyOf(factors[j], pairs.count());
        }
        return new FactoredMinimizer(instance, pairs.spectrum().precision(), pairs, copy);
    }

    /** m, the number of surviving directions. */
    public int directions() {
        return pairs.count();
    }

    /** The instance of the point. */
    public Instance instance() {
        return instance;
    }

    /** The working precision of the factor values and pairs. */
    public Precision precision() {
        return precision;
    }

    /** a_{j,i}, i &lt; m, of factor j (0: H, l: W_l), a new array. */
    public Apfloat[] factor(int j) {
        return factors[j].clone();
    }

    /** The structured singular pairs of Yhat behind the point. */
    public SingularVectors pairs() {
        return pairs;
    }

    /** p'_i = prod_j a_{j,i}, i &lt; m: the diagonal of P in the pairs (a new array). */
    public Apfloat[] productValues() {
        return product.clone();
    }

    /** f at the factored point, from the definition (class comment). */
    public Apfloat value() {
        FixedPrecisionApfloatHelper h = precision.helper();
        int m = pairs.count();
        int depth = instance.depth();
        Apfloat normP = Apfloat.ZERO;
        Apfloat cross = Apfloat.ZERO;
        Apfloat penalty = Apfloat.ZERO;
        Apfloat[] lambda = new Apfloat[depth + 1];
        lambda[0] = precision.of(instance.lambdaH());
        for (int l = 1; l <= depth; l++) {
            lambda[l] = precision.of(instance.lambdaW(l));
        }
        List<Apfloat> coupling = Tasks.onEach(m, pairs::coupling, pairs.spectrum().executor());
        for (int i = 0; i < m; i++) {
            Apfloat uu = pairs.leftGram(i, i);
            Apfloat vv = pairs.rightGram(i, i);
            Apfloat p = product[i];
            normP = h.add(normP, h.multiply(h.multiply(p, p), h.multiply(uu, vv)));
            cross = h.add(cross, h.multiply(p, coupling.get(i)));
            for (int j = 0; j <= depth; j++) {
                Apfloat a2 = h.multiply(factors[j][i], factors[j][i]);
                Apfloat norm = j == 0 ? vv : j == depth ? uu : Apfloat.ONE;
                penalty = h.add(penalty, h.multiply(lambda[j], h.multiply(a2, norm)));
            }
        }
        normP = h.add(normP, precision.of(defects().offDiagonalProduct));
        long n = instance.total();
        java.math.BigInteger sumSq = java.math.BigInteger.ZERO;
        for (long nk : instance.sizes()) {
            sumSq = sumSq.add(java.math.BigInteger.valueOf(nk).pow(2));
        }
        Aprational yhat = Rationals.subtract(Rationals.of(n), Rationals.of(sumSq, java.math.BigInteger.valueOf(n)));
        Apfloat data = h.add(h.subtract(normP, h.multiply(precision.of(2L), cross)), precision.of(yhat));
        Apfloat twoN = precision.of(2 * n);
        return h.add(h.divide(data, twoN), h.divide(penalty, precision.of(2L)));
    }

    /**
     * ||G_U - I||_F and ||G_V - I||_F for the Gram matrices of u_1..u_m and v_1..v_m as evaluated
     * by {@link ScaledGram} (off-diagonal entries in double, the diagonal defects from the
     * working-precision norms), to a relative 10^-15, returned at {@link #BOUND_DIGITS} digits. The
     * distance of those entries from the exact vectors' is {@link SingularVectors#gramRoundingBounds}.
     */
    public Apfloat[] gramDefects() {
        Defects d = defects();
        return new Apfloat[] {d.left, d.right};
    }

    private Defects defects() {
        Defects d = defects;
        if (d == null) {
            synchronized (this) { // once, also when C3 and C4 ask side by side
                d = defects;
                if (d == null) {
                    d = computeDefects(BLOCK_TERMS);
                    defects = d;
                }
            }
        }
        return d;
    }

    /**
     * The Gram defects and the off-diagonal product term recomputed (not cached) with blocks of at
     * most {@code blockTerms} terms: for tests that the block size does not change a digit.
     */
    Apfloat[] defectsInBlocks(long blockTerms) {
        Defects d = computeDefects(blockTerms);
        return new Apfloat[] {d.left, d.right, d.offDiagonalProduct};
    }

    /**
     * The Gram entries are the double images of {@link ScaledGram} (each entry's evaluation error
     * is bounded there and added by {@link SingularVectors#gramRoundingBounds}); row i's sums are
     * formed as tasks on the spectrum's executor with compensated (Neumaier) summation and combined
     * in the calling thread in row order, so the result does not depend on the executor. A sum of n
     * terms so formed errs by at most 2u |sum| + O(n u^2) sum |terms| (u = 2^-53), each term 2 g^2
     * by u, the square root by u: the defects are ||G - I||_F of the double entries to a relative
     * 4u + 10^-19 (the 20-digit conversion), inside the 10^-15 slack that {@link FactoredGradient}
     * takes. Rows are computed {@code blockTerms} terms at a time at most (memory O(m) either way;
     * the block size cannot change a digit).
     */
    private Defects computeDefects(long blockTerms) {
        ScaledGram gram = ScaledGram.of(pairs);
        int m = pairs.count();
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            p[i] = ScaledGram.toDouble(product[i]);
        }
        Neumaier left = new Neumaier();
        Neumaier right = new Neumaier();
        Neumaier off = new Neumaier();
        for (int from = 0; from < m;) {
            int to = from;
            long terms = 0;
            while (to < m && (to == from || terms + (m - to) <= blockTerms)) {
                terms += m - to;
                to++;
            }
            int first = from;
            for (Neumaier[] row : Tasks.onEach(to - from, t -> defectRow(first + t, gram, p), pairs.spectrum().executor())) {
                left.add(row[0].value());
                right.add(row[1].value());
                off.add(row[2].value());
            }
            from = to;
        }
        return new Defects(scaled(Math.sqrt(left.value()), gram.leftScale()), scaled(Math.sqrt(right.value()), gram.rightScale()),
            scaled(off.value(), gram.leftScale() + gram.rightScale()));
    }

    /** x 10^-e at {@link #BOUND_DIGITS} digits. */
    private static Apfloat scaled(double x, long e) {
        return x == 0 ? Apfloat.ZERO : ApfloatMath.scale(new Apfloat(x, BOUND_DIGITS), -e);
    }

    /**
     * Row i of the defect sums (scaled by the powers of ten of {@link ScaledGram}): the diagonal terms
     * (||u_i||^2 - 1)^2, (||v_i||^2 - 1)^2 and, for j &gt; i, 2 (u_i.u_j)^2, 2 (v_i.v_j)^2,
     * 2 p'_i p'_j (u_i.u_j)(v_i.v_j).
     */
    private Neumaier[] defectRow(int i, ScaledGram gram, double[] p) {
        Neumaier left = new Neumaier();
        Neumaier right = new Neumaier();
        Neumaier off = new Neumaier();
        left.add(gram.diagonalLeft(i) * gram.diagonalLeft(i));
        right.add(gram.diagonalRight(i) * gram.diagonalRight(i));
        for (int j = i + 1; j < p.length; j++) {
            double gu = gram.left(i, j);
            double gv = gram.right(i, j);
            left.add(2 * gu * gu);
            right.add(2 * gv * gv);
            off.add(2 * (p[i] * p[j]) * (gu * gv));
        }
        return new Neumaier[] {left, right, off};
    }

    /** Kahan-Babuska-Neumaier compensated summation of doubles. */
    private static final class Neumaier {
        private double sum;
        private double compensation;

        void add(double x) {
            double t = sum + x;
            compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        double value() {
            return sum + compensation;
        }
    }

    /**
     * Upper bounds e_U &gt;= ||G_U - I||_F and e_V for the Gram matrices of the stored vectors as exact
     * vectors: the computed defects ({@link #gramDefects()}, 20 digits, a 1e-15 relative slack) plus
     * {@link SingularVectors#gramRoundingBounds} with 2 e as the size bound of every exact
     * off-diagonal entry; null when no finite rounding bound exists (two roots equal in double).
     */
    public Apfloat[] gramDefectBounds() {
        Defects d = defects();
        FixedPrecisionApfloatHelper low = new FixedPrecisionApfloatHelper(BOUND_DIGITS);
        Apfloat[] round = pairs.gramRoundingBounds(low.multiply(new Apfloat(2), d.left), low.multiply(new Apfloat(2), d.right));
        if (round[0] == null || round[1] == null) {
            return null;
        }
        return new Apfloat[] {low.add(low.multiply(d.left, SLACK), round[0]), low.add(low.multiply(d.right, SLACK), round[1])};
    }

    /**
     * A bound delta on the relative distance of the singular values of P = U_m diag(p') V_m^T from
     * p', or null when {@link #gramDefectBounds()} has none. With a = e_U &gt;= ||G_U - I||_F &gt;=
     * ||G_U - I||_2 and b = e_V, the singular values of U_m lie in [sqrt(1 - a), sqrt(1 + a)], and
     * sigma_min(U_m) sigma_min(V_m) p'_(i) &lt;= sigma_i(P) &lt;= ||U_m|| ||V_m|| p'_(i) (p' sorted
     * decreasingly), so |sigma_i(P) - p'_(i)| &lt;= delta p'_(i) for any
     * delta &gt;= max(sqrt((1 + a)(1 + b)) - 1, 1 - sqrt(max(0, (1 - a)(1 - b)))). With x = a + b + ab
     * and y = a + b - ab: sqrt(1 + x) - 1 &lt;= x / 2, and 1 - sqrt(1 - y) = y / (1 + sqrt(1 - y))
     * &lt;= 0.6 y for y &lt;= 1/2 (sqrt(1/2) &gt; 2/3), &lt;= 1 always. So delta = max(x / 2, 0.6 y) for
     * x &lt;= 1/2, max(x / 2, 1) beyond, taken 1e-15 high. Formed from a and b directly, not from
     * sqrt(1 + x) - 1 at 20 digits, which is 0 for the x ~ 10^-34 of a closed form.
     */
    public Apfloat singularValueBound() {
        Apfloat[] e = gramDefectBounds();
        if (e == null) {
            return null;
        }
        FixedPrecisionApfloatHelper low = new FixedPrecisionApfloatHelper(BOUND_DIGITS);
        Apfloat ab = low.multiply(e[0], e[1]);
        Apfloat sum = low.add(e[0], e[1]);
        Apfloat x = low.add(sum, ab);
        Apfloat half = low.divide(x, new Apfloat(2));
        Apfloat delta = x.compareTo(new Apfloat("0.5")) <= 0
            ? ApfloatMath.max(half, low.multiply(new Apfloat("0.6"), low.subtract(sum, ab)))
            : ApfloatMath.max(half, Apfloat.ONE);
        return low.multiply(delta, SLACK);
    }

    private static final class Defects {
        final Apfloat left;
        final Apfloat right;
        final Apfloat offDiagonalProduct;

        Defects(Apfloat left, Apfloat right, Apfloat offDiagonalProduct) {
            this.left = left;
            this.right = right;
            this.offDiagonalProduct = offDiagonalProduct;
        }
    }
}
