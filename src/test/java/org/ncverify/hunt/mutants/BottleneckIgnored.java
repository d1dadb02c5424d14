package org.ncverify.hunt.mutants;

import org.apfloat.Apfloat;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * M4, a mutant of C3: the optimal value with the bottleneck ignored, f* = sum over every i &lt; K
 * of phi_{s_i}(p*(s_i)). Right when r &gt;= K - 1 or when the directions the bottleneck cuts
 * collapse anyway; wrong when the bottleneck cuts a direction that would survive. Residual
 * |predicted - f*| / f*.
 */
public final class BottleneckIgnored extends MutantClaim {
    public BottleneckIgnored() {
        super("M4", "f* = sum_i phi_{s_i}(p*(s_i)) over every i (no bottleneck)", "C3");
    }

    @Override
    public Verdict check(Subject subject) {
        ClosedForm cf = subject.reference();
        Precision p = cf.precision();
        Apfloat f = Apfloat.ZERO;
        for (int i = 0; i < cf.spectrum().size(); i++) {
            Apfloat s = cf.spectrum().singularValue(i);
            f = p.helper().add(f, s.signum() > 0 ? cf.law().solve(s).phi() : cf.law().collapsed(s).phi());
        }
        return judge(subject, relative(f, cf.objective(), cf.objective(), p), "r = " + subject.instance().bottleneck()
            + " ignored");
    }
}
