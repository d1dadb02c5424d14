package org.ncverify.polish;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.Precision;

/**
 * Truncated conjugate gradients (Steihaug style, no trust region) for the damped Newton
 * system
 * <pre>
 *   (H + mu I) s = -g,
 * </pre>
 * started from s = 0 so that every iterate lies in the Krylov space of g: the components of
 * s along the (near-)null space of H are those of g, which the symmetries make orthogonal
 * to that null space (see {@link Polish}). Stops when ||(H + mu I) s + g|| &lt;= tol, when a
 * direction of non-positive curvature p^T (H + mu I) p &lt;= 0 appears (returning the iterate
 * so far, or -g if it is the first direction), or after {@code maxProducts} products.
 */
final class DampedCg {
    private DampedCg() {
    }

    /**
     * The outcome: the step, the Hessian-vector products used, whether CG stopped on
     * non-positive curvature, the final residual, and the smallest Rayleigh quotient
     * d^T H d / d^T d (the shift mu removed) over its search directions d: an upper bound on
     * the smallest eigenvalue of H on the Krylov space of g, so on the curvature the step sees.
     */
    record Step(Apfloat[] step, int products, boolean negativeCurvature, Apfloat residual, Apfloat minCurvature) {
        Step {
            step = step.clone();
        }

        @Override
        public Apfloat[] step() {
            return step.clone();
        }
    }

    static Step solve(HessianVector hess, Apfloat mu, Apfloat[] g, Apfloat tol, int maxProducts, Precision p) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[] s = FlatVectors.zeros(g.length);
        Apfloat[] r = FlatVectors.scale(p.of(-1L), g, p);
        Apfloat[] d = r;
        Apfloat rr = FlatVectors.dot(r, r, p);
        Apfloat tolSq = h.multiply(tol, tol);
        int products = 0;
        Apfloat minCurv = null;
        while (products < maxProducts && rr.compareTo(tolSq) > 0) {
            Apfloat[] hd = FlatVectors.axpy(hess.apply(d), mu, d, p);
            products++;
            Apfloat curv = FlatVectors.dot(d, hd, p);
            Apfloat rayleigh = h.subtract(h.divide(curv, FlatVectors.dot(d, d, p)), mu);
            minCurv = minCurv == null || rayleigh.compareTo(minCurv) < 0 ? rayleigh : minCurv;
            if (curv.signum() <= 0) {
                return new Step(products == 1 ? r : s, products, true, sqrt(h, rr), minCurv);
            }
            Apfloat alpha = h.divide(rr, curv);
            s = FlatVectors.axpy(s, alpha, d, p);
            r = FlatVectors.axpy(r, h.negate(alpha), hd, p);
            Apfloat rrNew = FlatVectors.dot(r, r, p);
            d = FlatVectors.axpy(r, h.divide(rrNew, rr), d, p);
            rr = rrNew;
        }
        return new Step(s, products, false, sqrt(h, rr), minCurv);
    }

    private static Apfloat sqrt(FixedPrecisionApfloatHelper h, Apfloat v) {
        return v.signum() == 0 ? Apfloat.ZERO : h.sqrt(v);
    }
}
