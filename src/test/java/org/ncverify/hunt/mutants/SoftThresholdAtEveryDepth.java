package org.ncverify.hunt.mutants;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * M1, a mutant of C4: the L = 1 soft threshold applied at every depth, p*(s_i) = max(s_i - N
 * lambda_bar, 0) for i &lt; r (0 beyond). Right for L = 1 (and wherever every direction
 * collapses under both laws); wrong for L &gt;= 2, whose law has a jump at s_crit. Residual
 * max_i |predicted_i - p*(s_i)| / s_1.
 */
public final class SoftThresholdAtEveryDepth extends MutantClaim {
    public SoftThresholdAtEveryDepth() {
        super("M1", "p*(s_i) = max(s_i - N lambda_bar, 0) for i <= r at every depth L", "C4");
    }

    @Override
    public Verdict check(Subject subject) {
        ClosedForm cf = subject.reference();
        Precision p = cf.precision();
        Apfloat[] actual = cf.productSingularValues();
        Apfloat nLambda = cf.law().nLambdaBar();
        int r = subject.instance().bottleneck();
        Apfloat s1 = cf.spectrum().singularValue(0);
        Apfloat worst = Apfloat.ZERO;
        for (int i = 0; i < actual.length; i++) {
            Apfloat predicted = i < r ? ApfloatMath.max(p.helper().subtract(cf.spectrum().singularValue(i), nLambda),
                Apfloat.ZERO) : Apfloat.ZERO;
            worst = ApfloatMath.max(worst, relative(predicted, actual[i], s1, p));
        }
        return judge(subject, worst, "soft threshold at L = " + subject.instance().depth());
    }
}
