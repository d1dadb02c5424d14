package org.ncverify.claims;

import java.util.Arrays;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.Svd;
import org.ncverify.theory.FactoredMinimizer;

/**
 * C4, spectrum: the singular values of W_L...W_1 X are p*(s_1), ..., p*(s_r), 0, ... in the
 * order of s.
 *
 * <p>Residual, without a fresh SVD: with U, V the singular vectors of Yhat (orthonormal to
 * the working precision), B = U^T P V has the singular values of P = W_L...W_1 X. By Weyl's
 * inequality |sigma_i(B) - sigma_i(diag B)| &lt;= ||B - diag B||_2 &lt;= ||B - diag B||_F, so
 * <pre>  rho = ( max_i | sort(|B_ii|)_i - p*(s_i) | + ||B - diag B||_F ) / max(s_1, 1)  </pre>
 * bounds max_i |sigma_i(P) - p*(s_i)| / scale from above (p* is non-decreasing in s, so
 * both lists are sorted the same way). When the bound exceeds the tolerance (a wrong value,
 * or singular directions not paired with those of Yhat, which C4 alone does not forbid) the
 * singular values of P are computed by one-sided Jacobi and the literal residual
 * max_i |sigma_i - p*(s_i)| / max(s_1, 1) decides; at s_i = s_crit (L &gt;= 2) both branches
 * 0 and (L-1) s_crit / L are admitted. A bottleneck cutting a tied block makes the minimizer
 * non-unique (any direction of the block may survive); the literal reading accepts every such
 * choice. Tolerance 10^-(P-10).
 */
public final class C4ProductSpectrum extends AbstractClaim {
    public C4ProductSpectrum() {
        super("C4", "Spectrum: the singular values of W_L...W_1 X are p*(s_1), ..., p*(s_r), 0, ... (in the order of s)",
            "any instance; the candidate is claimed to be a global minimizer");
    }

    @Override
    public Verdict check(Subject subject) {
        Precision p = subject.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        FactoredMinimizer factored = subject.factored();
        if (factored != null) {
            Verdict v = judgeFactored(factored.productValues(), factored.singularValueBound(), subject);
            if (v.status() != Status.INCONCLUSIVE || !denseAffordable(subject.instance())) {
                return v;
            }
        }
        ApMatrix b = subject.projectedProduct();
        int k = b.rows();
        Apfloat[] diag = new Apfloat[k];
        for (int i = 0; i < k; i++) {
            diag[i] = ApfloatMath.abs(b.get(i, i));
        }
        Arrays.sort(diag, (x, y) -> y.compareTo(x));
        Apfloat[] target = subject.reference().productSingularValues();
        int worstIndex = largestGap(diag, target, h);
        Apfloat worst = gap(diag, target, worstIndex, h);
        Apfloat off = ProductGeometry.offDiagonalNorm(b, p);
        Apfloat s1 = subject.reference().spectrum().singularValue(0);
        Apfloat scale = ApfloatMath.max(s1, Apfloat.ONE);
        Apfloat bound = h.divide(h.add(worst, off), scale);
        Tolerance tol = subject.tolerance(10);
        if (tol.admits(bound)) {
            return Verdict.judge(id(), bound, tol, "basis-free (Weyl bound on U^T P V)",
                "largest gap at i = " + (worstIndex + 1) + "; ||offdiag(U^T P V)||_F = " + Precision.format(off, 3));
        }
        // The bound also grows when P's singular directions are not paired with Yhat's (a C5-C7
        // failure); the claim itself is about singular values only: measure them literally.
        Apfloat[] sigma = Svd.of(subject.product()).singularValues();
        Apfloat literal = null;
        for (Apfloat[] t : targets(subject)) {
            int at = largestGap(sigma, t, h);
            Apfloat g = gap(sigma, t, at, h);
            if (literal == null || g.compareTo(literal) < 0) {
                literal = g;
                worstIndex = at;
            }
        }
        return Verdict.judge(id(), h.divide(literal, scale), tol, "literal (Jacobi SVD of W_L...W_1 X)",
            "largest gap at i = " + (worstIndex + 1) + "; the Weyl bound " + Precision.formatScientific(bound, 3)
                + " exceeded the tolerance, so the singular values were computed");
    }

    /**
     * Whether the dense reading may follow an undecided factored one: within both dense budgets
     * (stationarity and geometry), where the memory estimate of solve and verify already counts the
     * K x K products (MemoryEstimate's CLOSED_FORM and ALL_CLAIMS workloads).
     */
    static boolean denseAffordable(Instance inst) {
        return MemoryEstimate.denseEvaluationCost(inst) <= MemoryEstimate.DENSE_STATIONARITY_BUDGET
            && MemoryEstimate.denseGeometryCost(inst) <= MemoryEstimate.DENSE_GEOMETRY_BUDGET;
    }

    /** The index i of the largest |a_i - b_i|. */
    private static int largestGap(Apfloat[] a, Apfloat[] b, FixedPrecisionApfloatHelper h) {
        int at = 0;
        for (int i = 1; i < a.length; i++) {
            if (gap(a, b, i, h).compareTo(gap(a, b, at, h)) > 0) {
                at = i;
            }
        }
        return at;
    }

    private static Apfloat gap(Apfloat[] a, Apfloat[] b, int i, FixedPrecisionApfloatHelper h) {
        return ApfloatMath.abs(h.subtract(a[i], b[i]));
    }

    /** The admissible lists of singular values ({@link org.ncverify.theory.ClosedForm#admissible}). */
    private static List<Apfloat[]> targets(Subject subject) {
        Apfloat[] t = subject.reference().productSingularValues();
        return subject.reference().admissible(t, 0, t.length);
    }

    /**
     * The closed form judged as its own candidate, on its factors: P = U_m diag(p') V_m^T has rank
     * m, so sigma_i(P) = 0 = p*(s_i) for i &gt;= m, and |sigma_i(P) - p'_(i)| &lt;= delta p'_(i) with
     * the Gram bound delta of {@link FactoredMinimizer#singularValueBound()}. With g = max_i
     * |p'_(i) - p*(s_i)| and spread = delta max_i p'_i, the literal residual
     * max_i |sigma_i(P) - p*(s_i)| / max(s_1, 1) lies in [max(0, g - spread), g + spread] / max(s_1, 1):
     * PASS when the upper end is within the tolerance, FAIL when the lower end exceeds it,
     * INCONCLUSIVE in between or when no delta exists (null). O(m D + m^2), no K x K matrix.
     * Package-private so that tests can hand it wrong values or a wrong bound; no other caller.
     */
    Verdict judgeFactored(Apfloat[] productValues, Apfloat delta, Subject subject) {
        String reading = "factored (rank-m product, Gram bound)";
        Tolerance tol = subject.tolerance(10);
        if (delta == null) {
            return Verdict.inconclusive(id(), null, tol, reading,
                "two secular roots coincide in double precision: no finite Gram rounding bound, so no delta");
        }
        FixedPrecisionApfloatHelper h = subject.precision().helper();
        Apfloat[] sorted = productValues.clone();
        Arrays.sort(sorted, (x, y) -> y.compareTo(x));
        Apfloat[] target = subject.reference().productSingularValues();
        Apfloat[] values = new Apfloat[target.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < sorted.length ? sorted[i] : Apfloat.ZERO;
        }
        int worstIndex = largestGap(values, target, h);
        Apfloat worst = gap(values, target, worstIndex, h);
        Apfloat spread = sorted.length == 0 ? Apfloat.ZERO : h.multiply(delta, ApfloatMath.abs(sorted[0]));
        Apfloat scale = ApfloatMath.max(subject.reference().spectrum().singularValue(0), Apfloat.ONE);
        Apfloat upper = h.divide(h.add(worst, spread), scale);
        Apfloat lower = h.divide(ApfloatMath.max(Apfloat.ZERO, h.subtract(worst, spread)), scale);
        String detail = "largest gap at i = " + (worstIndex + 1) + "; " + sorted.length + " nonzero singular values, relative"
            + " Gram bound delta = " + Precision.formatScientific(delta, 3);
        if (tol.admits(upper)) {
            return Verdict.judge(id(), upper, tol, reading, detail);
        }
        if (!tol.admits(lower)) {
            return Verdict.fail(id(), lower, tol, reading, detail + "; residual at least " + Precision.formatScientific(lower, 3));
        }
        return Verdict.inconclusive(id(), upper, tol, reading, "the Gram bound cannot decide: residual in ["
            + Precision.formatScientific(lower, 3) + ", " + Precision.formatScientific(upper, 3) + "] straddles the tolerance; "
            + detail);
    }
}
