package org.ncverify.hunt;

/** What a hunt finding means (issue 10, "Findings"). */
public enum FindingClass {
    /** The claim FAILs on a sound measurement, and still FAILs at twice the digits: a counterexample. */
    FALSE_AS_STATED,
    /**
     * A reading that the claim itself marks as needing a stated hypothesis FAILs while the claim
     * holds (C5-C7's independent-bases reading inside a tie).
     */
    HYPOTHESIS_NEEDED,
    /** A FAIL that disappears when the instance is judged again at twice the digits. */
    NUMERICAL,
    /** An optimizer start stalled at a non-global stationary point: about the landscape, not a failure of C13. */
    LANDSCAPE
}
