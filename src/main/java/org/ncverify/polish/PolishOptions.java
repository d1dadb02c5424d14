package org.ncverify.polish;

/**
 * Settings of {@link Polish#refine}. Immutable; start from {@link #defaults()} and change one
 * setting at a time with the {@code with...} methods, each of which validates its value.
 *
 * <ul>
 *   <li>target exponent e: stop once ||grad f|| &lt;= 10^-e AND ||grad f|| / scale &lt;= 10^-e
 *       (scale = {@link org.ncverify.model.Gradient#scale()}); default e = digits - 5, so
 *       10^-35 at 40 digits;</li>
 *   <li>iteration budget (Newton steps, default 40) and Hessian-vector product budget
 *       (default 20000);</li>
 *   <li>damping factor c: the Levenberg shift is mu = c ||grad f|| (default 1);</li>
 *   <li>extra guard digits on top of {@link org.ncverify.linalg.Precision#DEFAULT_GUARD}
 *       (default 0).</li>
 * </ul>
 */
public final class PolishOptions {
    /** Default distance between the working digits P and the target exponent: 10^-(P-5). */
    public static final int DEFAULT_TARGET_OFFSET = 5;

    private final Integer targetExponent;
    private final int maxIterations;
    private final int maxHessianProducts;
    private final double damping;
    private final int extraGuard;

    private PolishOptions(Integer targetExponent, int maxIterations, int maxHessianProducts, double damping,
                          int extraGuard) {
        this.targetExponent = targetExponent;
        this.maxIterations = maxIterations;
        this.maxHessianProducts = maxHessianProducts;
        this.damping = damping;
        this.extraGuard = extraGuard;
    }

    /** Target 10^-(digits - 5), 40 iterations, 20000 products, mu = ||g||, no extra guard. */
    public static PolishOptions defaults() {
        return new PolishOptions(null, 40, 20_000, 1.0, 0);
    }

    /** Stop at ||grad f|| &lt;= 10^-e (absolute and relative to the scale); e &gt;= 1. */
    public PolishOptions withTargetExponent(int e) {
        if (e < 1) {
            throw new IllegalArgumentException("target exponent " + e + " must be >= 1 (target 10^-e)");
        }
        return new PolishOptions(e, maxIterations, maxHessianProducts, damping, extraGuard);
    }

    /** At most this many Newton steps (&gt;= 1). */
    public PolishOptions withMaxIterations(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("iteration budget " + n + " must be >= 1");
        }
        return new PolishOptions(targetExponent, n, maxHessianProducts, damping, extraGuard);
    }

    /** At most this many Hessian-vector products in all (&gt;= 1). */
    public PolishOptions withMaxHessianProducts(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Hessian-vector product budget " + n + " must be >= 1");
        }
        return new PolishOptions(targetExponent, maxIterations, n, damping, extraGuard);
    }

    /** Levenberg factor c in mu = c ||grad f||; finite and &gt;= 0 (0: undamped Newton-CG). */
    public PolishOptions withDamping(double c) {
        if (!Double.isFinite(c) || c < 0) {
            throw new IllegalArgumentException("damping factor " + c + " must be finite and >= 0");
        }
        return new PolishOptions(targetExponent, maxIterations, maxHessianProducts, c, extraGuard);
    }

    /** Guard digits added to the default guard (0..1000). */
    public PolishOptions withExtraGuard(int g) {
        if (g < 0 || g > 1000) {
            throw new IllegalArgumentException("extra guard digits " + g + " must be in 0..1000");
        }
        return new PolishOptions(targetExponent, maxIterations, maxHessianProducts, damping, g);
    }

    /** The target exponent at the given working digits: the set one, else digits - 5. */
    public int targetExponent(int digits) {
        return targetExponent != null ? targetExponent : digits - DEFAULT_TARGET_OFFSET;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public int maxHessianProducts() {
        return maxHessianProducts;
    }

    public double damping() {
        return damping;
    }

    public int extraGuard() {
        return extraGuard;
    }

    @Override
    public String toString() {
        String target = targetExponent == null ? "digits-" + DEFAULT_TARGET_OFFSET : "1e-" + targetExponent;
        return "PolishOptions[target=" + target
            + ", maxIterations=" + maxIterations + ", maxHessianProducts=" + maxHessianProducts
            + ", damping=" + damping + ", extraGuard=" + extraGuard + "]";
    }
}
