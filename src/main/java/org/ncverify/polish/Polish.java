package org.ncverify.polish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Evaluation;
import org.ncverify.model.Objective;
import org.ncverify.model.Point;

/**
 * High-precision polish of an approximate minimizer of the FULL objective f of SPEC section 1
 * (every sample its own feature column, every layer, the bias): a damped Newton-CG method at
 * P digits (plus guard digits) for small instances.
 *
 * <p><b>Why the Hessian is singular.</b> f is invariant under the continuous gauge group: for
 * each hidden space l = 0..L-1 (l = 0 is the feature space) and each orthogonal Q of size
 * d_l, (W_{l+1}, W_l) -&gt; (W_{l+1} Q^T, Q W_l) (with W_0 read as H) leaves every product and
 * every Frobenius norm unchanged. (Rotations of tied singular blocks of U and V are of this
 * form too, absorbed in the frames R_l of the closed form.) So the minimizers form manifolds,
 * and at a minimizer the Hessian vanishes on the tangent of the orbit, spanned by
 * (.., -W_{l+1} S, S W_l, ..) for skew S: up to sum_l d_l (d_l - 1) / 2 zero eigenvalues. At
 * any point the gradient is orthogonal to that tangent (differentiate f(x) = f(g x)).
 *
 * <p><b>Method.</b> At the iterate x with gradient g:
 * <ol>
 *   <li>Levenberg shift mu = c ||g|| (c = {@link PolishOptions#damping()}): solve
 *       (H + mu I) s = -g by truncated CG ({@link DampedCg}) from s = 0, to the residual
 *       eta ||g|| with the forcing term eta = max(min(0.1, ||g||), 0.1 target / ||g||)
 *       (quadratic convergence, never beyond what the target needs), stopping early on
 *       non-positive curvature. Along the orbit directions H + mu I has eigenvalues of order
 *       ||g||, and g has no component there, so the step stays bounded and moves x towards the
 *       nearest minimizer (the Levenberg-Marquardt analysis for non-isolated minima with a
 *       local error bound, Yamashita-Fukushima: mu ~ ||g|| keeps quadratic convergence).</li>
 *   <li>Backtracking (halving) until the Armijo condition
 *       f(x + t s) &lt;= f(x) + 1e-4 t g.s + delta_f holds, where delta_f = 100 eps (|f| +
 *       roundingMagnitude) is the rounding level of the computed f (eps = 10^-(P+G)); near the
 *       end the decrease is below that level and the full step is taken.</li>
 * </ol>
 * Hessian-vector products are exact ({@link HessianVector}: forward-over-reverse, no
 * finite-difference truncation); their rounding error is about eps (||H|| ||v|| + the
 * cancelling magnitudes), far below the CG tolerance eta ||g|| &gt;= 0.1 target as long as
 * eps = 10^-(P+G) &lt;&lt; 10^-(target exponent), which the default (P = 40, G = 12, target
 * 10^-35) gives with 17 digits to spare. f and g come from {@link Objective#evaluate}, whose
 * gradient carries an error of order eps * scale, so a gradient norm of 1e-35 is measured to
 * about 15 significant digits.
 *
 * <p>Stateless utility class.
 */
public final class Polish {
    /** Largest N accepted (the "small instances"). */
    public static final int MAX_SAMPLES = 64;
    /** Largest feature dimension and hidden width accepted. */
    public static final int MAX_WIDTH = 8;
    /** Largest depth accepted. */
    public static final int MAX_DEPTH = 3;

    private static final int MAX_HALVINGS = 40;

    private Polish() {
    }

    /**
     * Refine {@code start} (a point of the full objective; stored class means are expanded to
     * one column per sample) at {@code digits} significant digits plus guard digits.
     *
     * @throws IllegalArgumentException when the instance is not small (N &lt;= 64, every d_l &lt;= 8
     *                                  for l &lt; L, L &lt;= 3), digits is outside 10..1000, or the
     *                                  target exponent exceeds digits
     */
    public static PolishResult refine(Point start, int digits, PolishOptions options) {
        if (start == null || options == null) {
            throw new IllegalArgumentException("start point and options are required");
        }
        Instance inst = start.instance();
        checkSmall(inst);
        if (digits < Precision.MIN_DIGITS || digits > 1000) {
            throw new IllegalArgumentException("digits = " + digits + " must be in " + Precision.MIN_DIGITS + "..1000");
        }
        int targetExp = options.targetExponent(digits);
        if (targetExp > digits) {
            throw new IllegalArgumentException("target 1e-" + targetExp + " is beyond the " + digits
                + " working digits");
        }
        long t0 = System.nanoTime();
        Precision p = Precision.of(digits, Precision.DEFAULT_GUARD + options.extraGuard());
        FixedPrecisionApfloatHelper h = p.helper();
        FlatPoints layout = FlatPoints.of(inst);
        Apfloat target = p.pow10(-targetExp);
        Apfloat tenth = h.divide(p.of(1L), p.of(10L));
        Apfloat armijo = p.pow10(-4);
        Apfloat noiseFactor = h.multiply(p.of(100L), p.epsilon());
        Apfloat damping = p.ofBinary(options.damping());

        Apfloat[] x = layout.vector(start, p);
        Evaluation ev = evaluate(layout, x, p);
        int evaluations = 1;
        int products = 0;
        int iterations = 0;
        List<Apfloat> trace = new ArrayList<>();
        ConvergenceMonitor monitor = new ConvergenceMonitor();
        Apfloat minCurvature = null;
        int extrapolated = 0;
        PolishResult.Stop stop;
        while (true) {
            Apfloat gn = ev.gradient().norm();
            trace.add(gn);
            monitor.gradient(gn);
            if (gn.compareTo(target) <= 0 && relative(ev, p).compareTo(target) <= 0) {
                stop = PolishResult.Stop.CONVERGED;
                break;
            }
            if (monitor.degenerate()) {
                stop = PolishResult.Stop.DEGENERATE_LINEAR;
                break;
            }
            if (iterations >= options.maxIterations()) {
                stop = PolishResult.Stop.ITERATION_BUDGET;
                break;
            }
            if (products >= options.maxHessianProducts()) {
                stop = PolishResult.Stop.PRODUCT_BUDGET;
                break;
            }
            Apfloat[] g = layout.vector(ev.gradient(), p);
            Apfloat eta = max(min(tenth, gn), h.divide(h.multiply(tenth, target), gn));
            Apfloat mu = damping.signum() == 0 ? Apfloat.ZERO : h.multiply(damping, gn);
            int cap = Math.min(options.maxHessianProducts() - products, 2 * layout.size());
            DampedCg.Step cg = DampedCg.solve(new HessianVector(layout, x, p), mu, g, h.multiply(eta, gn), cap, p);
            products += cg.products();
            iterations++;
            minCurvature = cg.minCurvature() == null || minCurvature != null && minCurvature.compareTo(cg.minCurvature()) <= 0
                ? minCurvature : cg.minCurvature();
            Apfloat[] s = cg.step();
            Apfloat slope = FlatVectors.dot(g, s, p);
            if (slope.signum() >= 0) {
                s = FlatVectors.scale(p.of(-1L), g, p);
                slope = h.negate(h.multiply(gn, gn));
            }
            Apfloat f = ev.value();
            Apfloat noise = h.multiply(noiseFactor, h.add(ApfloatMath.abs(f), ev.gradient().roundingMagnitude()));
            double stretch = monitor.extrapolation();
            Apfloat t = p.ofBinary(stretch);
            Evaluation accepted = null;
            Apfloat[] next = null;
            for (int k = 0; k <= MAX_HALVINGS; k++) {
                Apfloat[] trial = FlatVectors.axpy(x, t, s, p);
                Evaluation te = evaluate(layout, trial, p);
                evaluations++;
                Apfloat bound = h.add(h.add(f, h.multiply(h.multiply(armijo, t), slope)), noise);
                if (te.value().compareTo(bound) <= 0) {
                    accepted = te;
                    next = trial;
                    break;
                }
                t = h.multiply(t, p.ofBinary(0.5));
            }
            if (accepted == null) {
                stop = PolishResult.Stop.LINE_SEARCH_FAILED;
                break;
            }
            extrapolated += stretch > 1 && t.compareTo(Apfloat.ONE) > 0 ? 1 : 0;
            monitor.step(h.multiply(t, FlatVectors.norm(s, p)));
            x = next;
            ev = accepted;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);
        return new PolishResult(layout.point(x, p), p, ev.value(), ev.gradient().norm(), relative(ev, p),
            h.multiply(p.epsilon(), ev.gradient().scale()), iterations,
            products, evaluations, wall, trace, stop, monitor.rate(), minCurvature, extrapolated);
    }

    /** Refine with {@link PolishOptions#defaults()}. */
    public static PolishResult refine(Point start, int digits) {
        return refine(start, digits, PolishOptions.defaults());
    }

    /**
     * A start point from double-precision values (an optimizer's result): W_1..W_L as
     * {@code weights[l-1][i][j]}, the features H as {@code features[i][s]} (d x N, samples
     * grouped by class, class 0 first), the bias b. Every entry is taken exactly: its binary
     * value ({@link Precision#ofBinary}) at a precision with as many digits as the longest
     * exact expansion among the entries ({@link Precision#binaryDigits}), so nothing is rounded.
     *
     * @throws IllegalArgumentException naming the first non-finite entry or a wrong shape
     */
    public static Point startFromDoubles(Instance inst, double[][][] weights, double[][] features, double[] bias) {
        if (inst == null || weights == null || features == null || bias == null) {
            throw new IllegalArgumentException("instance, weights, features and bias are required");
        }
        int exact = 17;
        for (int l = 0; l < weights.length; l++) {
            exact = Math.max(exact, checkFinite("W_" + (l + 1), weights[l]));
        }
        exact = Math.max(exact, checkFinite("H", features));
        exact = Math.max(exact, checkFinite("b", new double[][] {bias}));
        Precision p = Precision.of(exact, 0);
        List<ApMatrix> ws = new ArrayList<>(weights.length);
        for (double[][] w : weights) {
            ws.add(ApMatrix.of(w, p));
        }
        Apfloat[] b = new Apfloat[bias.length];
        for (int c = 0; c < b.length; c++) {
            b[c] = p.ofBinary(bias[c]);
        }
        return Point.ofFeatures(inst, ws, ApMatrix.of(features, p), b);
    }

    /** Checks every entry is finite; returns the digits of the longest exact binary expansion. */
    private static int checkFinite(String name, double[][] m) {
        int digits = 1;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + m[i][j]
                        + ": the start point must be finite");
                }
                digits = Math.max(digits, Precision.binaryDigits(m[i][j]));
            }
        }
        return digits;
    }

    /**
     * Checks that the instance is small enough for the polish (N &lt;= 64, every d_l &lt;= 8 for
     * l &lt; L, L &lt;= 3).
     *
     * @throws IllegalArgumentException naming the value that is too large
     */
    public static void checkSmall(Instance inst) {
        if (inst.total() > MAX_SAMPLES) {
            throw new IllegalArgumentException("N = " + inst.total() + ": the polish takes N <= " + MAX_SAMPLES
                + " samples (every sample is a variable column)");
        }
        if (inst.depth() > MAX_DEPTH) {
            throw new IllegalArgumentException("L = " + inst.depth() + ": the polish takes depth L <= " + MAX_DEPTH);
        }
        for (int l = 0; l < inst.depth(); l++) {
            if (inst.layerDim(l) > MAX_WIDTH) {
                throw new IllegalArgumentException("d_" + l + " = " + inst.layerDim(l) + ": the polish takes widths <= "
                    + MAX_WIDTH + (l == 0 ? " (d is the feature dimension)" : ""));
            }
        }
    }

    private static Evaluation evaluate(FlatPoints layout, Apfloat[] x, Precision p) {
        return Objective.evaluate(layout.instance(), layout.point(x, p), p);
    }

    private static Apfloat relative(Evaluation ev, Precision p) {
        return p.helper().divide(ev.gradient().norm(), ev.gradient().scale());
    }

    private static Apfloat min(Apfloat a, Apfloat b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Apfloat max(Apfloat a, Apfloat b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
