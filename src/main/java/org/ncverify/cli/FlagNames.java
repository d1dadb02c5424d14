package org.ncverify.cli;

import java.util.Map;
import org.ncverify.instance.InputException;

/**
 * The map from the quantities the core's validation names (instance, optim, runs) to the
 * command-line flags that set them: "sizes[1] = 0: ..." from {@code Instance.of} is printed as
 * "--sizes[1] = 0: ...". The core never names a flag; this is the one place that knows both.
 */
final class FlagNames {
    private static final Map<String, String> FLAGS = Map.ofEntries(
        Map.entry("sizes", "--sizes"),
        Map.entry("dim", "--dim"),
        Map.entry("depth", "--depth"),
        Map.entry("widths", "--widths"),
        Map.entry("lambda_W", "--lambda-w"),
        Map.entry("lambda_H", "--lambda-h"),
        Map.entry("digits", "--digits"),
        Map.entry("starts", "--starts"),
        Map.entry("scales", "--init-scale"),
        Map.entry("maxIterations", "--max-iterations"));

    private FlagNames() {
    }

    /** The flag of a core quantity, or null when no flag sets it. */
    static String flag(String quantity) {
        return quantity == null ? null : FLAGS.get(quantity);
    }

    /** The one line the CLI prints for bad input: the quantity replaced by its flag, if any. */
    static String message(InputException e) {
        String flag = flag(e.quantity());
        return flag == null ? e.getMessage() : flag + e.detail();
    }
}
