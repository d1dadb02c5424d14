// STUB: owned by hunt-targeted
package org.ncverify.hunt;

import java.util.List;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;

/** Stub: no instance fits until hunt-targeted's optimizer judge lands. */
public final class OptimizerJudge {
    private OptimizerJudge() {
    }

    public static boolean fits(Instance x) {
        return false;
    }

    public static Outcome judge(Instance x, Catalogue c, int digits, long huntSeed, long index) {
        return new Outcome(List.of(), List.of());
    }

    public record Outcome(List<Verdict> verdicts, List<Finding> findings) {
    }
}
