package org.ncverify.results.sweep;

import org.ncverify.claims.Status;

/**
 * Counts over the rows of a sweep: verdicts by status and points with at least one FAIL or
 * INCONCLUSIVE verdict. Immutable.
 *
 * @param points             rows computed
 * @param pass               PASS verdicts
 * @param fail               FAIL verdicts
 * @param notApplicable      NOT_APPLICABLE verdicts
 * @param inconclusive       INCONCLUSIVE verdicts
 * @param failingPoints      points with some FAIL
 * @param inconclusivePoints points with some INCONCLUSIVE verdict
 * @param seconds            wall time of the whole sweep
 */
public record SweepSummary(long points, long pass, long fail, long notApplicable, long inconclusive, long failingPoints,
                           long inconclusivePoints, double seconds) {
    /** True when some claim FAILs at some point. */
    public boolean failed() {
        return fail > 0;
    }

    /** "123 points, 492 verdicts: 492 PASS, 0 FAIL, 0 NOT_APPLICABLE" (", n INCONCLUSIVE" when there are any; the failing points when any). */
    public String describe() {
        return points + " points, " + (pass + fail + notApplicable + inconclusive) + " verdicts: " + pass + " PASS, " + fail
            + " FAIL" + (fail > 0 ? " (at " + failingPoints + " points)" : "") + ", " + notApplicable + " NOT_APPLICABLE"
            + (inconclusive > 0 ? ", " + inconclusive + " INCONCLUSIVE (at " + inconclusivePoints + " points)" : "");
    }

    /** Accumulates rows (one thread). */
    static final class Counter {
        private long points;
        private long pass;
        private long fail;
        private long notApplicable;
        private long inconclusive;
        private long failingPoints;
        private long inconclusivePoints;

        void add(SweepRow row) {
            points++;
            pass += row.count(Status.PASS);
            long f = row.count(Status.FAIL);
            long i = row.count(Status.INCONCLUSIVE);
            fail += f;
            inconclusive += i;
            notApplicable += row.count(Status.NOT_APPLICABLE);
            failingPoints += f > 0 ? 1 : 0;
            inconclusivePoints += i > 0 ? 1 : 0;
        }

        SweepSummary summary(double seconds) {
            return new SweepSummary(points, pass, fail, notApplicable, inconclusive, failingPoints, inconclusivePoints, seconds);
        }
    }
}
