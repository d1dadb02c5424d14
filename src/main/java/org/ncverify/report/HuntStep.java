package org.ncverify.report;

import java.util.Objects;

/**
 * One hunt of a campaign: {@code ncverify hunt --profile PROFILE --count COUNT --seed SEED}
 * (random strategy, every claim, the campaign's digits, no optimizer), run in-process; its
 * distinct findings become the report's {@link HuntFindingRow}s.
 *
 * @param profile a hunt profile name ({@code true-ties}, {@code near-threshold}, ...)
 * @param count   instances, &gt;= 1
 * @param seed    the hunt seed
 */
public record HuntStep(String profile, long count, long seed) {
    public HuntStep {
        Objects.requireNonNull(profile, "profile");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
    }

    /** The command line of the same hunt at {@code digits} (it writes its own journal). */
    public String command(int digits) {
        return "ncverify hunt --profile " + profile + " --count " + count + " --seed " + seed + " --digits " + digits;
    }

    /** What the report names as the findings' source. */
    public String source() {
        return "campaign hunt " + profile + " seed " + seed;
    }
}
