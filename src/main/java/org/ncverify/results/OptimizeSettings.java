package org.ncverify.results;

import java.util.Arrays;

/**
 * How {@code optimize} runs: the number of seeded starts, the first seed (start i uses
 * seed + i), the initialisation scales used in turn (start i is N(0,1) * scales[i mod count]),
 * the L-BFGS iteration budget per start, and whether the best run is polished at high precision.
 * Immutable (the scales are copied in and out); the values are validated by the caller and by
 * {@link org.ncverify.runs.MultiStart}.
 */
public record OptimizeSettings(int starts, long seed, double[] scales, int maxIterations, boolean polish) {
    public OptimizeSettings {
        scales = scales.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizeSettings s && starts == s.starts && seed == s.seed
            && Arrays.equals(scales, s.scales) && maxIterations == s.maxIterations && polish == s.polish;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(scales) * 31 + Long.hashCode(seed) + starts + maxIterations;
    }

    @Override
    public String toString() {
        return "OptimizeSettings[starts=" + starts + ", seed=" + seed + ", scales=" + Arrays.toString(scales)
            + ", maxIterations=" + maxIterations + ", polish=" + polish + "]";
    }
}
