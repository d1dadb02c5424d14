package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * Bad input: exit status 2, nothing on stdout, one line on stderr without a stack trace that
     * mentions {@code mentions} (the flag and the value).
     */
    static void assertBadInput(String name, String commandLine, String mentions) {
        CliRunner r = run(commandLine.split(" "));
        assertEquals(2, r.status, name + ": " + r.err + r.out);
        String err = r.err.strip();
        assertFalse(err.contains("\n"), name + ": more than one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), name + ": stack trace: " + err);
        assertTrue(err.contains(mentions), name + ": message does not name the value: " + err);
        assertTrue(r.out.isEmpty(), name + ": printed output: " + r.out);
    }
}
