package org.ncverify.claims;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarLaw;
import org.ncverify.theory.ScalarSolution;

/**
 * C10, threshold law: p*(s_i) = 0 exactly for s_i &lt; s_crit or i &gt; r; at s = s_crit
 * (L &gt;= 2) the jump lands on (L-1) s_crit / L.
 *
 * <p>A statement about the scalar law, so it reads the reference answer, not the candidate.
 * The comparison of s_i with s_crit is decided EXACTLY: s_crit^(2L) is the rational
 * N^(L+1) Lambda L^(L+1) (L/(L-1))^(L-1) (N^2 Lambda for L = 1) and s_i^(2L) = mu_i^L lies
 * between lo_i^L and hi_i^L, the exact ends of the certified bracket of mu_i = s_i^2. Then:
 * <ul>
 * <li>i &gt; r, or certified s_i &lt; s_crit: p*(s_i) must be exactly 0 (residual 1 otherwise);</li>
 * <li>certified s_i &gt; s_crit: p &gt; 0 solves the stationarity equation
 *     ((s - p) p^((L-1)/(L+1)) = N lambda_bar, or p = s - N lambda_bar for L = 1; residual
 *     |(s - p) q^(L-1) - N lambda_bar| relative to max(s q^(L-1), N lambda_bar), the size of the
 *     terms that cancel) and beats the collapsed value, phi(p) &lt; phi(0);</li>
 * <li>undecided (s_i within the bracket width of s_crit): p is 0 or the jump (L-1) s_crit / L;</li>
 * <li>L &gt;= 2: the positive root at s = s_crit is the jump and phi(jump) = phi(0) there.</li>
 * </ul>
 * Tolerance 10^-(P-10).
 */
public final class C10ThresholdLaw extends AbstractClaim {
    public C10ThresholdLaw() {
        super("C10", "Threshold law: p*(s_i) = 0 exactly for s_i < s_crit or i > r; at s = s_crit (L >= 2) the jump lands on (L-1) s_crit / L",
            "any instance");
    }

    @Override
    public Verdict check(Subject subject) {
        ClosedForm ref = subject.reference();
        return judge(ref.law(), ref.solutions(), ref.spectrum().certificate(), subject.instance().bottleneck(),
            subject.digits());
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
        FixedPrecisionApfloatHelper h = p.helper();
        Aprational power = law.thresholdPower();
        BigInteger num = power.numerator().toBigInteger();
        BigInteger den = power.denominator().toBigInteger();
        int depth = law.depth();
        Apfloat residual = Apfloat.ZERO;
        int above = 0;
        int below = 0;
        int undecided = 0;
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < solutions.size(); i++) {
            ScalarSolution x = solutions.get(i);
            SpectrumCertificate.Bracket b = cert.bracket(i);
            int side = compare(b.lower(), b.upper(), depth, num, den);
            Apfloat term;
            if (i >= r || side < 0 || x.s().signum() == 0) {
                below++;
                term = x.p().signum() == 0 ? Apfloat.ZERO : Apfloat.ONE;
            } else if (side > 0) {
                above++;
                term = x.p().signum() > 0 ? survivingResidual(law, x, p) : Apfloat.ONE;
            } else {
                undecided++;
                Apfloat toJump = relative(x.p(), law.jump(), law.threshold(), p);
                term = x.p().signum() == 0 ? Apfloat.ZERO : toJump;
            }
            if (term.compareTo(Apfloat.ONE) >= 0) {
                problems.append(" i=").append(i + 1);
            }
            residual = term.compareTo(residual) > 0 ? term : residual;
        }
        if (depth >= 2) {
            ScalarSolution atCrit = law.solve(law.threshold());
            residual = max(residual, relative(atCrit.p(), law.jump(), law.threshold(), p));
            Apfloat gapPhi = ApfloatMath.abs(h.subtract(atCrit.phi(), law.collapsedValue(law.threshold())));
            residual = max(residual, h.divide(gapPhi, law.collapsedValue(law.threshold())));
        }
        String detail = above + " above s_crit, " + below + " collapsed (below s_crit or beyond r = " + r + "), "
            + undecided + " at s_crit (undecided at this precision)"
            + (problems.length() > 0 ? "; wrong at" + problems : "");
        return Verdict.judge(id(), residual, Tolerance.fromDigits(digits, 10),
            "exact comparison with s_crit^(2L) = rational", detail);
    }

    /** +1 if lo^L &gt; num/den, -1 if hi^L &lt; num/den, 0 if undecided; exact. */
    static int compare(BigDecimal lo, BigDecimal hi, int depth, BigInteger num, BigInteger den) {
        BigDecimal target = new BigDecimal(num);
        BigDecimal d = new BigDecimal(den);
        if (lo.pow(depth).multiply(d).compareTo(target) > 0) {
            return 1;
        }
        if (hi.pow(depth).multiply(d).compareTo(target) < 0) {
            return -1;
        }
        return 0;
    }

    /** Stationarity residual of a surviving p, or 1 when phi(p) &gt;= phi(0). */
    private static Apfloat survivingResidual(ScalarLaw law, ScalarSolution x, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        if (x.phi().compareTo(law.collapsedValue(x.s())) >= 0) {
            return Apfloat.ONE;
        }
        // g(q) = s q^(L-1) - q^(2L) = N lambda_bar (p = q^(L+1)); for L = 1, s - p = N lambda_bar.
        // Judged relative to s q^(L-1) >= q^(2L), the size of the terms that cancel: with tiny
        // weight decays s - p is far below the rounding level of s itself.
        Apfloat qPow = law.depth() == 1 ? Apfloat.ONE : h.pow(x.q(), law.depth() - 1L);
        Apfloat lhs = h.multiply(h.subtract(x.s(), x.p()), qPow);
        Apfloat magnitude = h.multiply(x.s(), qPow);
        Apfloat diff = ApfloatMath.abs(h.subtract(lhs, law.nLambdaBar()));
        return h.divide(diff, magnitude.compareTo(law.nLambdaBar()) > 0 ? magnitude : law.nLambdaBar());
    }
}
