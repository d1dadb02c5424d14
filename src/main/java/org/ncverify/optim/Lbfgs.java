package org.ncverify.optim;

import java.util.Arrays;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., Algorithm 7.4
 * and 7.5): the direction p_k = -H_k g_k from the two-loop recursion over the last m pairs
 * s_i = x_{i+1} - x_i, y_i = g_{i+1} - g_i, with H_k^0 = (s^T y / y^T y) I from the newest
 * pair; the step from a {@link WolfeLineSearch} (first iteration a_0 = min(1, 1/||g_0||),
 * then a_0 = 1). The strong Wolfe conditions give s^T y &gt; 0; a pair with
 * s^T y &lt;= 1e-12 ||s|| ||y|| (possible after an approximate-Wolfe step) is skipped.
 *
 * <p>Stops on the relative gradient norm ||g_k|| / |f_k| &lt;= tolerance, on the iteration or
 * evaluation budget, on a non-finite value, or when no step is found (after one restart with
 * the memory cleared): the rounding floor of double precision. Records iterations,
 * evaluations, wall time and the objective after each iteration.
 *
 * <p>All buffers (m pairs of n doubles, the iterate, its gradient, the direction) are
 * allocated once per run; an iteration allocates nothing.
 */
public final class Lbfgs {
    /** Receives every iteration (k = 0 is the start point). */
    public interface Listener {
        void iteration(int k, double value, double gradientNorm, long elapsedNanos);
    }

    private final LbfgsOptions options;

    public Lbfgs(LbfgsOptions options) {
        this.options = options;
    }

    /** Minimizes f from x0 (not modified). */
    public LbfgsResult minimize(DifferentiableFunction f, double[] x0) {
        return minimize(f, x0, (k, v, g, t) -> { });
    }

    /** Minimizes f from x0 (not modified), reporting each iteration to the listener. */
    public LbfgsResult minimize(DifferentiableFunction f, double[] x0, Listener listener) {
        long start = System.nanoTime();
        int n = f.dimension();
        if (x0.length != n) {
            throw new IllegalArgumentException("start point has " + x0.length + " entries, expected " + n);
        }
        int m = options.memory();
        double[][] s = new double[m][n];
        double[][] y = new double[m][n];
        double[] rho = new double[m];
        double[] alpha = new double[m];
        double[] x = x0.clone();
        double[] g = new double[n];
        double[] p = new double[n];
        WolfeLineSearch ls = new WolfeLineSearch(f, LbfgsOptions.C1, LbfgsOptions.C2, LbfgsOptions.EPS_F,
            LbfgsOptions.LINE_SEARCH_EVALUATIONS);
        Trace trace = new Trace();
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        double gnorm = norm(g);
        trace.add(fx);
        listener.iteration(0, fx, gnorm, System.nanoTime() - start);
        int stored = 0;
        int newest = -1;
        int iterations = 0;
        int strong = 0;
        int approximate = 0;
        boolean restarted = false;
        LbfgsResult.Stop stop = null;
        while (stop == null) {
            if (!Double.isFinite(fx) || !Double.isFinite(gnorm)) {
                stop = LbfgsResult.Stop.NON_FINITE;
                break;
            }
            if (gnorm <= options.gradientTolerance() * (fx == 0 ? 1 : Math.abs(fx))) {
                stop = LbfgsResult.Stop.GRADIENT;
                break;
            }
            if (iterations >= options.maxIterations()) {
                stop = LbfgsResult.Stop.MAX_ITERATIONS;
                break;
            }
            if (evaluations >= options.maxEvaluations()) {
                stop = LbfgsResult.Stop.MAX_EVALUATIONS;
                break;
            }
            direction(g, p, s, y, rho, alpha, stored, newest, m);
            double slope = dot(g, p);
            if (!(slope < 0)) {
                // not a descent direction (rounding in the memory): fall back to -g
                for (int i = 0; i < n; i++) {
                    p[i] = -g[i];
                }
                slope = -gnorm * gnorm;
                stored = 0;
            }
            double a0 = iterations == 0 || stored == 0 ? Math.min(1.0, 1.0 / norm(p)) : 1.0;
            WolfeLineSearch.Acceptance acc = ls.search(x, fx, slope, p, a0);
            evaluations += ls.evaluations();
            if (acc == WolfeLineSearch.Acceptance.FAILED) {
                if (restarted || stored == 0) {
                    stop = LbfgsResult.Stop.LINE_SEARCH;
                    break;
                }
                restarted = true;
                stored = 0;
                continue;
            }
            restarted = false;
            if (acc == WolfeLineSearch.Acceptance.STRONG_WOLFE) {
                strong++;
            } else {
                approximate++;
            }
            double[] xt = ls.point();
            double[] gt = ls.gradient();
            int slot = (newest + 1) % m;
            double[] sk = s[slot];
            double[] yk = y[slot];
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double si = xt[i] - x[i];
                double yi = gt[i] - g[i];
                sk[i] = si;
                yk[i] = yi;
                sy += si * yi;
                ss += si * si;
                yy += yi * yi;
                x[i] = xt[i];
                g[i] = gt[i];
            }
            if (sy > 1e-12 * Math.sqrt(ss * yy)) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, m);
            }
            fx = ls.value();
            gnorm = norm(g);
            iterations++;
            trace.add(fx);
            listener.iteration(iterations, fx, gnorm, System.nanoTime() - start);
        }
        return new LbfgsResult(x, fx, g, gnorm, iterations, evaluations, System.nanoTime() - start, stop,
            trace.toArray(), strong, approximate);
    }

    /** p = -H g by the two-loop recursion over the stored pairs, newest first. */
    private static void direction(double[] g, double[] p, double[][] s, double[][] y, double[] rho, double[] alpha,
                                  int stored, int newest, int m) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            p[i] = -g[i];
        }
        if (stored == 0) {
            return;
        }
        for (int j = 0, idx = newest; j < stored; j++, idx = (idx - 1 + m) % m) {
            double a = rho[idx] * dot(s[idx], p);
            alpha[idx] = a;
            axpy(-a, y[idx], p);
        }
        double[] yn = y[newest];
        double gamma = 1.0 / (rho[newest] * dot(yn, yn));
        for (int i = 0; i < n; i++) {
            p[i] *= gamma;
        }
        int oldest = (newest - stored + 1 + m) % m;
        for (int j = 0, idx = oldest; j < stored; j++, idx = (idx + 1) % m) {
            double b = rho[idx] * dot(y[idx], p);
            axpy(alpha[idx] - b, s[idx], p);
        }
    }

    static double dot(double[] a, double[] b) {
        return Kernels.dot(a, 0, b, 0, a.length);
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double c, double[] a, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] += c * a[i];
        }
    }

    /** A growable list of doubles (the objective after each iteration). */
    private static final class Trace {
        private double[] data = new double[64];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, 2 * size);
            }
            data[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
