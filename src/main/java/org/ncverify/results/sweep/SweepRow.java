package org.ncverify.results.sweep;

import java.util.List;
import java.util.Objects;
import org.apfloat.Apfloat;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Status;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * What a sweep computes at one point: the closed form (SPEC section 5) at P digits and the
 * chosen claims judged on it. Immutable; the numbers are the computed Apfloats (rendering is
 * {@link SweepCsv} and {@link SweepJsonl}).
 *
 * @param point               the point
 * @param precision           P and the guard digits
 * @param survivingDirections the number of i with p*(s_i) &gt; 0 (the rank of W_L...W_1 X at the minimizer)
 * @param sCrit               s_crit of the scalar law
 * @param fStar               f*, the optimal value of claim C3
 * @param claims              the claims judged, in catalogue order
 * @param verdicts            their verdicts, in the same order
 */
public record SweepRow(SweepPoint point, Precision precision, int survivingDirections, Apfloat sCrit, Apfloat fStar,
                       List<Claim> claims, List<Verdict> verdicts) {
    public SweepRow {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(sCrit, "sCrit");
        Objects.requireNonNull(fStar, "fStar");
        claims = List.copyOf(claims);
        verdicts = List.copyOf(verdicts);
        if (claims.size() != verdicts.size()) {
            throw new IllegalArgumentException(claims.size() + " claims but " + verdicts.size() + " verdicts");
        }
    }

    /** The closed form of the point's instance at {@code precision} with {@code catalogue}'s claims judged on it, in the calling thread. */
    public static SweepRow compute(SweepPoint point, Precision precision, Catalogue catalogue) {
        ClosedForm cf = ClosedForm.of(point.instance(), precision);
        List<Verdict> verdicts = catalogue.run(Subject.ofClosedForm(cf));
        return new SweepRow(point, precision, cf.survivingDirections(), cf.threshold(), cf.objective(), catalogue.claims(),
            verdicts);
    }

    /** How many verdicts of this row have {@code status}. */
    public long count(Status status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }
}
