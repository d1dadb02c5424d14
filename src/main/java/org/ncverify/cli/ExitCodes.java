package org.ncverify.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncverify.results.Result;

/**
 * The exit statuses of every command, in one place: each command's {@code --help} lists
 * {@link #DESCRIPTIONS} (set by {@link Main} on every command), the README copies the table.
 * <ul>
 * <li>0: every claim PASS or NOT_APPLICABLE;</li>
 * <li>1: some claim FAILs on a sound measurement (takes priority over 3);</li>
 * <li>2: bad input (one line on stderr, before any work);</li>
 * <li>3: inconclusive: an INCONCLUSIVE verdict (budget exhausted, a candidate whose distance to
 *     the minimizers cannot be bounded, precision insufficient) or no run ended at a finite value;</li>
 * <li>70: internal error.</li>
 * </ul>
 */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int INCONCLUSIVE = 3;
    static final int INTERNAL = 70;

    /** The exit-code list of every command's help, in order. */
    static final Map<String, String> DESCRIPTIONS = descriptions();

    private ExitCodes() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(" " + OK, "every claim PASS or NOT_APPLICABLE");
        m.put(" " + FAILED, "some claim FAILs on a sound measurement (takes priority over 3)");
        m.put(" " + BAD_INPUT, "bad input: one line on stderr, nothing computed");
        m.put(" " + INCONCLUSIVE, "inconclusive: an INCONCLUSIVE verdict (budget exhausted, non-finite runs,"
            + " precision insufficient) or no optimizer run ended at a finite value");
        m.put(String.valueOf(INTERNAL), "internal error (one line; NCVERIFY_DEBUG=1 prints the stack trace)");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The status of one result: 1 when it failed, else 3 when inconclusive, else 0. */
    static int of(Result result) {
        return result.failed() ? FAILED : result.inconclusive() ? INCONCLUSIVE : OK;
    }

    /** The status of several results (an instance file): 1 if any failed, else 3 if any is inconclusive, else 0. */
    static int of(List<? extends Result> results) {
        int status = OK;
        for (Result r : results) {
            status = combine(status, of(r));
        }
        return status;
    }

    /** The more severe of two result statuses (1 over 3 over 0). */
    static int combine(int a, int b) {
        if (a == FAILED || b == FAILED) {
            return FAILED;
        }
        return a == INCONCLUSIVE || b == INCONCLUSIVE ? INCONCLUSIVE : OK;
    }
}
