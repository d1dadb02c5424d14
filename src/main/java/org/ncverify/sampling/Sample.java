package org.ncverify.sampling;

import java.util.Objects;
import java.util.OptionalLong;
import org.ncverify.instance.Instance;

/**
 * A generated instance with where it came from: its profile, the seed of its draws when they
 * were seeded ({@link InstanceSampler#sample}), and a note (what the profile arranged, e.g.
 * which s_i sits at the threshold). Immutable.
 *
 * @param profile  the profile that generated it
 * @param seed     the seed of {@link SeededDraws}, or empty when another source drove the draws
 * @param instance the instance
 * @param note     what the profile arranged, one line
 */
public record Sample(Profile profile, OptionalLong seed, Instance instance, String note) {
    public Sample {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(note, "note");
    }

    /**
     * One line that reproduces the instance: the Java call from (profile, seed) when seeded,
     * and always the {@code ncverify solve} flags of the instance itself.
     */
    public String replay() {
        String from = seed.isPresent()
            ? "InstanceSampler.sample(Profile." + profile + ", " + seed.getAsLong() + "L)"
            : "profile " + profile + " (unseeded draws)";
        return "replay: " + from + " = ncverify solve " + instance.describe() + (note.isEmpty() ? "" : "  [" + note + "]");
    }

    @Override
    public String toString() {
        return replay();
    }
}
