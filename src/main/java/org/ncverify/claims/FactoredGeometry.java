package org.ncverify.claims;

import java.util.Arrays;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.SingularVectors;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.FactoredMinimizer;

/**
 * The geometry of a point in the closed form's factored shape (claims C1, C2, C5-C7, C9 at
 * scale; proofs-notes/C5-left-geometry.md, "Factored form"): factor values a_{j,i} (j = 0: H,
 * j = l: W_l) on the m structured singular pairs (u_i, v_i) of {@link SingularVectors}, so that
 * <pre>
 *   X = E diag(x') V_m^T,  W_l = E diag(a_l) E^T (l &lt; L),  W_L = U_m diag(a_L) E^T,
 *   W = W_L...W_1 = U_m diag(w') E^T,  w'_i = prod_{l&gt;=1} a_{l,i},  x'_i = a_{0,i},  p' = w' x',
 * </pre>
 * E the first m unit vectors. Nothing K x K, K x d or d x N is formed: O(m) factor values, the
 * O(m D) pairs and O(K) doubles.
 *
 * <p>Exact frames. With U*, V* exact orthogonal singular frames of Yhat, Q_U = U*^T U_m = [I; 0]
 * + Delta_U and Q_V = V*^T V_m = [I; 0] + Delta_V, column i of Delta_U (Delta_V) has norm at most
 * delta_i (eps_i), {@link SingularVectors#frameErrors()}. Then U*^T W = Q_U diag(w') E^T, (X V*)^T =
 * Q_V diag(x') E^T and U*^T P V* = Q_U diag(p') Q_V^T differ from their diagonal parts F0 by at most
 * (Frobenius)
 * <pre>
 *   eta_W = ||Delta_U diag(w')||_F &lt;= sqrt(sum delta_i^2 w'_i^2),   eta_X = sqrt(sum eps_i^2 x'_i^2),
 *   eta_P = sqrt(sum delta_i^2 p'_i^2) + sqrt(sum eps_i^2 p'_i^2) (1 + sqrt(sum delta_i^2)),
 * </pre>
 * and {@link FactoredReadings} turns each reading of the dense definition into an interval
 * [lower, upper] from the diagonal parts and these bounds. Immutable.
 */
final class FactoredGeometry {
    /**
     * Largest dense cost ({@link MemoryEstimate#denseGeometryCost}: K^2 (K + d) + d^2 K + the layer
     * Grams) at which the geometry claims judge the dense point; above it they judge the factored form.
     */
    static final double DENSE_GEOMETRY_BUDGET = MemoryEstimate.DENSE_GEOMETRY_BUDGET;

    /**
     * The largest working precision W at which the factored readings' double quantities (bounds and
     * residuals down to about 10^-W) and their squares stay inside the normal doubles (down to 2.2e-308).
     */
    static final long MAX_WORKING_DIGITS = 140;

    private final Subject subject;
    private final SingularGeometry geometry;
    private final FactoredMinimizer point;
    private final Apfloat[][] factors;
    private final Apfloat[] w;
    private final Apfloat[] x;
    private final Apfloat[] product;
    private final double[] delta;
    private final double[] eps;

    private FactoredGeometry(Subject subject, FactoredMinimizer point, Apfloat[][] factors, double[][] frame) {
        this.subject = subject;
        this.geometry = SingularGeometry.of(subject);
        this.point = point;
        this.factors = factors;
        FixedPrecisionApfloatHelper h = subject.precision().helper();
        int m = point.directions();
        this.w = new Apfloat[m];
        this.x = factors[0].clone();
        this.product = new Apfloat[m];
        for (int i = 0; i < m; i++) {
            Apfloat v = Apfloat.ONE;
            for (int l = 1; l < factors.length; l++) {
                v = h.multiply(v, factors[l][i]);
            }
            w[i] = v;
            product[i] = h.multiply(v, x[i]);
        }
        this.delta = frame[0];
        this.eps = frame[1];
    }

    /** The closed form's factored point ({@link Subject#factored()}, which must not be null) with its own factor values. */
    static FactoredGeometry of(Subject subject) {
        FactoredMinimizer f = subject.factored();
        ClosedForm cf = subject.reference();
        Apfloat[][] a = new Apfloat[subject.instance().depth() + 1][];
        for (int j = 0; j < a.length; j++) {
            a[j] = Arrays.copyOf(cf.factorSingularValues(j), f.directions());
        }
        return new FactoredGeometry(subject, f, a, f.pairs().frameErrors());
    }

    /** The same pairs with other factor values (a wrong point, in tests): {@code a[j][i]}, j = 0..L, i &lt; m. */
    FactoredGeometry withFactors(Apfloat[][] a) {
        return new FactoredGeometry(subject, FactoredMinimizer.of(subject.instance(), point.pairs(), a), a,
            new double[][] {delta, eps});
    }

    /** The same point with other frame bounds (in tests: a bound too wide to decide). */
    FactoredGeometry withFrameErrors(double[] leftErrors, double[] rightErrors) {
        return new FactoredGeometry(subject, point, factors, new double[][] {leftErrors.clone(), rightErrors.clone()});
    }

    /**
     * True when the subject is the closed form in canonical frames and the dense geometry
     * ({@link MemoryEstimate#denseGeometryCost}) exceeds {@link #DENSE_GEOMETRY_BUDGET}: the claims then judge the factored form.
     */
    static boolean applies(Subject subject) {
        return subject.factored() != null && MemoryEstimate.denseGeometryCost(subject.instance()) > DENSE_GEOMETRY_BUDGET;
    }

    /**
     * Why the factored readings cannot decide (an index at s_crit, where either branch is admissible and
     * the literal target depends on the candidate; a frame bound that is not finite), or null.
     */
    String undecidable() {
        String range = beyondDoubleRange();
        if (range != null) {
            return range;
        }
        if (geometry.anyEitherBranch()) {
            return "an index lies at s_crit (either branch admissible): the factored readings are not built for it";
        }
        for (int i = 0; i < delta.length; i++) {
            if (!Double.isFinite(delta[i]) || !Double.isFinite(eps[i])) {
                return "no finite frame bound for direction " + (i + 1) + " (two roots closer than their certified digits)";
            }
        }
        return null;
    }

    /**
     * Why the factored readings of C5-C7 and C9, which carry their bounds and residuals in double,
     * cannot be trusted at this precision (the working precision is above {@link #MAX_WORKING_DIGITS}:
     * squares of quantities near 10^-W would underflow and a bound would silently become 0), or null.
     */
    String beyondDoubleRange() {
        if (precision().working() <= MAX_WORKING_DIGITS) {
            return null;
        }
        return "the factored bounds are carried in double, which holds them (and their squares) only up to "
            + MAX_WORKING_DIGITS + " working digits (P + G = " + precision().working() + " here): at this size ask for"
            + " --digits <= " + (MAX_WORKING_DIGITS - precision().guard());
    }

    /** The INCONCLUSIVE verdict of a claim judged in factored form where {@link #undecidable()} says why. */
    static Verdict inconclusive(String id, String why, Subject subject) {
        return Verdict.inconclusive(id, null, subject.tolerance(10), "factored form", why + "; the dense route"
            + " (" + String.format("%.2g", MemoryEstimate.denseGeometryCost(subject.instance())) + " products) is above"
            + " its budget " + String.format("%.2g", DENSE_GEOMETRY_BUDGET));
    }

    Subject subject() {
        return subject;
    }

    Instance instance() {
        return subject.instance();
    }

    Precision precision() {
        return subject.precision();
    }

    SingularGeometry geometry() {
        return geometry;
    }

    SingularVectors pairs() {
        return point.pairs();
    }

    /** m, the directions the point carries. */
    int directions() {
        return w.length;
    }

    /** a_{j,i}, i &lt; m (a new array). */
    Apfloat[] factor(int j) {
        return factors[j].clone();
    }

    /** w'_i = prod_l a_{l,i} (a new array of m). */
    Apfloat[] rowValues() {
        return w.clone();
    }

    /** x'_i = a_{0,i} (a new array of m). */
    Apfloat[] columnValues() {
        return x.clone();
    }

    /** p'_i = w'_i x'_i (a new array of m). */
    Apfloat[] productValues() {
        return product.clone();
    }

    /**
     * x_k = X e_k = sqrt(n_k) m_k, column k of X = E diag(x') V_m^T, as its m leading entries
     * x'_i (v_i)_k (the d - m others are zero), O(m); {@code groups} from {@link SingularVectors#classGroups()}.
     */
    Apfloat[] classColumn(int k, int[] groups) {
        FixedPrecisionApfloatHelper h = precision().helper();
        Apfloat[] col = new Apfloat[x.length];
        for (int i = 0; i < col.length; i++) {
            col[i] = h.multiply(x[i], point.pairs().rightEntry(i, k, groups));
        }
        return col;
    }

    /**
     * Upper bounds of ||G_U - I||_F and ||G_V - I||_F for the point's pairs as exact vectors (the
     * computed defects plus their rounding, {@link FactoredMinimizer#gramDefectBounds()}), as doubles
     * rounded up by 1e-12; +infinity when no finite rounding bound exists.
     */
    double[] gramDefects() {
        Apfloat[] d = point.gramDefectBounds();
        if (d == null) {
            return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        return new double[] {d[0].doubleValue() * (1 + 1e-12), d[1].doubleValue() * (1 + 1e-12)};
    }

    /** eta_W (class comment). */
    double etaW() {
        return weighted(delta, w);
    }

    /** eta_X (class comment). */
    double etaX() {
        return weighted(eps, x);
    }

    /** eta_P (class comment). */
    double etaP() {
        return (weighted(delta, product) + weighted(eps, product) * (1 + weighted(delta, null))) * (1 + 1e-9);
    }

    /** The largest frame bound max(delta_i, eps_i), for the notes. */
    double largestFrameError() {
        double e = 0;
        for (int i = 0; i < delta.length; i++) {
            e = Math.max(e, Math.max(delta[i], eps[i]));
        }
        return e;
    }

    /**
     * sqrt(sum e_i^2 v_i^2) (v null: all ones), rounded up; the terms are scaled by the largest
     * |e_i v_i| before squaring, so bounds far below 1e-154 (whose squares underflow) stay bounds.
     */
    private double weighted(double[] e, Apfloat[] v) {
        double[] t = new double[e.length];
        double top = 0;
        for (int i = 0; i < e.length; i++) {
            t[i] = e[i] * (v == null ? 1 : Math.abs(v[i].doubleValue()));
            top = Math.max(top, t[i]);
        }
        if (!(top > 0) || !Double.isFinite(top)) {
            return Double.isNaN(top) ? Double.POSITIVE_INFINITY : top;
        }
        double s = 0;
        for (double ti : t) {
            s += (ti / top) * (ti / top);
        }
        return top * Math.sqrt(s) * (1 + 1e-9);
    }
}
