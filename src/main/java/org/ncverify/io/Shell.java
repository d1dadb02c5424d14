package org.ncverify.io;

import java.util.regex.Pattern;

/** POSIX shell words: how every printed command line (a rerun header, a replay, a JSON "command") quotes its words. */
public final class Shell {
    /** Words that need no quoting in a POSIX shell. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    /** {@code w} unchanged when it is plain (and not empty), else in single quotes (a quote inside as '\''). */
    public static String quote(String w) {
        return !w.isEmpty() && PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'";
    }
}
