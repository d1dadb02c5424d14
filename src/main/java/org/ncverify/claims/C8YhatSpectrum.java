package org.ncverify.claims;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apfloat.Apfloat;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * C8, the singular values of Yhat: s_K = 0; interlacing n_(i+1) &lt;= s_i^2 &lt;= n_(i); the s_i^2
 * are the roots of 1 = (1/N) sum_k n_k^2/(n_k - mu); a size repeated m times gives
 * s^2 = that size with multiplicity m-1; sum_i s_i^2 = N - sum n_k^2/N;
 * prod_{i&lt;K} s_i^2 = K prod n_k / N.
 *
 * <p>Judged by the exact {@link SpectrumCertificate}: every eigenvalue is enclosed in a
 * bracket of decimal rationals with exact sign evidence (or is an exact tied size / zero
 * whose integer eigenvector passes A w = c w and the orthonormality checks in integer
 * arithmetic), and interlacing, trace and pseudo-determinant are checked in
 * exact rational arithmetic. Residual: the largest relative bracket width of the computed
 * eigenvalues (0 when all are exact); tolerance 10^-P: the certificate must pin the P digits
 * that are reported. Any exact check that does not hold is a FAIL.
 */
public final class C8YhatSpectrum extends AbstractClaim {
    public C8YhatSpectrum() {
        super("C8", "Singular values of Yhat: s_K = 0, interlacing, secular equation, tied sizes, trace and pseudo-determinant identities",
            "any instance (a statement about the class sizes only)");
    }

    @Override
    public boolean judgesCandidate() {
        return false;
    }

    @Override
    public Verdict check(Subject subject) {
        YhatSpectrum spectrum = subject.reference().spectrum();
        return judge(spectrum.certificate(), spectrum.singularValue(spectrum.size() - 1), subject.precision().digits());
    }

    /**
     * The judgement of {@link #check} on an explicit certificate and smallest singular value
     * s_K, at P = {@code digits}. Package-private so that tests can hand it a certificate
     * that does not hold (an uncertified or too wide bracket) or a nonzero s_K; no other
     * caller.
     */
    Verdict judge(SpectrumCertificate c, Apfloat lastSingularValue, int digits) {
        BigDecimal widest = BigDecimal.ZERO;
        for (SpectrumCertificate.Bracket b : c.brackets()) {
            if (b.upper().signum() > 0) {
                BigDecimal w = b.upper().subtract(b.lower()).divide(b.upper(), MathContext.DECIMAL64);
                widest = widest.max(w);
            }
        }
        Apfloat residual = widest.signum() == 0 ? Apfloat.ZERO : new Apfloat(widest.toString(), 20);
        Tolerance tol = Tolerance.fromDigits(digits, 0);
        String detail = "brackets certified " + c.allCertified() + ", interlacing " + c.interlacing()
            + ", trace " + c.trace() + ", pseudo-determinant " + c.pseudoDeterminant()
            + ", exact eigenvectors of the " + c.exactVectorCount() + " tied/null eigenvalues (A w = c w, orthonormal) "
            + c.exactVectors() + ", s_K = " + lastSingularValue;
        if (!c.holds() || lastSingularValue.signum() != 0) {
            return Verdict.fail(id(), residual, tol, "exact certificate", detail);
        }
        return Verdict.judge(id(), residual, tol, "exact certificate", detail);
    }
}
