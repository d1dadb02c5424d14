package org.ncverify.polish;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;

/**
 * The stopping and acceleration rule of {@link Polish} for a degenerate minimum
 * (proofs-notes/polish.md, "Degenerate minima"). It records log10 ||g_k|| after every Newton
 * step and log10 ||x_{k+1} - x_k|| of every accepted step.
 *
 * <ul>
 *   <li><b>Rate</b>: rho_w = the geometric mean of the last w ratios ||g_{k+1}|| / ||g_k||;
 *       {@link #rate()} reports it over the last min({@link #STOP_WINDOW}, steps taken) steps. Damped Newton at a nondegenerate
 *       minimum converges quadratically, so these ratios fall towards 0; at a minimum where
 *       the Hessian vanishes along a direction (f ~ t^4 there: s = s_crit, L = 1) Newton
 *       converges only linearly (t -&gt; 2t/3 for t^4, and the gradient ~ t^3 by (2/3)^3).</li>
 *   <li><b>Linear</b>: rho_3 ({@link #WINDOW} = 3) lies in [{@link #LINEAR_RATIO}, 1) (less than one digit gained a step).</li>
 *   <li><b>Extrapolation</b> (the rule that fits linear convergence): when the steps shrink
 *       by a steady factor c = ||s_k|| / ||s_{k-1}|| &lt; 1, the error is e_k ~ s_k / (1 - c)
 *       (geometric series), so the step s_k / (1 - c) removes the linear error component; the
 *       line search still guards it (it falls back by halving).</li>
 *   <li><b>Degenerate stop</b>: the mean ratio over the last {@link #STOP_WINDOW} steps is still
 *       {@link #LINEAR_RATIO} or more in spite of the extrapolation (quadratic convergence gains
 *       far more than a digit a step over that many steps, and reaches the target first): the
 *       polish stops with {@link PolishResult.Stop#DEGENERATE_LINEAR} instead of spending its
 *       budget.</li>
 * </ul>
 * Mutable, confined to one {@link Polish#refine} call.
 */
final class ConvergenceMonitor {
    /** Ratios that make up the rate. */
    static final int WINDOW = 3;
    /** A gradient ratio at or above this (and below 1) is a linear step. */
    static final double LINEAR_RATIO = 0.1;
    /** Steps over which a mean ratio of LINEAR_RATIO or more stops the polish. */
    static final int STOP_WINDOW = 12;
    /** Largest extrapolation factor 1 / (1 - c) tried. */
    static final double MAX_EXTRAPOLATION = 10;

    private static final double LN10 = Math.log(10);

    private final List<Double> gradients = new ArrayList<>();
    private final List<Double> steps = new ArrayList<>();
    /** Records ||g|| at the current iterate. */
    void gradient(Apfloat norm) {
        gradients.add(log10(norm));
    }

    /** Records the norm of an accepted step. */
    void step(Apfloat norm) {
        steps.add(log10(norm));
    }

    /** The geometric mean of the last min(STOP_WINDOW, steps) gradient ratios, NaN before any step. */
    double rate() {
        return rate(Math.max(1, Math.min(STOP_WINDOW, gradients.size() - 1)));
    }

    /** The geometric mean of the last w gradient ratios, NaN before there are w of them. */
    private double rate(int w) {
        int n = gradients.size();
        if (n <= w) {
            return Double.NaN;
        }
        return Math.pow(10, (gradients.get(n - 1) - gradients.get(n - 1 - w)) / w);
    }

    /** True when the mean ratio of the last WINDOW steps lies in [LINEAR_RATIO, 1). */
    boolean linear() {
        double r = rate(WINDOW);
        return r >= LINEAR_RATIO && r < 1;
    }

    /** True when the mean ratio of the last STOP_WINDOW steps is LINEAR_RATIO or more (less than a digit a step). */
    boolean degenerate() {
        return rate(STOP_WINDOW) >= LINEAR_RATIO;
    }

    /** 1 / (1 - c) with c the last step ratio, when linear and 0 &lt; c &lt; 1; else 1 (the Newton step). */
    double extrapolation() {
        int n = steps.size();
        if (!linear() || n < 2) {
            return 1;
        }
        double c = Math.pow(10, steps.get(n - 1) - steps.get(n - 2));
        return c > 0 && c < 1 ? Math.min(MAX_EXTRAPOLATION, 1 / (1 - c)) : 1;
    }

    /** log10 |x| at 20 digits (no double underflow below 1e-308); -infinity for 0. */
    static double log10(Apfloat x) {
        if (x.signum() == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return ApfloatMath.log(ApfloatMath.abs(x).precision(20)).doubleValue() / LN10;
    }
}
