package org.ncverify.cli;

/**
 * Whether progress goes to a person or to a log: a progress bar only on a terminal (a console is
 * attached and the CI variable is unset), plain periodic lines otherwise. One rule for every
 * command that shows progress (hunt, sweep).
 */
final class Terminal {
    private Terminal() {
    }

    /** True on a terminal: a console is attached and the CI variable is unset. */
    static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
