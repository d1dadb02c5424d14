package org.ncverify.results;

import java.util.List;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;

/** Facts about a list of verdicts shared by the results and their renderers. */
public final class Verdicts {
    private Verdicts() {
    }

    /** True when some verdict FAILs (INCONCLUSIVE and NOT_APPLICABLE do not). */
    public static boolean anyFail(List<Verdict> verdicts) {
        return verdicts.stream().anyMatch(v -> v.status() == Status.FAIL);
    }

    /** True when some verdict is INCONCLUSIVE. */
    public static boolean anyInconclusive(List<Verdict> verdicts) {
        return verdicts.stream().anyMatch(v -> v.status() == Status.INCONCLUSIVE);
    }

    /** "12 claims: 9 PASS, 0 FAIL, 3 NOT_APPLICABLE" (", 1 INCONCLUSIVE" when there are any). */
    public static String summary(List<Verdict> verdicts) {
        long inconclusive = count(verdicts, Status.INCONCLUSIVE);
        return verdicts.size() + " claims: " + count(verdicts, Status.PASS) + " PASS, " + count(verdicts, Status.FAIL)
            + " FAIL, " + count(verdicts, Status.NOT_APPLICABLE) + " NOT_APPLICABLE"
            + (inconclusive > 0 ? ", " + inconclusive + " INCONCLUSIVE" : "");
    }

    /** How many verdicts have {@code status}. */
    public static long count(List<Verdict> verdicts, Status status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }
}
