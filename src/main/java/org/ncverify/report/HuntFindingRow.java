package org.ncverify.report;

import java.util.Objects;
import org.ncverify.hunt.Finding;

/**
 * One hunt finding as the report shows it: where it came from (a journal's file name, or
 * "campaign hunt ..."), its class, claim and reading, residual and tolerance as recorded,
 * the shrunk instance, the replay command and how often it occurred. The page lists
 * FALSE_AS_STATED rows first, at the top, before everything else.
 *
 * @param source    the journal or campaign step it came from; user-visible, escaped
 * @param kind      {@code FindingClass} name
 * @param claimId   the claim (or a user conjecture's id; escaped)
 * @param reading   the failing reading, or null for the claim's own status
 * @param residual  as recorded, or null
 * @param tolerance as recorded, or null
 * @param shrunk    {@code Instance.describe()} of the shrunk instance
 * @param replay    the command that reproduces it
 * @param detail    one line, or null
 * @param seed      the hunt seed
 * @param index     the instance index within the hunt
 * @param count     occurrences (&gt;= 1)
 */
public record HuntFindingRow(String source, String kind, String claimId, String reading, String residual,
                             String tolerance, String shrunk, String replay, String detail, long seed, long index,
                             int count) {
    public HuntFindingRow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(shrunk, "shrunk");
        Objects.requireNonNull(replay, "replay");
    }

    /** The row of {@code f}, found by {@code source}. */
    public static HuntFindingRow of(String source, Finding f) {
        return new HuntFindingRow(source, f.kind().name(), f.claimId(), f.reading(), f.residual(), f.tolerance(),
            f.shrunk().describe(), f.replay(), f.detail(), f.seed(), f.index(), f.count());
    }

    /** True for a counterexample (FALSE_AS_STATED). */
    public boolean falseAsStated() {
        return kind.equals("FALSE_AS_STATED");
    }
}
