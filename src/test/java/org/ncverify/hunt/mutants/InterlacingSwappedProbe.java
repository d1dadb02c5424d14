package org.ncverify.hunt.mutants;

import org.ncverify.claims.Claim;

/** Access to one mutant for the tests of the hunt package. */
public final class InterlacingSwappedProbe {
    private InterlacingSwappedProbe() {
    }

    /** M3, interlacing with the bounds swapped. */
    public static Claim claim() {
        return new InterlacingSwapped();
    }
}
