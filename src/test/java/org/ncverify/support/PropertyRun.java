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
 * <li>Seed: fixed by default ({@link #DEFAULT_SEED}), so CI and every local run draw the same
 *     instances. Exploration is opt-in: {@code -Dncverify.seed=random} takes a fresh seed from
 *     the clock, {@code -Dncverify.seed=N} (or QuickTheories' own {@code -DQT_SEED=N}) replays
 *     seed N. A failure is rethrown with the seed and a one-line {@code mvn} command that
 *     replays it.</li>
 * <li>Shrinking: at most {@code -Dncverify.shrinks} cycles (default 20): each cycle re-runs a
 *     40-digit check, and QuickTheories shrinks poorly through our draws anyway (NUMERICS.md).</li>
 * </ul>
 */
public final class PropertyRun {
    /** The seed of a run that asks for none: the same instances in CI and on every machine. */
    public static final long DEFAULT_SEED = 20_241_126L;
    /** The system property that chooses the seed: a number, or {@code random}. */
    public static final String SEED_PROPERTY = "ncverify.seed";

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

    /**
     * The seed of this run: {@code ncverify.seed} (a number, or {@code random} for the clock),
     * else {@code QT_SEED}, else {@link #DEFAULT_SEED}.
     *
     * @throws IllegalArgumentException when {@code ncverify.seed} is neither a number nor "random"
     */
    public static long seed() {
        return seed(System.getProperty(SEED_PROPERTY), System.getProperty("QT_SEED"));
    }

    /** {@link #seed()} for the given property values (either may be null). */
    static long seed(String chosen, String qtSeed) {
        String s = chosen != null ? chosen.trim() : qtSeed != null ? qtSeed.trim() : null;
        if (s == null || s.isEmpty()) {
            return DEFAULT_SEED;
        }
        if (s.equalsIgnoreCase("random")) {
            return System.nanoTime();
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PROPERTY + " = " + s + ": give a number or 'random'", e);
        }
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
        return "mvn -B -o test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='" + replay + "' -D" + SEED_PROPERTY + "=" + seed
            + (tries == null ? "" : " -Dncverify.tries=" + tries);
    }
}
