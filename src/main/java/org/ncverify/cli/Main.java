package org.ncverify.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

    /**
     * The subcommands in the order of the help text. They are registered programmatically so that a
     * run of one command builds only that command's picocli model ({@link #commandLine(InputStream, String[])}).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

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
        CommandLine cl = commandLine(in, args);
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

    /** The whole command tree, with the exit-code list of {@link ExitCodes} on every command. */
    static CommandLine commandLine(InputStream in) {
        return commandLine(in, new String[0]);
    }

    /**
     * The command tree for {@code args}: when the first argument names a command other than
     * {@code help} and {@code completion}, the root with that one command (a run of {@code solve}
     * does not pay for building the models of the other six: about 0.1 s of a cold start);
     * otherwise every command (the root's help, {@code help}, {@code completion}, an unknown
     * command's suggestions and {@code @argfile}s see them all). Parsing, help and error messages
     * of the named command are the same either way: they depend only on that command and the root.
     */
    static CommandLine commandLine(InputStream in, String[] args) {
        CommandLine cl = new CommandLine(new Main(in));
        String first = args.length > 0 ? args[0] : "";
        boolean one = COMMANDS.containsKey(first) && !first.equals("help") && !first.equals("completion");
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
            if (!one || c.getKey().equals(first)) {
                cl.addSubcommand(c.getKey(), c.getValue().get());
            }
        }
        cl.setUsageHelpWidth(HELP_WIDTH); // after the subcommands: picocli passes it on to those already added
        exitCodes(cl);
        return cl;
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("solve", SolveCommand::new);
        m.put("verify", VerifyCommand::new);
        m.put("optimize", OptimizeCommand::new);
        m.put("check", CheckCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("hunt", HuntCommand::new);
        m.put("report", ReportCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        m.put("completion", CompletionCommand::new);
        return java.util.Collections.unmodifiableMap(m);
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
