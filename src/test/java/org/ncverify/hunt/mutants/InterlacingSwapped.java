package org.ncverify.hunt.mutants;

import java.util.Arrays;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * M3, a mutant of C8: interlacing with the bounds swapped, n_(i) &lt;= s_i^2 &lt;= n_(i+1) for
 * i &lt; K (sizes sorted decreasingly). Right when n_(i) = n_(i+1) for every i (balanced sizes);
 * wrong at any step between two sizes. Residual max_i max(n_(i) - s_i^2, s_i^2 - n_(i+1), 0) / n_(1).
 */
public final class InterlacingSwapped extends MutantClaim {
    public InterlacingSwapped() {
        super("M3", "interlacing n_(i) <= s_i^2 <= n_(i+1) for i < K (n sorted decreasingly)", "C8");
    }

    @Override
    public Verdict check(Subject subject) {
        ClosedForm cf = subject.reference();
        Precision p = cf.precision();
        long[] n = subject.instance().sizes();
        Arrays.sort(n);
        int k = n.length;
        Apfloat worst = Apfloat.ZERO;
        for (int i = 0; i < k - 1; i++) {
            Apfloat mu = cf.spectrum().eigenvalue(i);
            Apfloat lower = p.helper().subtract(new Apfloat(n[k - 1 - i]), mu);
            Apfloat upper = p.helper().subtract(mu, new Apfloat(n[k - 2 - i]));
            worst = ApfloatMath.max(worst, ApfloatMath.max(lower, upper));
        }
        return judge(subject, p.helper().divide(worst, p.of(n[k - 1])), "bounds swapped");
    }
}
