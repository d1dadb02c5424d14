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
 * product W_L...W_1 X, the Gram matrices), and judged by every claim with the curvature rule of
 * {@link Subject#ofPolished} (tolerances from the achieved gradient norm and the curvature at the
 * point; INCONCLUSIVE where that distance cannot be bounded, proofs-notes/optimizer-tolerances.md).
 */
record Polished(PolishResult result, int valueDigits, int[] basisFreeDigits, int candidateDigits, List<Verdict> verdicts) {
    static Polished of(ClosedForm cf, Point best) {
        int digits = cf.precision().digits();
        PolishResult r = Polish.refine(best, digits);
        Precision p = r.precision();
        int value = BasisFree.digits(r.value(), cf.objective(), p);
        int[] basisFree = BasisFree.of(r.point(), p).digitsAgainst(BasisFree.of(cf.point(), cf.precision()));
        List<Verdict> v = Catalogue.all().run(Subject.ofPolished(cf, r));
        return new Polished(r, value, basisFree, digits, v);
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
        b.append(String.format("claims on the polished point (at %d digits, curvature rule):%n%n", candidateDigits));
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
