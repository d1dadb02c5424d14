package org.ncverify.hunt;

import java.util.Objects;
import org.ncverify.instance.Instance;

/**
 * One finding of a hunt: what failed (claim, reading), on which instance (as drawn and as
 * shrunk), how far (residual and tolerance as printed by the verdict, 3 significant digits;
 * the journal may add full digits), where it came from (hunt seed and instance index) and the
 * command that reproduces it. Two findings are the same finding when their {@link #key()}s are
 * equal; a hunt reports each once, with {@link #count()} occurrences. Immutable.
 *
 * @param kind      what it means
 * @param claimId   the claim ("C7", or a user conjecture's id)
 * @param reading   the reading that FAILs ({@code Reading#name()}), or null for the claim's own status
 * @param original  the instance as drawn
 * @param shrunk    the 1-minimal instance that still shows it (equal to {@code original} when nothing shrank, or for LANDSCAPE)
 * @param residual  the residual on {@code shrunk}
 * @param tolerance the tolerance on {@code shrunk}
 * @param seed      the hunt's seed
 * @param index     the instance index j within the hunt
 * @param replay    one command line that reproduces it on {@code shrunk} ({@code ncverify verify ...})
 * @param detail    one line: the verdict's detail, or what the optimizer start did
 * @param count     how many instances of the hunt gave this same finding (&gt;= 1)
 */
public record Finding(FindingClass kind, String claimId, String reading, Instance original, Instance shrunk,
                      String residual, String tolerance, long seed, long index, String replay, String detail,
                      int count) {
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(shrunk, "shrunk");
        Objects.requireNonNull(replay, "replay");
        if (count < 1) {
            throw new IllegalArgumentException("count " + count + " < 1");
        }
    }

    /** What makes two findings the same: kind, claim, reading and the shrunk instance. */
    public String key() {
        return kind + "|" + claimId + "|" + (reading == null ? "" : reading) + "|" + shrunk.describe();
    }

    /** This finding seen {@code more} more times (the first occurrence's seed and index are kept). */
    public Finding plus(int more) {
        return new Finding(kind, claimId, reading, original, shrunk, residual, tolerance, seed, index, replay, detail,
            count + more);
    }
}
