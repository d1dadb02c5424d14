package org.ncverify.report;

import org.apfloat.Apfloat;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;

/**
 * A user conjecture, false as stated, whose id and message are hostile HTML: "no instance has
 * more than two classes" FAILs (residual K - 2, exact tolerance) on every instance with K >= 3.
 * Loaded by {@code --claim-class org.ncverify.report.HostileClaim} from the test class path, it
 * gives real FAIL verdicts (verify) and real FALSE_AS_STATED findings (hunt) to report on.
 */
public final class HostileClaim implements Claim {
    /** The id, with markup a page must escape. */
    public static final String ID = "<script>alert('id')</script>&\"X\"";
    /** The start of every message, with markup a page must escape. */
    public static final String MESSAGE = "<img src=http://example.invalid/x onerror=alert(1)>";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String statement() {
        return "no instance has more than two classes </td></tr><!--";
    }

    @Override
    public String hypotheses() {
        return "none";
    }

    @Override
    public Verdict check(Subject s) {
        long k = s.instance().classes();
        return Verdict.judge(id(), new Apfloat(Math.max(0, k - 2)), Tolerance.exact("a count"), "count",
            MESSAGE + " K = " + k);
    }
}
