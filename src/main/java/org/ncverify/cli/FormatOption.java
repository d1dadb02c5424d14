package org.ncverify.cli;

import org.ncverify.results.Result;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The --format option shared by the commands (a picocli mixin), and the printing of a result in that format. */
final class FormatOption {
    /** Exit status of a result in which some claim FAILs. */
    static final int FAILED = 1;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "output format (default ${DEFAULT-VALUE})")
    String format;

    /** The parsed format; bad input names the value. */
    OutputFormat format() {
        return OutputFormat.parse(format);
    }

    /** Prints {@code result} in the chosen format on the command's output and returns the exit status (0, or 1 when it failed). */
    int print(CommandSpec spec, Result result) {
        spec.commandLine().getOut().print(result.render(format().renderer()));
        spec.commandLine().getOut().flush();
        return exitStatus(result);
    }

    /** 1 when some claim FAILs (or optimize has no finite run), else 0: PASS, NOT_APPLICABLE and INCONCLUSIVE give 0. */
    static int exitStatus(Result result) {
        return result.failed() ? FAILED : 0;
    }
}
