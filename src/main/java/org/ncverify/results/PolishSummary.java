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
 * with the curvature rule of {@link Subject#ofPolished} (tolerances from the achieved gradient norm
 * and the curvature at the point; INCONCLUSIVE where that distance cannot be bounded,
 * proofs-notes/optimizer-tolerances.md). Immutable.
 *
 * @param result            the polish itself (stop reason, steps, gradient norm, value, point)
 * @param valueDigits       digits to which f matches f*
 * @param productDigits     digits to which W_L...W_1 X matches the closed form's
 * @param weightGramDigits  digits to which (W_L...W_1)(W_L...W_1)^T matches
 * @param featureGramDigits digits to which X^T X matches
 * @param candidateDigits   the digits P at which the polished point is computed and judged
 * @param verdicts          the claims' verdicts on the polished point
 */
public record PolishSummary(PolishResult result, int valueDigits, int productDigits, int weightGramDigits,
                            int featureGramDigits, int candidateDigits, List<Verdict> verdicts) {
    public PolishSummary {
        Objects.requireNonNull(result, "result");
        verdicts = List.copyOf(verdicts);
    }

    /** Polishes {@code best} at the closed form's P, compares it with the closed form and judges it by {@code catalogue}. */
    public static PolishSummary compute(ClosedForm cf, Point best, Catalogue catalogue) {
        int digits = cf.precision().digits();
        PolishResult r = Polish.refine(best, digits);
        Precision p = r.precision();
        int value = p.digitsMatched(r.value(), cf.objective());
        int[] basisFree = BasisFree.of(r.point(), p).digitsAgainst(BasisFree.of(cf.point(), cf.precision()));
        List<Verdict> v = catalogue.run(Subject.ofPolished(cf, r));
        return new PolishSummary(r, value, basisFree[0], basisFree[1], basisFree[2], digits, v);
    }
}
