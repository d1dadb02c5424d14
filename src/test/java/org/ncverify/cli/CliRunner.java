package org.ncverify.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures its streams and exit status. */
final class CliRunner {
    final int status;
    final String out;
    final String err;

    private CliRunner(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    static CliRunner run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int s = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        return new CliRunner(s, o.toString(), e.toString());
    }
}
