package org.ncverify.hunt.mutants;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * M5, a mutant of C10: the jump lands at s_crit instead of (L-1) s_crit / L, so every surviving
 * direction has p*(s_i) &gt;= s_crit. Right when the survivors sit well above the threshold;
 * wrong just above s_crit (and for L = 1 whenever s_i &lt; 2 s_crit). Residual
 * max over surviving i of max(s_crit - p*(s_i), 0) / s_crit.
 */
public final class JumpLandsAtThreshold extends MutantClaim {
    public JumpLandsAtThreshold() {
        super("M5", "the jump lands at s_crit: p*(s_i) >= s_crit for every surviving direction", "C10");
    }

    @Override
    public Verdict check(Subject subject) {
        ClosedForm cf = subject.reference();
        Precision p = cf.precision();
        Apfloat crit = cf.threshold();
        Apfloat worst = Apfloat.ZERO;
        for (Apfloat pi : cf.productSingularValues()) {
            if (pi.signum() > 0) {
                worst = ApfloatMath.max(worst, p.helper().divide(p.helper().subtract(crit, pi), crit));
            }
        }
        return judge(subject, worst, cf.survivingDirections() + " surviving");
    }
}
