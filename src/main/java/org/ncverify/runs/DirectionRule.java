package org.ncverify.runs;

import java.util.List;
import org.apfloat.Apfloat;
import org.ncverify.instance.Instance;
import org.ncverify.theory.Branch;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarLaw;
import org.ncverify.theory.ScalarSolution;

/**
 * How many directions of a double point survive, with a threshold derived from the theory and
 * the run's accuracy (proofs-notes/optimizer.md, "Counting surviving directions"). Immutable.
 *
 * <ul>
 * <li><b>Positive floor p_low</b>: the smallest value a positive singular value of P = W_L...W_1 X
 *     takes at a local minimizer. L = 1: the stationary singular values are p*(s_j) = s_j - N lambda_bar
 *     for some of the s_j, so p_low = min {s_j - N lambda_bar &gt; 0} over every j (bottleneck
 *     ignored: a conservative minimum). L &gt;= 2: a positive local minimizer of phi_s lies on the
 *     larger root of (s - p) p^((L-1)/(L+1)) = N lambda_bar, p &gt;= (L-1) s / (2L), and that root exists
 *     only for s &gt;= s_min = 2 s_crit / (L+1)^((L+1)/(2L)), so p_low = (L-1) s_min / (2L).</li>
 * <li><b>Collapse radius zeta</b> at gradient norm g: the largest singular value a direction whose
 *     minimizer value is 0 shows at that gradient, from the scalar reduction (first order, near a
 *     balanced point): L &gt;= 2, every factor is held by its decay, a_j &lt;= g / lambda_j, so
 *     sigma &lt;= g^(L+1) / Lambda; L = 1, the worst case is s = s_crit, where f along the balanced
 *     curve is t^4 / (2N) and |f'| = 2 t^3 / N &lt;= c g (c = sqrt(r + 1/r), r = sqrt(lambda_H / lambda_W)),
 *     so sigma = t^2 &lt;= (N c g / 2)^(2/3). zeta is twice that estimate plus the rounding of P.</li>
 * <li><b>Count</b>: k = #{sigma_i &gt; tau}, tau = p_low / 2. Ambiguous when zeta &gt;= tau / 2 (the
 *     run's accuracy cannot tell 0 from the smallest positive value) or when some sigma_i lies in
 *     (zeta, tau] (near neither 0 nor a positive local minimizer: a saddle or an unconverged
 *     direction).</li>
 * <li><b>Admissible counts</b>: the theory's number of p*(s_i) &gt; 0, and, for the m of them at
 *     s_crit (both 0 and the jump minimize phi there), every count down to that minus m.</li>
 * </ul>
 */
public final class DirectionRule {
    private final int depth;
    private final long samples;
    private final double lambdaProduct;
    private final double balanceFactor;
    private final double positiveFloor;
    private final CountRange admissible;
    private final int referenceCount;

    private DirectionRule(int depth, long samples, double lambdaProduct, double balanceFactor, double positiveFloor,
                          CountRange admissible, int referenceCount) {
        this.depth = depth;
        this.samples = samples;
        this.lambdaProduct = lambdaProduct;
        this.balanceFactor = balanceFactor;
        this.positiveFloor = positiveFloor;
        this.admissible = admissible;
        this.referenceCount = referenceCount;
    }

    /** The rule of the closed form's instance. */
    public static DirectionRule of(ClosedForm reference) {
        Instance inst = reference.instance();
        List<ScalarSolution> sol = reference.solutions();
        int surviving = reference.survivingDirections();
        int atThreshold = (int) sol.stream().filter(x -> x.branch() == Branch.AT_THRESHOLD && x.p().signum() > 0).count();
        double r = Math.sqrt(inst.lambdaH().doubleValue() / inst.lambdaW(1).doubleValue());
        return new DirectionRule(inst.depth(), inst.total(), inst.lambdaProduct().doubleValue(), Math.sqrt(r + 1 / r),
            positiveFloor(reference), new CountRange(surviving - atThreshold, surviving), surviving);
    }

    private static double positiveFloor(ClosedForm reference) {
        int depth = reference.instance().depth();
        if (depth >= 2) {
            double sMin = 2 * reference.threshold().doubleValue() / Math.pow(depth + 1, (depth + 1) / (2.0 * depth));
            return (depth - 1) * sMin / (2.0 * depth);
        }
        ScalarLaw law = reference.law();
        double floor = Double.POSITIVE_INFINITY;
        for (Apfloat s : reference.spectrum().singularValues()) {
            Apfloat p = s.signum() > 0 ? law.solve(s).p() : Apfloat.ZERO;
            if (p.signum() > 0) {
                floor = Math.min(floor, p.doubleValue());
            }
        }
        return floor;
    }

    /** The counts of the theory's global minimizers. */
    public CountRange admissible() {
        return admissible;
    }

    /** The count of the closed form's own minimizer (the jump taken at s_crit). */
    public int referenceCount() {
        return referenceCount;
    }

    /** p_low: the smallest positive singular value of P at a local minimizer. */
    public double positiveFloor() {
        return positiveFloor;
    }

    /** tau = p_low / 2. */
    public double threshold() {
        return positiveFloor / 2;
    }

    /** zeta at gradient norm g, with {@code roundingFloor} the rounding level of the computed singular values. */
    public double collapseRadius(double gradientNorm, double roundingFloor) {
        double model = depth == 1 ? Math.pow(samples * balanceFactor * gradientNorm / 2, 2.0 / 3)
            : Math.pow(gradientNorm, depth + 1) / lambdaProduct;
        return 2 * model + roundingFloor;
    }

    /** The count of the singular values {@code sv} of P at a point with gradient norm g. */
    public DirectionCount count(double[] sv, double gradientNorm, double roundingFloor) {
        double tau = threshold();
        double zeta = collapseRadius(gradientNorm, roundingFloor);
        int k = 0;
        String why = "";
        if (!Double.isFinite(zeta) || !(zeta < tau / 2)) {
            why = String.format("collapse radius %.2e at ||grad f|| = %.2e reaches half the threshold %.2e", zeta,
                gradientNorm, tau);
        }
        for (int i = 0; i < sv.length; i++) {
            if (!Double.isFinite(sv[i])) {
                why = "singular value " + (i + 1) + " of W_L...W_1 X is not finite";
            } else if (sv[i] > tau) {
                k++;
            } else if (sv[i] > zeta && why.isEmpty()) {
                why = String.format("singular value %d of W_L...W_1 X, %.2e, lies between the collapse radius %.2e and"
                    + " the threshold %.2e", i + 1, sv[i], zeta, tau);
            }
        }
        return new DirectionCount(k, admissible, tau, zeta, why);
    }
}
