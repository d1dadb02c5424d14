package org.ncverify.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
 * {@code optimize --polish}: the best double run refined at --digits P by
 * {@link Polish#refine}, compared with the closed form through basis-free quantities (f, the
 * product W_L...W_1 X, the Gram matrices), and judged by every claim as a candidate carrying
 * {@link #CLAIMED_LOSS} digits fewer than P (the polish stops at a gradient of 10^-(P-5); a
 * first-order quantity of the point is then accurate to about that over the curvature, see
 * proofs-notes/polish.md).
 */
record Polished(PolishResult result, int valueDigits, int[] basisFreeDigits, int candidateDigits, List<Verdict> verdicts) {
    /** Digits of P the polished point is not claimed to carry. */
    static final int CLAIMED_LOSS = 10;

    static Polished of(ClosedForm cf, Point best) {
        int digits = cf.precision().digits();
        PolishResult r = Polish.refine(best, digits);
        Precision p = r.precision();
        int value = p.digitsMatched(r.value(), cf.objective());
        int[] basisFree = BasisFree.of(r.point(), p).digitsAgainst(BasisFree.of(cf.point(), cf.precision()));
        int claimed = Math.max(Precision.MIN_DIGITS, digits - CLAIMED_LOSS);
        List<Verdict> v = Catalogue.all().run(Subject.of(cf, r.point(), claimed));
        return new Polished(r, value, basisFree, claimed, v);
    }

    String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%npolish of the best run at %d digits: %s after %d Newton steps, %d Hessian-vector products,"
                + " %.2f s%n", result.precision().digits(), result.stop(), result.iterations(), result.hessianProducts(),
            result.wallTime().toNanos() / 1e9));
        b.append(String.format("||grad f|| = %s (relative %s); digits matching the closed form: f %d, W_L...W_1 X %d,"
                + " (W_L...W_1)(W_L...W_1)^T %d, X^T X %d%n", Precision.formatScientific(result.gradientNorm(), 3),
            Precision.formatScientific(result.relativeGradientNorm(), 3), valueDigits, basisFreeDigits[0],
            basisFreeDigits[1], basisFreeDigits[2]));
        b.append(String.format("claims on the polished point (judged as carrying %d digits):%n%n", candidateDigits));
        b.append(Verdicts.table(verdicts));
        return b.toString();
    }

    void json(ObjectNode root) {
        ObjectNode o = root.putObject("polish");
        o.put("digits", result.precision().digits());
        o.put("stop", result.stop().name());
        o.put("iterations", result.iterations());
        o.put("hessianProducts", result.hessianProducts());
        o.put("seconds", result.wallTime().toNanos() / 1e9);
        o.put("gradientNorm", Precision.formatScientific(result.gradientNorm(), 6));
        o.put("relativeGradientNorm", Precision.formatScientific(result.relativeGradientNorm(), 6));
        o.put("value", result.precision().format(result.value()));
        o.put("valueDigits", valueDigits);
        o.put("productDigits", basisFreeDigits[0]);
        o.put("weightGramDigits", basisFreeDigits[1]);
        o.put("featureGramDigits", basisFreeDigits[2]);
        o.put("candidateDigits", candidateDigits);
        Verdicts.json(o.putArray("claims"), verdicts);
    }
}
