package org.ncverify.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.ncverify.instance.Instance;
import org.ncverify.results.JsonRenderer;
import org.ncverify.results.Renderer;
import org.ncverify.results.Result;
import org.ncverify.results.TextRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The output options shared by the commands (a picocli mixin): --format, --output, --quiet; and
 * the running and printing of one result per instance. With a list of instances the results
 * follow one another (text) or are one JSON object per line (JSONL). --output writes the file
 * atomically ({@link AtomicOutput}); the exit status is that of the most severe result
 * ({@link ExitCodes}).
 */
final class FormatOption {
    /** Exit status of a result in which some claim FAILs (kept for callers; the table is {@link ExitCodes}). */
    static final int FAILED = ExitCodes.FAILED;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "output format (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--output", paramLabel = "FILE",
        description = "write the output to FILE instead of stdout, atomically (a temporary file beside it, then renamed)")
    String output;

    @Option(names = {"-q", "--quiet"}, description = "print nothing on stdout (with --output: no note on stderr either); the exit status tells the outcome")
    boolean quiet;

    /** The parsed format; bad input names the value. */
    OutputFormat format() {
        return OutputFormat.parse(format);
    }

    /** Checks the options before any work: the format, and that --output can be written. */
    Path check() {
        format();
        return output == null ? null : AtomicOutput.check("--output", output);
    }

    /** "--format json" at the end of a command line when the output is JSON. */
    CommandText withFormat(CommandText command) {
        return format() == OutputFormat.JSON ? command.option("--format", "json") : command;
    }

    /**
     * Computes {@code compute} for every instance in order, prints or writes each result as it
     * comes, and returns the combined exit status.
     *
     * @param command the command line of each instance
     * @param list    whether the instances came as a list (JSON: one line per result)
     */
    int run(CommandSpec spec, List<Instance> instances, boolean list, Function<Instance, String> command,
            Function<Instance, Result> compute) {
        return emit(spec, instances.size(), list, i -> command.apply(instances.get(i)), i -> compute.apply(instances.get(i)));
    }

    /**
     * Prints or writes one computed result whose renderer reconstructs its command line
     * ({@link TextRenderer#defaultCommand}), and returns its exit status ({@link ExitCodes#of(Result)}).
     */
    int print(CommandSpec spec, Result result) {
        return emit(spec, 1, false, i -> null, i -> result);
    }

    private int emit(CommandSpec spec, int count, boolean list, IntFunction<String> command, IntFunction<Result> compute) {
        Path target = check();
        if (format() == OutputFormat.JSON) {
            prepareJson();
        }
        List<Result> results = new ArrayList<>();
        AtomicOutput file = target == null ? null : AtomicOutput.open(target);
        try {
            for (int i = 0; i < count; i++) {
                Result r = compute.apply(i);
                results.add(r);
                String text = (i > 0 && format() == OutputFormat.TEXT ? System.lineSeparator() : "")
                    + r.render(renderer(command.apply(i), list));
                if (file != null) {
                    file.write(text);
                } else if (!quiet) {
                    spec.commandLine().getOut().print(text);
                    spec.commandLine().getOut().flush();
                }
            }
            if (file != null) {
                file.commit();
                if (!quiet) {
                    spec.commandLine().getErr().println("ncverify: wrote " + output + " (" + results.size()
                        + (results.size() == 1 ? " result)" : " results)"));
                }
            }
        } finally {
            if (file != null) {
                file.close();
            }
        }
        return ExitCodes.of(results);
    }

    /**
     * Initializes {@link JsonRenderer} (its Jackson mappers, some 50 ms in a cold JVM) on a daemon
     * thread while the first result is computed; class initialization is once and thread-safe, so
     * the renderer made afterwards waits for it if it is still running, and an error there shows
     * again, unchanged, where the renderer is first used.
     */
    private static void prepareJson() {
        Thread t = new Thread(() -> {
            try {
                Class.forName(JsonRenderer.class.getName(), true, FormatOption.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // reported by the renderer's own first use
            }
        }, "ncverify-json-init");
        t.setDaemon(true);
        t.start();
    }

    private Renderer renderer(String command, boolean list) {
        return format() == OutputFormat.JSON ? new JsonRenderer(command, list) : new TextRenderer(command);
    }
}
