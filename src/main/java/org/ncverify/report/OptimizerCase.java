package org.ncverify.report;

import java.util.Objects;
import org.ncverify.instance.Instance;

/**
 * One optimizer step of a campaign: what {@code ncverify optimize} does on {@code instance}
 * with {@code starts} seeded starts (start i from seed + i, initialisation scale 1) of at
 * most {@code maxIterations} L-BFGS iterations, no polish; the best run judged by every claim.
 *
 * @param label         the case's label (a named case's)
 * @param instance      a small instance (the full objective has every feature column as a variable)
 * @param starts        number of starts, &gt;= 1
 * @param seed          first start's seed
 * @param maxIterations L-BFGS budget per start, &gt;= 1
 */
public record OptimizerCase(String label, Instance instance, int starts, long seed, int maxIterations) {
    public OptimizerCase {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(instance, "instance");
        if (starts < 1 || maxIterations < 1) {
            throw new IllegalArgumentException("starts and maxIterations must be >= 1: " + starts + ", " + maxIterations);
        }
    }

    /** The command line that repeats these runs and their verdicts at {@code digits}. */
    public String replay(int digits) {
        return "ncverify optimize " + instance.describe() + " --digits " + digits + " --starts " + starts + " --seed "
            + seed + " --init-scale 1.0 --max-iterations " + maxIterations;
    }
}
