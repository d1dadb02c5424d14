package org.ncverify.cli;

import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;
import picocli.CommandLine.Option;

/** The --rotation-seed option of solve and verify (a picocli mixin): which frames the closed form uses. */
final class FrameOption {
    @Option(names = "--rotation-seed", paramLabel = "seed",
        description = "build the minimizer with seeded random orthonormal frames R_0..R_{L-1} instead of unit vectors")
    Long rotationSeed;

    /** The closed form in canonical frames, or in the seeded random frames when --rotation-seed is given. */
    ClosedForm closedForm(Instance instance, Precision precision) {
        return rotationSeed == null ? ClosedForm.of(instance, precision) : ClosedForm.rotated(instance, precision, rotationSeed);
    }
}
