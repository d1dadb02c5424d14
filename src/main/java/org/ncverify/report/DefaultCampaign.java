package org.ncverify.report;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Preset;
import org.ncverify.instance.Rationals;
import org.ncverify.sampling.NearThreshold;

/**
 * The cases of the default campaign ({@link Campaign#defaultCampaign}), issue 14's list:
 * <ul>
 * <li>CIFAR-10-LT and CIFAR-100-LT by the published rule n_i = floor(n_max rho^(-i/(K-1)))
 *     ({@link NamedCase#longTail}; n_max 5000 and 500; rho = 10, 50, 100), d = 16 and 128
 *     (no bottleneck: d &gt;= K - 1), L = 2, every decay 1e-3;</li>
 * <li>ImageNet-LT's shape ({@link Preset#IMAGENET_LT}: K = 1000, 1280 down to 5), d = 512,
 *     L = 2, decays 1e-5 (512 directions survive: a real bottleneck r = 512 &lt; K - 1);</li>
 * <li>the small cases of the quick campaign: balanced, ties, bottleneck (d &lt; K - 1), deep
 *     (L = 6), and a near-threshold case built to be small (K = 4, N = 20, L = 2: lambda_H puts
 *     s_crit at s_2 (1 + 10^-6), so the second direction collapses by a hair;
 *     {@link NearThreshold#lambdaH}); these five also go to the optimizer.</li>
 * </ul>
 */
final class DefaultCampaign {
    /** The CIFAR imbalance ratios of the published benchmarks. */
    static final int[] RHOS = {10, 50, 100};
    /** How many of {@link #named()} (the first ones) are small enough for the optimizer. */
    static final int SMALL = 5;

    private DefaultCampaign() {
    }

    /** Every named case: the {@value #SMALL} small ones first, then CIFAR-10-LT, CIFAR-100-LT, ImageNet-LT. */
    static List<NamedCase> named() {
        List<NamedCase> named = new ArrayList<>(small());
        for (int rho : RHOS) {
            named.add(NamedCase.cifar10Lt(rho));
        }
        for (int rho : RHOS) {
            named.add(new NamedCase("CIFAR-100-LT rho=" + rho, NamedCase.of(NamedCase.longTail(100, 500, rho), 128, 2, "1e-3")));
        }
        named.add(new NamedCase("ImageNet-LT shape (--preset imagenet-lt)",
            NamedCase.of(Preset.IMAGENET_LT.sizes(), 512, 2, "1e-5")));
        return named;
    }

    /** Index in {@link #named()} of the long tail the spectrum and scalar-law plots show: CIFAR-100-LT rho = 100. */
    static int longTail() {
        return SMALL + 2 * RHOS.length - 1;
    }

    /** The small cases (the quick campaign's, with a small near-threshold case). */
    static List<NamedCase> small() {
        long[] sizes = {10, 5, 3, 2};
        Aprational[] lw = {Rationals.parseDecimal("lambda-w", "1e-3"), Rationals.parseDecimal("lambda-w", "1e-3")};
        Aprational lh = NearThreshold.lambdaH(sizes, 1, 1, 6, 2, lw, 40);
        return List.of(
            new NamedCase("balanced", NamedCase.of(new long[] {10, 10, 10, 10}, 6, 2, "1e-3")),
            new NamedCase("ties", NamedCase.of(new long[] {8, 8, 8, 3, 1}, 6, 2, "1e-3")),
            new NamedCase("bottleneck d < K-1", NamedCase.of(new long[] {10, 5, 3, 2, 1}, 3, 2, "1e-3")),
            new NamedCase("deep L=6", NamedCase.of(new long[] {10, 5, 3, 2}, 6, 6, "1e-3")),
            new NamedCase("near-threshold s_crit = s_2 (1 + 1e-6)", Instance.of(sizes, 6, null, 2, lw, lh)));
    }

    /** The optimizer steps: {@code starts} starts from {@code seed} on each small case. */
    static List<OptimizerCase> optimizer(List<NamedCase> small, int starts, long seed, int maxIterations) {
        return small.stream().map(c -> new OptimizerCase(c.label(), c.instance(), starts, seed, maxIterations)).toList();
    }
}
