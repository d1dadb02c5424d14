package org.ncverify.hunt.mutants;

import org.apfloat.Apfloat;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.theory.ClosedForm;

/**
 * M2, a mutant of C10: survival decided by the class sizes instead of the singular values: the
 * number of directions with p* &gt; 0 is min(#{k : n_k &gt; s_crit^2}, r, K - 1). Plausible because
 * n_(i+1) &lt;= s_i^2 &lt;= n_(i) (C8); right whenever s_crit^2 does not fall between some s_i^2
 * and the size n_(i) above it. Residual |predicted - actual| (exact).
 */
public final class SurvivalBySizes extends MutantClaim {
    public SurvivalBySizes() {
        super("M2", "the surviving directions are counted by the class sizes: min(#{k : n_k > s_crit^2}, r, K - 1)",
            "C10");
    }

    @Override
    public Verdict check(Subject subject) {
        ClosedForm cf = subject.reference();
        Apfloat crit2 = cf.precision().helper().multiply(cf.threshold(), cf.threshold());
        int above = 0;
        for (long n : subject.instance().sizes()) {
            above += new Apfloat(n).compareTo(crit2) > 0 ? 1 : 0;
        }
        int predicted = Math.min(above, Math.min(subject.instance().bottleneck(), subject.instance().classes() - 1));
        int actual = cf.survivingDirections();
        return judgeExact(new Apfloat(Math.abs(predicted - actual)), "predicted " + predicted + " surviving, actual "
            + actual);
    }
}
