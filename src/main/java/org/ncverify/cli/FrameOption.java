package org.ncverify.cli;

import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** The --rotation-seed option of solve and verify (a picocli mixin): which frames the closed form uses. */
final class FrameOption {
    @Option(names = "--rotation-seed", paramLabel = "seed",
        description = "build the minimizer with seeded random orthonormal frames R_0..R_{L-1} instead of unit vectors (a 64-bit integer)")
    Long rotationSeed;

    /** The seed of the random frames, empty for the canonical unit vectors. */
    OptionalLong seed() {
        return rotationSeed == null ? OptionalLong.empty() : OptionalLong.of(rotationSeed);
    }
}
