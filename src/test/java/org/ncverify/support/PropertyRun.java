package org.ncverify.support;

import static org.quicktheories.QuickTheory.qt;

import java.util.function.Consumer;
import org.quicktheories.core.Gen;

/**
 * Runs a QuickTheories property from a JUnit 5 test with the suite's budgets and a replay line.
 *
 * <ul>
 * <li>Budget: {@code -Dncverify.tries=T} is the number of instances each claim must see
 *     (default {@link #DEFAULT_TRIES}); a test splits it among its properties with
 *     {@link #share}.</li>
 * <li>Seed: {@code -DQT_SEED=N} replays a run; otherwise a fresh seed is taken from the clock.
 *     A failure is rethrown with the seed and a one-line {@code mvn} command that replays it.</li>
 * <li>Shrinking: at most {@code -Dncverify.shrinks} cycles (default 20): each cycle re-runs a
 *     40-digit check, and QuickTheories shrinks poorly through our draws anyway (NUMERICS.md).</li>
 * </ul>
 */
public final class PropertyRun {
    /** Instances per claim in the default budget. */
    public static final int DEFAULT_TRIES = 400;

    private PropertyRun() {
    }

    /** T = {@code ncverify.tries}, or the default. */
    public static int tries() {
        return Integer.getInteger("ncverify.tries", DEFAULT_TRIES);
    }

    /** ceil(T * numerator / denominator), at least 1. */
    public static int share(int numerator, int denominator) {
        return Math.max(1, (int) Math.ceil((double) tries() * numerator / denominator));
    }

    /** The seed of this run: {@code QT_SEED} when given, else the clock. */
    public static long seed() {
        return Long.getLong("QT_SEED", System.nanoTime());
    }

    /**
     * Checks {@code property} on {@code examples} values of {@code gen}.
     *
     * @param replay the mvn selector of the test to replay, e.g. "ClaimPropertiesTest#mixed"
     * @param flags  further -D flags the replay needs (e.g. the profile), or ""
     */
    public static <T> void check(String replay, String flags, Gen<T> gen, int examples, Consumer<T> property) {
        long seed = seed();
        long start = System.nanoTime();
        try {
            qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(Integer.getInteger("ncverify.shrinks", 20))
                .forAll(gen).checkAssert(property);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("property " + replay + " failed with seed " + seed + "\nreplay: " + command(replay, seed) + flags
                + "\n" + e.getMessage(), e);
        }
        System.out.printf("property %s: %d examples, seed %d, %.1f s%n", replay, examples, seed,
            (System.nanoTime() - start) / 1e9);
    }

    /** The one-line command that replays a property run. */
    public static String command(String replay, long seed) {
        String tries = System.getProperty("ncverify.tries");
        return "mvn -B -o test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='" + replay + "' -DQT_SEED=" + seed
            + (tries == null ? "" : " -Dncverify.tries=" + tries);
    }
}
