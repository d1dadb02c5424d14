package org.ncverify.report;

import org.apfloat.Apfloat;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;

/**
 * A deliberately false claim for the report's tests ("every class has N / K samples"): its
 * residual max_k |K n_k - N| is an exact integer, 0 on a balanced instance (PASS) and at least 1
 * on any other (FAIL, some 30 decades past the tolerance), so a campaign step that judges it on
 * an imbalanced case FAILs for real.
 */
public final class BalancedClassesClaim implements Claim {
    /** Its id. */
    public static final String ID = "XB";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String statement() {
        return "every class has N / K samples (false: a test claim)";
    }

    @Override
    public String hypotheses() {
        return "any instance";
    }

    @Override
    public boolean judgesCandidate() {
        return false;
    }

    @Override
    public Verdict check(Subject s) {
        Instance x = s.instance();
        long worst = 0;
        for (int k = 0; k < x.classes(); k++) {
            worst = Math.max(worst, Math.abs(x.classes() * x.size(k) - x.total()));
        }
        return Verdict.judge(ID, new Apfloat(worst), s.tolerance(10), "max_k |K n_k - N|", "worst |K n_k - N| = " + worst);
    }
}
