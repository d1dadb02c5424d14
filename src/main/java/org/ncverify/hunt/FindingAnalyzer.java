// STUB: owned by hunt-findings
package org.ncverify.hunt;

import java.util.ArrayList;
import java.util.List;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;

/** Stub: every FAIL verdict is a FALSE_AS_STATED finding, unshrunk. */
public final class FindingAnalyzer {
    private final int digits;
    private final long seed;

    public FindingAnalyzer(Catalogue catalogue, int digits, long seed) {
        this.digits = digits;
        this.seed = seed;
    }

    public List<Finding> analyze(long index, Instance instance, List<Verdict> verdicts) {
        List<Finding> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (v.status() == Status.FAIL) {
                String replay = "ncverify verify " + instance.describe() + " --digits " + digits + " --claims " + v.claimId();
                out.add(new Finding(FindingClass.FALSE_AS_STATED, v.claimId(), null, instance, instance, v.residualText(),
                    v.toleranceText(), seed, index, replay, v.detail(), 1));
            }
        }
        return out;
    }
}
