package org.ncverify.hunt;

import java.util.List;
import org.ncverify.io.Shell;
import org.ncverify.instance.Instance;

/**
 * The one-line command that reproduces a finding: {@code ncverify verify <instance flags>
 * --digits P --claims Cx [--claim-class NAME --classpath DIR_OR_JAR ...]}. {@code verify}
 * judges the closed form exactly as {@link Judge#closedForm} does (C7's independent-bases
 * rotation is seeded from the instance's numbers), so the line shows the same verdict, and for
 * a finding that is not NUMERICAL its exit status is 1 (a reading (b) FAIL while the claim holds
 * shows in the table with exit status 0: that reading is a finding, not a FAIL of the claim).
 */
public final class Replay {
    /** The digits of {@code ncverify verify} when --digits is not given. */
    public static final int DEFAULT_DIGITS = 50;

    private Replay() {
    }

    /** {@link #command(Instance, String, int, List)} at the default {@value #DEFAULT_DIGITS} digits. */
    public static String command(Instance shrunk, String claimId, List<String> userClassArgs) {
        return command(shrunk, claimId, DEFAULT_DIGITS, userClassArgs);
    }

    /**
     * The replay line at {@code digits}.
     *
     * @param userClassArgs the arguments that load a user's claim classes ({@code --claim-class NAME},
     *                      {@code --classpath PATH}), appended as given (each quoted for a POSIX shell
     *                      when it holds anything but plain characters); empty for a catalogue claim
     */
    public static String command(Instance shrunk, String claimId, int digits, List<String> userClassArgs) {
        StringBuilder b = new StringBuilder("ncverify verify ").append(shrunk.describe())
            .append(" --digits ").append(digits).append(" --claims ").append(Shell.quote(claimId));
        for (String a : userClassArgs) {
            b.append(' ').append(Shell.quote(a));
        }
        return b.toString();
    }
}
