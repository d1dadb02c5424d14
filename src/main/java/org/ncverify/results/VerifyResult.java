package org.ncverify.results;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * The result of {@code verify}: the claims of a catalogue (all of C1-C13 unless a selection was
 * asked for) judged on the closed-form minimizer at P digits. Immutable.
 *
 * @param instance            the instance
 * @param precision           P and the guard digits
 * @param frameSeed           the seed of the random frames of the closed form, empty for the canonical frames
 * @param survivingDirections the number of i with p*(s_i) &gt; 0
 * @param claims              the claims judged, in catalogue order
 * @param verdicts            their verdicts, one per claim, in the same order
 * @param seconds             wall time of the computation and the judgement
 */
public record VerifyResult(Instance instance, Precision precision, OptionalLong frameSeed, int survivingDirections,
                           List<Claim> claims, List<Verdict> verdicts, double seconds) implements Result {
    public VerifyResult {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(frameSeed, "frameSeed");
        claims = List.copyOf(claims);
        verdicts = List.copyOf(verdicts);
        if (claims.size() != verdicts.size()) {
            throw new IllegalArgumentException(claims.size() + " claims but " + verdicts.size() + " verdicts");
        }
    }

    /** Builds the closed form (seeded frames when {@code frameSeed} is present) and judges every claim of {@code catalogue} on it. */
    public static VerifyResult compute(Instance instance, Precision precision, OptionalLong frameSeed, Catalogue catalogue) {
        long t0 = System.nanoTime();
        ClosedForm cf = Frames.closedForm(instance, precision, frameSeed);
        List<Verdict> verdicts = catalogue.run(Subject.ofClosedForm(cf));
        return new VerifyResult(instance, precision, frameSeed, cf.survivingDirections(), catalogue.claims(), verdicts,
            (System.nanoTime() - t0) / 1e9);
    }

    /** The ids of the judged claims, in order. */
    public List<String> claimIds() {
        return claims.stream().map(Claim::id).toList();
    }

    /** True when every claim of {@link Catalogue#all()} was judged. */
    public boolean wholeCatalogue() {
        return claimIds().equals(Catalogue.all().ids());
    }

    @Override
    public String render(Renderer renderer) {
        return renderer.verify(this);
    }

    @Override
    public boolean failed() {
        return Verdicts.anyFail(verdicts);
    }

    @Override
    public boolean inconclusive() {
        return Verdicts.anyInconclusive(verdicts);
    }
}
