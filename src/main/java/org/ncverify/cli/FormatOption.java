package org.ncverify.cli;

import picocli.CommandLine.Option;

/** The --format option shared by the commands (a picocli mixin). */
final class FormatOption {
    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "output format (default ${DEFAULT-VALUE})")
    String format;

    /** The parsed format; bad input names the value. */
    OutputFormat format() {
        return OutputFormat.parse(format);
    }
}
