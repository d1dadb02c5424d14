package org.ncverify.hunt;

import java.util.List;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * The one way the hunter judges an instance: the closed form of SPEC section 5 in canonical
 * frames at P digits (guard digits as {@link Precision#of(int)}), and the claims run on it by
 * {@link Catalogue#run} (so an arithmetic failure inside a check is a FAIL, never a crash).
 * Exactly what {@code ncverify verify} does, so a replay command reproduces a hunt's verdict.
 */
public final class Judge {
    private Judge() {
    }

    /** Every claim of {@code catalogue} on the closed form of {@code instance} at {@code digits}. */
    public static List<Verdict> closedForm(Instance instance, Catalogue catalogue, int digits) {
        ClosedForm cf = ClosedForm.of(instance, Precision.of(digits));
        return catalogue.run(Subject.ofClosedForm(cf));
    }

    /** One claim on the closed form of {@code instance} at {@code digits}. */
    public static Verdict closedForm(Instance instance, Claim claim, int digits) {
        ClosedForm cf = ClosedForm.of(instance, Precision.of(digits));
        return Catalogue.run(claim, Subject.ofClosedForm(cf));
    }
}
