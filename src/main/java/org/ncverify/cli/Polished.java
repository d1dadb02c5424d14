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
 * the digits its ACHIEVED gradient supports ({@link #candidateDigits}, proofs-notes/polish.md).
 */
record Polished(PolishResult result, int valueDigits, int[] basisFreeDigits, int candidateDigits, List<Verdict> verdicts) {
    /** Digits of P the polished point is not claimed to carry. */
    static final int CLAIMED_LOSS = 10;
    /**
     * The digits a polished point is judged as carrying: those of its distance estimate
     * ({@link PolishResult#distanceDigits()}: ||g|| over a curvature of at most 1e-5, or
     * ||g||^(1/3) at a degenerate minimum), never more than P - {@link #CLAIMED_LOSS}, never below 1.
     */
    static int candidateDigits(PolishResult r, int digits) {
        double d = r.distanceDigits();
        return (int) Math.max(1, Math.min(digits - CLAIMED_LOSS, Math.floor(d)));
    }

    static Polished of(ClosedForm cf, Point best) {
        int digits = cf.precision().digits();
        PolishResult r = Polish.refine(best, digits);
        Precision p = r.precision();
        int value = BasisFree.digits(r.value(), cf.objective(), p);
        int[] basisFree = BasisFree.of(r.point(), p).digitsAgainst(BasisFree.of(cf.point(), cf.precision()));
        int claimed = candidateDigits(r, digits);
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
        b.append(String.format("observed rate %.3g, smallest curvature seen %s, %d extrapolated steps%n",
            result.convergenceRate(), result.smallestCurvature() == null ? "-"
                : Precision.formatScientific(result.smallestCurvature(), 2), result.extrapolatedSteps()));
        b.append(String.format("claims on the polished point (judged as carrying %d digits, from the achieved gradient):%n%n",
            candidateDigits));
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
        if (Double.isNaN(result.convergenceRate())) {
            o.putNull("convergenceRate");
        } else {
            o.put("convergenceRate", result.convergenceRate());
        }
        o.put("smallestCurvature", result.smallestCurvature() == null ? null
            : Precision.formatScientific(result.smallestCurvature(), 6));
        o.put("extrapolatedSteps", result.extrapolatedSteps());
        Verdicts.json(o.putArray("claims"), verdicts);
    }
}
