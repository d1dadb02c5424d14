package org.ncverify.cli;

import java.util.ArrayList;
import java.util.List;
import org.ncverify.instance.Instance;
import org.ncverify.io.Shell;

/**
 * The command line that reruns a job, as one shell-quoted string: "ncverify", the command, the
 * instance flags in canonical order ({@link Instance#describe}: --sizes, --dim, --depth, --widths,
 * --lambda-w with one value per layer, --lambda-h), --digits, then the command's own options in the
 * order each command fixes, and {@code --format json} last when the output is JSON. Options that
 * do not change the result (--output, --quiet) are left out; an instance read from a file is
 * written out as flags, so the line does not depend on the file. Immutable once built.
 */
final class CommandText {
    private final List<String> words = new ArrayList<>();

    /** "ncverify COMMAND --sizes ... --lambda-h ... --digits P". */
    CommandText(String command, Instance instance, int digits) {
        words.add("ncverify");
        words.add(command);
        for (String w : instance.describe().split(" ")) {
            words.add(w);
        }
        option("--digits", digits);
    }

    /** Appends "NAME VALUE". */
    CommandText option(String name, Object value) {
        words.add(name);
        words.add(String.valueOf(value));
        return this;
    }

    /** Appends a boolean flag when it is set. */
    CommandText flag(String name, boolean set) {
        if (set) {
            words.add(name);
        }
        return this;
    }

    /** The line, each word quoted for a POSIX shell when it needs it. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append(b.length() == 0 ? "" : " ").append(Shell.quote(w));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
