package com.example;

import java.util.Arrays;
import org.apfloat.Apfloat;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;

/** A plausible but false conjecture: the above-average classes survive together. */
public final class MyConjecture implements Claim {
    public String id() { return "ABOVE_AVG"; }
    public String statement() { return "if any direction survives, at least min(#{k : n_k >= N/K}, r, K-1) do"; }
    public String hypotheses() { return "some p*(s_i) > 0"; }

    public Verdict check(Subject s) {
        int survive = s.reference().survivingDirections();
        if (survive == 0) return Verdict.notApplicable(id(), "no direction survives");
        long k = s.instance().classes(), total = s.instance().total();
        long big = Arrays.stream(s.instance().sizes()).filter(n -> n * k >= total).count();
        long want = Math.min(big, Math.min(s.instance().bottleneck(), k - 1));
        return Verdict.judge(id(), new Apfloat(Math.max(0, want - survive)), Tolerance.exact("a count"),
            "count", survive + " survive, conjectured at least " + want);
    }
}
