package org.ncverify.claims;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarLaw;
import org.ncverify.theory.ScalarSolution;
import org.ncverify.theory.ThresholdSide;

/**
 * C10, threshold law: p*(s_i) = 0 exactly for s_i &lt; s_crit or i &gt; r; at s = s_crit
 * (L &gt;= 2) the jump lands on (L-1) s_crit / L.
 *
 * <p>A statement about the scalar law, so it reads the reference answer, not the candidate.
 * The comparison of s_i with s_crit is decided EXACTLY ({@link ScalarLaw#side}): s_crit^(2L)
 * is the rational N^(L+1) Lambda L^(L+1) (L/(L-1))^(L-1) (N^2 Lambda for L = 1) and
 * s_i^(2L) = mu_i^L lies between lo_i^L and hi_i^L, the exact ends of the certified bracket of
 * mu_i = s_i^2. Then:
 * <ul>
 * <li>i &gt;= r (0-based), or certified s_i &lt; s_crit: p*(s_i) must be exactly 0 (residual 1
 *     otherwise);</li>
 * <li>certified s_i &gt; s_crit: p is the largest root of the stationarity equation, i.e. it
 *     lies right of the maximum of g, 2L p &gt; (L-1) s (residual 1 otherwise), and solves
 *     ((s - p) p^((L-1)/(L+1)) = N lambda_bar (p = s - N lambda_bar for L = 1): residual
 *     |(s - p) q^(L-1) - N lambda_bar| relative to max(s q^(L-1), N lambda_bar), the size of
 *     the terms that cancel. (For s &gt; s_crit that root is the global minimizer, so no
 *     comparison of the nearly equal rounded values phi(p) and phi(0) is needed.)</li>
 * <li>s_i = s_crit proven, or undecided (the bracket contains s_crit^2): p = 0, or p a
 *     largest root as above (both branches are minimizers at s_crit);</li>
 * <li>the law at s = s_crit, tying s_crit^(2L) to lambda_bar: L = 1, s_crit = N lambda_bar;
 *     L &gt;= 2, the reported jump is a largest root there (residual as above) and
 *     phi(jump) = phi(0).</li>
 * </ul>
 * Tolerance 10^-(P-10).
 */
public final class C10ThresholdLaw extends AbstractClaim {
    public C10ThresholdLaw() {
        super("C10", "Threshold law: p*(s_i) = 0 exactly for s_i < s_crit or i > r; at s = s_crit (L >= 2) the jump lands on (L-1) s_crit / L",
            "any instance");
    }

    @Override
    public boolean judgesCandidate() {
        return false;
    }

    @Override
    public Verdict check(Subject subject) {
        ClosedForm ref = subject.reference();
        // C10 judges the reference (the law and its solutions), which carries the working digits
        // P + G whatever the candidate: an optimizer's double point does not loosen it
        return judge(ref.law(), ref.solutions(), ref.spectrum().certificate(), subject.instance().bottleneck(),
            (int) ref.precision().working());
    }

    /**
     * The judgement of {@link #check} on explicit scalar solutions (one per singular value of
     * Yhat, decreasing), their spectrum certificate and the bottleneck r, computing at the
     * law's precision with P = {@code digits}. Package-private so that tests can hand it
     * wrong solutions (a surviving p set to 0, a collapsed p set positive); no other caller.
     */
    Verdict judge(ScalarLaw law, List<ScalarSolution> solutions, SpectrumCertificate cert, int r, int digits) {
        if (!cert.holds()) {
            return Verdict.fail(id(), Apfloat.ONE, Tolerance.fromDigits(digits, 10), "exact comparison with s_crit^(2L) = rational",
                "the spectrum certificate does not hold, so no comparison with s_crit can be decided (see C8)");
        }
        Precision p = law.precision();
        Apfloat residual = Apfloat.ZERO;
        int above = 0;
        int below = 0;
        int atOrUndecided = 0;
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < solutions.size(); i++) {
            ScalarSolution x = solutions.get(i);
            SpectrumCertificate.Bracket b = cert.bracket(i);
            ThresholdSide side = law.side(b.lower(), b.upper());
            Apfloat term;
            if (i >= r || side == ThresholdSide.BELOW || x.s().signum() == 0) {
                below++;
                term = x.p().signum() == 0 ? Apfloat.ZERO : Apfloat.ONE;
            } else if (side == ThresholdSide.ABOVE) {
                above++;
                term = largestRootResidual(law, x, p);
            } else {
                atOrUndecided++;
                term = x.p().signum() == 0 ? Apfloat.ZERO : largestRootResidual(law, x, p);
            }
            if (term.compareTo(Apfloat.ONE) >= 0) {
                problems.append(" i=").append(i + 1);
            }
            residual = max(residual, term);
        }
        residual = max(residual, thresholdResidual(law, p));
        String detail = above + " above s_crit, " + below + " collapsed (below s_crit or beyond r = " + r + "), "
            + atOrUndecided + " at s_crit or undecided at this precision"
            + (problems.length() > 0 ? "; wrong at" + problems : "");
        return Verdict.judge(id(), residual, Tolerance.fromDigits(digits, 10),
            "exact comparison with s_crit^(2L) = rational", detail);
    }

    /**
     * The law at s = s_crit, which ties the rational s_crit^(2L) to lambda_bar: L = 1,
     * |s_crit - N lambda_bar| / s_crit; L &gt;= 2, the jump reported there is a largest root and
     * |phi(jump) - phi(0)| / phi(0).
     */
    private static Apfloat thresholdResidual(ScalarLaw law, Precision p) {
        if (law.depth() == 1) {
            return relative(law.threshold(), law.nLambdaBar(), law.threshold(), p);
        }
        FixedPrecisionApfloatHelper h = p.helper();
        ScalarSolution atCrit = law.solve(law.threshold());
        Apfloat collapsed = law.collapsedValue(law.threshold());
        return max(largestRootResidual(law, atCrit, p), h.divide(ApfloatMath.abs(h.subtract(atCrit.phi(), collapsed)), collapsed));
    }

    /**
     * 1 unless p lies right of the maximum q_* of g (q^(L+1) &gt; (L-1) s / (2L), i.e.
     * 2L p &gt; (L-1) s; for L = 1, p &gt; 0); otherwise the stationarity residual
     * |(s - p) q^(L-1) - N lambda_bar| / max(s q^(L-1), N lambda_bar).
     */
    private static Apfloat largestRootResidual(ScalarLaw law, ScalarSolution x, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        int depth = law.depth();
        if (h.multiply(p.of(2L * depth), x.p()).compareTo(h.multiply(p.of(depth - 1L), x.s())) <= 0) {
            return Apfloat.ONE;
        }
        // g(q) = s q^(L-1) - q^(2L) = N lambda_bar (p = q^(L+1)); for L = 1, s - p = N lambda_bar.
        // Judged relative to s q^(L-1) >= q^(2L), the size of the terms that cancel: with tiny
        // weight decays s - p is far below the rounding level of s itself.
        Apfloat qPow = h.pow(x.q(), depth - 1L);
        Apfloat lhs = h.multiply(h.subtract(x.s(), x.p()), qPow);
        Apfloat magnitude = max(h.multiply(x.s(), qPow), law.nLambdaBar());
        return h.divide(ApfloatMath.abs(h.subtract(lhs, law.nLambdaBar())), magnitude);
    }
}
