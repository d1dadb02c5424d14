package org.ncverify.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** L-BFGS and its strong Wolfe line search on test functions with known minimizers. */
class LbfgsTest {
    /** f(x) = 1 + 1/2 sum_i c_i (x_i - 1)^2 with c_i from 1 to 1e4 (condition number 1e4; f* = 1, so ||g|| / |f| is the absolute gradient). */
    static DifferentiableFunction quadratic(int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = Math.pow(1e4, (double) i / (n - 1));
        }
        return function(n, (x, g) -> {
            double f = 1;
            for (int i = 0; i < n; i++) {
                double d = x[i] - 1;
                f += 0.5 * c[i] * d * d;
                g[i] = c[i] * d;
            }
            return f;
        });
    }

    /** The extended Rosenbrock function, minimum 0 at (1, ..., 1). */
    static DifferentiableFunction rosenbrock(int n) {
        return function(n, (x, g) -> {
            double f = 0;
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i + 1 < n; i++) {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1 - x[i];
                f += 100 * a * a + b * b;
                g[i] += -400 * a * x[i] - 2 * b;
                g[i + 1] += 200 * a;
            }
            return f;
        });
    }

    /** A function of n variables from its value-and-gradient rule. */
    static DifferentiableFunction function(int n, java.util.function.ToDoubleBiFunction<double[], double[]> rule) {
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                return rule.applyAsDouble(x, g);
            }
        };
    }

    @Test
    void convexQuadraticToItsMinimizer() {
        DifferentiableFunction f = quadratic(200);
        LbfgsResult r = new Lbfgs(new LbfgsOptions(10, 1e-12, 10_000, 20_000)).minimize(f, new double[200]);
        assertEquals(LbfgsResult.Stop.GRADIENT, r.stop(), r::toString);
        for (double xi : r.point()) {
            assertEquals(1.0, xi, 1e-9);
        }
        // scipy L-BFGS-B (maxcor 10) needs 1026 iterations to reach ||g|| = 3e-6 on this function
        assertTrue(r.iterations() < 2500, "iterations " + r.iterations());
        assertEquals(r.iterations() + 1, r.trace().length);
        double[] t = r.trace();
        for (int i = 1; i < t.length; i++) {
            // monotone, up to the rounding level admitted by an approximate Wolfe step
            assertTrue(t[i] <= t[i - 1] + LbfgsOptions.EPS_F * Math.abs(t[i - 1]), "objective increased at iteration " + i);
        }
    }

    @Test
    void rosenbrockToItsMinimizer() {
        for (int n : new int[] {2, 10}) {
            double[] x0 = new double[n];
            for (int i = 0; i < n; i++) {
                x0[i] = i % 2 == 0 ? -1.2 : 1.0;
            }
            LbfgsResult r = new Lbfgs(new LbfgsOptions(10, 0, 5_000, 10_000)).minimize(rosenbrock(n), x0);
            assertTrue(r.converged(), r::toString);
            for (double xi : r.point()) {
                assertEquals(1.0, xi, 1e-7, "n = " + n);
            }
            assertTrue(r.value() < 1e-20, "f = " + r.value());
            assertTrue(r.strongSteps() > r.approximateSteps(), "strong " + r.strongSteps() + " approx " + r.approximateSteps());
        }
    }

    @Test
    void budgetStops() {
        LbfgsResult r = new Lbfgs(new LbfgsOptions(10, 0, 7, 1000)).minimize(rosenbrock(4), new double[] {-1.2, 1, -1.2, 1});
        assertEquals(LbfgsResult.Stop.MAX_ITERATIONS, r.stop());
        assertEquals(7, r.iterations());
        assertTrue(!r.converged());
    }

    /**
     * Every accepted step of the line search satisfies what it claims: the strong Wolfe
     * conditions, recomputed here from a fresh evaluation, or (approximate Wolfe) the strong
     * curvature condition with a value within the rounding level of f(x). Searched along the
     * steepest descent and random descent directions from random points of the Rosenbrock
     * function and of the full UFM objective.
     */
    @Test
    void acceptedStepsSatisfyTheWolfeConditions() {
        List<DifferentiableFunction> fs = new ArrayList<>();
        fs.add(rosenbrock(6));
        fs.add(FullObjective.of(FullObjectiveTest.shape("5,3,2", 4, "3", 2)));
        SplittableRandom rnd = new SplittableRandom(11);
        int accepted = 0;
        for (DifferentiableFunction f : fs) {
            int n = f.dimension();
            WolfeLineSearch ls = new WolfeLineSearch(f, LbfgsOptions.C1, LbfgsOptions.C2, LbfgsOptions.EPS_F, 40);
            for (int trial = 0; trial < 200; trial++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = rnd.nextGaussian();
                }
                double[] g = new double[n];
                double f0 = f.evaluate(x, g);
                double[] p = new double[n];
                double g0 = 0;
                for (int i = 0; i < n; i++) {
                    p[i] = trial % 2 == 0 ? -g[i] : -g[i] + 0.5 * rnd.nextGaussian() * Math.abs(g[i]);
                    g0 += g[i] * p[i];
                }
                if (!(g0 < 0)) {
                    continue;
                }
                double a0 = Math.pow(10, rnd.nextInt(-4, 3));
                WolfeLineSearch.Acceptance acc = ls.search(x, f0, g0, p, a0);
                if (acc == WolfeLineSearch.Acceptance.FAILED) {
                    continue;
                }
                accepted++;
                double a = ls.step();
                double[] xa = new double[n];
                for (int i = 0; i < n; i++) {
                    xa[i] = x[i] + a * p[i];
                }
                double[] ga = new double[n];
                double fa = f.evaluate(xa, ga);
                double slope = 0;
                for (int i = 0; i < n; i++) {
                    slope += ga[i] * p[i];
                }
                assertTrue(Math.abs(slope) <= LbfgsOptions.C2 * Math.abs(g0), "curvature at trial " + trial);
                if (acc == WolfeLineSearch.Acceptance.STRONG_WOLFE) {
                    assertTrue(fa <= f0 + LbfgsOptions.C1 * a * g0, "sufficient decrease at trial " + trial);
                } else {
                    assertTrue(fa <= f0 + LbfgsOptions.EPS_F * Math.abs(f0), "approximate decrease at trial " + trial);
                }
            }
        }
        assertTrue(accepted > 300, "accepted " + accepted + " of 400 searches");
    }

    @Test
    void cubicInterpolationFindsTheMinimizerOfACubic() {
        // phi(a) = (a - 2)^2 (a + 1) = a^3 - 3a^2 + 4, phi' = 3a^2 - 6a: local minimizer at a = 2
        double m = WolfeLineSearch.cubicMinimizer(0, 4, 0 - 0.0, 3, 4, 9);
        assertEquals(2.0, m, 1e-12);
    }
}
