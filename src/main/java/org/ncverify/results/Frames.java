package org.ncverify.results;

import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * Which orthonormal frames R_0..R_{L-1} the closed form of SPEC section 5 uses: the canonical
 * unit vectors, or seeded random frames (every choice is a global minimizer).
 */
final class Frames {
    private Frames() {
    }

    /** The closed form in canonical frames, or in the seeded random frames when {@code seed} is present. */
    static ClosedForm closedForm(Instance instance, Precision precision, OptionalLong seed) {
        return closedForm(instance, precision, seed, Runnable::run);
    }

    /** As {@link #closedForm(Instance, Precision, OptionalLong)}; the canonical one computed on {@code executor}. */
    static ClosedForm closedForm(Instance instance, Precision precision, OptionalLong seed, Executor executor) {
        return seed.isPresent() ? ClosedForm.rotated(instance, precision, seed.getAsLong())
            : ClosedForm.of(instance, precision, executor);
    }
}
