package org.ncverify.results;

import java.util.List;
import java.util.Objects;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.polish.BasisFree;
import org.ncverify.polish.Polish;
import org.ncverify.polish.PolishResult;
import org.ncverify.theory.ClosedForm;

/**
 * The polish of the best double run: the point refined at P digits by {@link Polish#refine},
 * compared with the closed form through basis-free quantities (f, the product W_L...W_1 X, the
 * Gram matrices (W_L...W_1)(W_L...W_1)^T and X^T X; {@link BasisFree}), and judged by the claims
 * as a candidate carrying {@link #CLAIMED_LOSS} digits fewer than P (the polish stops at a
 * gradient of 10^-(P-5); a first-order quantity of the point is then accurate to about that over
 * the curvature, see proofs-notes/polish.md). Immutable.
 *
 * @param result            the polish itself (stop reason, steps, gradient norm, value, point)
 * @param valueDigits       digits to which f matches f*
 * @param productDigits     digits to which W_L...W_1 X matches the closed form's
 * @param weightGramDigits  digits to which (W_L...W_1)(W_L...W_1)^T matches
 * @param featureGramDigits digits to which X^T X matches
 * @param candidateDigits   the digits the polished point is judged as carrying
 * @param verdicts          the claims' verdicts on the polished point
 */
public record PolishSummary(PolishResult result, int valueDigits, int productDigits, int weightGramDigits,
                            int featureGramDigits, int candidateDigits, List<Verdict> verdicts) {
    /** Digits of P the polished point is not claimed to carry. */
    public static final int CLAIMED_LOSS = 10;

    public PolishSummary {
        Objects.requireNonNull(result, "result");
        verdicts = List.copyOf(verdicts);
    }

    /** Polishes {@code best} at the closed form's P, compares it with the closed form and judges it by {@code catalogue}. */
    public static PolishSummary compute(ClosedForm cf, Point best, Catalogue catalogue) {
        int digits = cf.precision().digits();
        PolishResult r = Polish.refine(best, digits);
        Precision p = r.precision();
        int value = BasisFree.digits(r.value(), cf.objective(), p);
        int[] basisFree = BasisFree.of(r.point(), p).digitsAgainst(BasisFree.of(cf.point(), cf.precision()));
        int claimed = Math.max(Precision.MIN_DIGITS, digits - CLAIMED_LOSS);
        List<Verdict> v = catalogue.run(Subject.of(cf, r.point(), claimed));
        return new PolishSummary(r, value, basisFree[0], basisFree[1], basisFree[2], claimed, v);
    }
}
