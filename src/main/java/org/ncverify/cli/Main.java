package org.ncverify.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ncverify.hunt.Hunt;
import org.ncverify.instance.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point. Exit statuses ({@link ExitCodes}, listed in every command's --help): 0 every claim
 * PASS or NOT_APPLICABLE, 1 a claim FAILs, 2 bad input (one line on stderr naming the flag and the
 * value, before any work), 3 inconclusive, 70 an internal error (one line, no stack trace unless
 * NCVERIFY_DEBUG is set). An unknown command or option names the closest valid ones; a missing
 * {@code @argfile} is named.
 */
@Command(name = "ncverify", mixinStandardHelpOptions = true, version = Hunt.TOOL,
    description = "Symbolic-numeric verification of neural collapse under imbalanced data.",
    subcommands = {SolveCommand.class, VerifyCommand.class, OptimizeCommand.class, CheckCommand.class, SweepCommand.class,
        HuntCommand.class, ReportCommand.class, CommandLine.HelpCommand.class, CompletionCommand.class},
    footerHeading = "%nArgument files:%n",
    footer = {"  ncverify @job.args reads arguments from job.args (whitespace-separated, one or more per line, '#' starts"
        + " a comment, quote a value with spaces); any argument @FILE is replaced by FILE's contents.",
        "%nExamples:%n  ncverify help solve%n  ncverify solve --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3"
        + "%n  source <(ncverify completion)   (bash or zsh completion for this shell)"})
public final class Main implements Runnable {
    /** Exit status for bad input. */
    public static final int BAD_INPUT = ExitCodes.BAD_INPUT;
    /** Exit status for an internal error. */
    public static final int INTERNAL = ExitCodes.INTERNAL;

    /** Columns of the --help text (the example lines fit). */
    static final int HELP_WIDTH = 130;

    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    private Main(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The standard input of the running CLI, for {@code --instance -} (the root command of {@code spec} holds it; System.in without one). */
    static InputStream stdin(CommandSpec spec) {
        return spec.root().userObject() instanceof Main m ? m.stdin : System.in;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.in);
        } catch (OutOfMemoryError e) {
            System.err.println("ncverify: out of memory (" + e.getMessage() + "); raise -Xmx via NCVERIFY_JAVA_OPTS or reduce K, d or --digits");
            status = INTERNAL;
        }
        System.exit(status);
    }

    /** Runs the CLI with the given streams and an empty stdin, and returns the exit status (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, InputStream.nullInputStream());
    }

    /** Runs the CLI with the given streams and returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, InputStream in) {
        CommandLine cl = commandLine(in);
        cl.setOut(out);
        cl.setErr(err);
        String missing = missingArgumentFile(args);
        if (missing != null) {
            err.println("ncverify: " + missing);
            return BAD_INPUT;
        }
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("ncverify: " + parameterMessage(ex));
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

    /** The command tree, with the exit-code list of {@link ExitCodes} on every command. */
    static CommandLine commandLine(InputStream in) {
        CommandLine cl = new CommandLine(new Main(in));
        cl.setUsageHelpWidth(HELP_WIDTH);
        exitCodes(cl);
        return cl;
    }

    private static void exitCodes(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(ExitCodes.DESCRIPTIONS);
        for (CommandLine sub : cl.getSubcommands().values()) {
            exitCodes(sub);
        }
    }

    /**
     * The one line for a parse error: an unknown command or option names the closest valid ones
     * (picocli's suggestions) and, for a command, lists them all.
     */
    private static String parameterMessage(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            CommandLine where = u.getCommandLine();
            String typed = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            List<String> suggestions = Suggestions.closest(typed, typed.startsWith("-")
                ? where.getCommandSpec().optionsMap().keySet() : where.getSubcommands().keySet());
            String hint = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
            if (where.getParent() == null && !first.startsWith("-")) {
                return "unknown command '" + first + "'" + hint + "; the commands are "
                    + String.join(", ", where.getSubcommands().keySet()) + " ('ncverify help COMMAND' for one)";
            }
            return (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "' for "
                + where.getCommandName() + hint + "; see 'ncverify help " + where.getCommandName() + "'";
        }
        return ex.getMessage().replace(System.lineSeparator(), " ");
    }

    /**
     * "@FILE: no such argument file" for the first argument {@code @FILE} whose file cannot be read
     * (picocli would pass it on as a literal argument and fail later with a misleading message);
     * null when every argument file exists. "@@x" is picocli's escape for a literal "@x".
     */
    static String missingArgumentFile(String[] args) {
        for (String a : args) {
            if (a.startsWith("@") && !a.startsWith("@@") && a.length() > 1) {
                Path p = Path.of(a.substring(1));
                if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                    return a + ": no such argument file '" + a.substring(1) + "'"
                        + (Files.isDirectory(p) ? " (it is a directory)" : Files.exists(p) ? " (not readable)" : "");
                }
            }
        }
        return null;
    }
}
