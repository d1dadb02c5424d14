package org.ncverify.hunt;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ncverify.claims.Reading;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;

/**
 * The score the hunter climbs: log10(residual / tolerance) of a verdict, the larger of the
 * claim's own and its readings'. Below 0 the claim passes with that many decades to spare; above
 * 0 it FAILs. A verdict with nothing to compare (NOT_APPLICABLE, an exact check without a numeric
 * tolerance, a zero tolerance) scores {@link Double#NEGATIVE_INFINITY} unless it FAILs; a FAIL
 * without a finite measurement (a NaN, an undefined value) scores {@link Double#POSITIVE_INFINITY}.
 */
public final class Margin {
    private Margin() {
    }

    /** log10(residual / tolerance) of {@code v} and its readings, the largest of them. */
    public static double of(Verdict v) {
        return of(v, true);
    }

    /**
     * The score the targeted strategy climbs ({@code --strategy targeted}, what the pool should
     * hold): {@link #of(Verdict)} without the readings that FAIL while the claim's own status does
     * not, i.e. the readings the claim marks as needing a stated hypothesis (C7's independent-bases
     * reading inside a tie: margin about +32 on every tie). Those are findings of their own
     * (HYPOTHESIS_NEEDED); scored, they would fill the pool with tie instances and the search
     * would climb towards a boundary already known.
     */
    public static double score(Verdict v) {
        return of(v, false);
    }

    private static double of(Verdict v, boolean hypothesisReadings) {
        double m = of(v.status(), v.residual(), v.tolerance() == null ? null : v.tolerance().value());
        for (Reading r : v.readings()) {
            if (hypothesisReadings || r.status() != Status.FAIL || v.status() == Status.FAIL) {
                m = Math.max(m, of(r.status(), r.residual(), r.tolerance() == null ? null : r.tolerance().value()));
            }
        }
        return m;
    }

    /** The largest margin over the verdicts (NEGATIVE_INFINITY for none). */
    public static double worst(List<Verdict> verdicts) {
        double m = Double.NEGATIVE_INFINITY;
        for (Verdict v : verdicts) {
            m = Math.max(m, of(v));
        }
        return m;
    }

    static double of(Status status, Apfloat residual, Apfloat tolerance) {
        if (residual == null || tolerance == null || tolerance.signum() <= 0) {
            return status == Status.FAIL ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (residual.signum() == 0) {
            return status == Status.FAIL ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return log10(residual) - log10(tolerance);
    }

    /** log10 of a positive Apfloat of any exponent, to double accuracy. */
    static double log10(Apfloat x) {
        long scale = x.scale();
        Apfloat mantissa = x.precision(20).divide(ApfloatMath.pow(new Apfloat(10, 20), scale));
        return scale + Math.log10(mantissa.doubleValue());
    }
}
