package org.ncverify.cli;

import java.io.PrintWriter;
import org.ncverify.instance.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. Exit status: 0 success (no claim FAILs), 1 a claim FAILs, 2 bad input (one
 * line on stderr naming the flag and the value), 70 an internal error (one line, no stack
 * trace unless NCVERIFY_DEBUG is set).
 */
@Command(name = "ncverify", mixinStandardHelpOptions = true, version = "ncverify 0.1.0",
    description = "Symbolic-numeric verification of neural collapse under imbalanced data.",
    subcommands = {SolveCommand.class, VerifyCommand.class, OptimizeCommand.class, ReportCommand.class})
public final class Main implements Runnable {
    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit status for an internal error. */
    public static final int INTERNAL = 70;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int status;
        try {
            status = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (OutOfMemoryError e) {
            System.err.println("ncverify: out of memory (" + e.getMessage() + "); raise -Xmx via NCVERIFY_JAVA_OPTS or reduce K, d or --digits");
            status = INTERNAL;
        }
        System.exit(status);
    }

    /** Runs the CLI with the given streams and returns the exit status (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("ncverify: " + ex.getMessage());
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException) {
                err.println("ncverify: " + FlagNames.message((InputException) ex));
                return BAD_INPUT;
            }
            err.println("ncverify: internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            if (System.getenv("NCVERIFY_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return INTERNAL;
        });
        return cl.execute(args);
    }
}
