package org.ncverify.hunt;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;

/**
 * A true statement (C8's trace identity) with a tolerance set below the rounding of the
 * precision it is judged at: "sum_i s_i^2, the singular values squared, equals the exact
 * rational N - sum_k n_k^2 / N to a relative 10^-(W+1)", W the working digits of a
 * {@code digits}-digit computation ({@link Precision#working()}). At {@code digits} each s_i is
 * rounded to W digits, so the squares miss the exact trace by a few units of 10^-W and the claim
 * FAILs; at twice the digits that rounding is far below the fixed tolerance and it PASSes: the
 * FAIL is a rounding artefact, the honest example of a NUMERICAL finding.
 */
final class RoundingLevelTraceClaim implements Claim {
    private final Apfloat tolerance;

    RoundingLevelTraceClaim(int digits) {
        this.tolerance = new Apfloat("1e-" + (Precision.of(digits).working() + 1), 20);
    }

    @Override
    public String id() {
        return "R1";
    }

    @Override
    public String statement() {
        return "sum_i s_i^2 = N - sum_k n_k^2 / N to a relative " + tolerance.toString(true);
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
    public Verdict check(Subject subject) {
        Precision p = subject.precision();
        Instance x = subject.instance();
        Apfloat sum = Apfloat.ZERO;
        for (Apfloat s : subject.reference().spectrum().singularValues()) {
            sum = p.helper().add(sum, p.helper().multiply(s, s));
        }
        Aprational squares = Rationals.of(0);
        for (long n : x.sizes()) {
            squares = Rationals.add(squares, Rationals.of(n * n));
        }
        Aprational trace = Rationals.subtract(Rationals.of(x.total()), Rationals.product(squares, Rationals.of(1, x.total())));
        Apfloat exact = p.of(trace);
        Apfloat gap = ApfloatMath.abs(p.helper().subtract(sum, exact));
        return Verdict.judge(id(), p.helper().divide(gap, exact), Tolerance.of(tolerance, "fixed, below the rounding"),
            "rounded squares vs exact trace", "relative trace gap");
    }
}
