package org.ncverify.claims;

/**
 * One claim of the catalogue (SPEC section 3): a stable id, its statement, its hypotheses
 * and a check that measures a residual on a {@link Subject} (an instance, a candidate
 * point and the theory's reference answer) and compares it with a tolerance.
 *
 * <p>A check never trusts the code that produced the candidate: it recomputes what it needs
 * from the candidate and the instance. Outside its hypotheses it returns NOT_APPLICABLE.
 */
public interface Claim {
    /** Stable id, "C1".."C13". */
    String id();

    /** The claim, quoted from SPEC.md. */
    String statement();

    /** When the claim applies. */
    String hypotheses();

    /**
     * True when the claim judges the candidate point (then {@link Catalogue#run} qualifies its
     * verdict by {@link Subject#qualify}); false for claims about the reference alone (C8, C10)
     * and for a claim that qualifies its own verdict (C3, C13: a value below f* is a refutation
     * whatever the point's convergence).
     */
    default boolean judgesCandidate() {
        return true;
    }

    /** Judge the subject. May throw ArithmeticException on undefined values (see {@link Catalogue#run}). */
    Verdict check(Subject subject);
}
