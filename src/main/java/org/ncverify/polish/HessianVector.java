package org.ncverify.polish;

import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

/**
 * Exact (analytic) Hessian-vector products of the full objective f of SPEC section 1 at a
 * fixed point x, by forward-over-reverse differentiation of the back-propagation of
 * {@link org.ncverify.model.Objective}. With all N samples as the columns of H (d x N):
 * <pre>
 *   A_0 = H, A_l = W_l A_{l-1};  R = A_L + b 1^T - Y;  G_L = R / N,  G_{l-1} = W_l^T G_l
 *   grad_{W_l} = G_l A_{l-1}^T + lambda_l W_l,  grad_H = G_0 + lambda_H H,  grad_b = G_L 1.
 * </pre>
 * Differentiating along a direction v = (Wd_l, Hd, bd) (dots denote derivatives):
 * <pre>
 *   Ad_0 = Hd,  Ad_l = Wd_l A_{l-1} + W_l Ad_{l-1};   Gd_L = (Ad_L + bd 1^T) / N
 *   Gd_{l-1} = W_l^T Gd_l + Wd_l^T G_l                               (l = L..1)
 *   (Hv)_{W_l} = Gd_l A_{l-1}^T + G_l Ad_{l-1}^T + lambda_l Wd_l
 *   (Hv)_H     = Gd_0 + lambda_H Hd
 *   (Hv)_b     = Gd_L 1.
 * </pre>
 * This is the exact Hessian applied to v (no finite-difference truncation); its only error
 * is rounding at the working precision of q, about eps_q (||H|| ||v|| + the magnitude of the
 * cancelling terms), a product of 6L matrix products of size d_l x d_{l-1} x N.
 *
 * <p>Immutable once built; the forward and backward passes at x are computed once.
 */
final class HessianVector {
    private final FlatPoints layout;
    private final Precision p;
    private final int depth;
    private final ApMatrix[] w;
    private final ApMatrix[] wt;
    private final ApMatrix[] a;
    private final ApMatrix[] at;
    private final ApMatrix[] g;
    private final Apfloat[] lambdaW;
    private final Apfloat lambdaH;
    private final Apfloat invN;

    HessianVector(FlatPoints layout, Apfloat[] x, Precision p) {
        this.layout = layout;
        this.p = p;
        Instance inst = layout.instance();
        this.depth = inst.depth();
        FixedPrecisionApfloatHelper h = p.helper();
        this.invN = h.divide(p.of(1L), p.of(inst.total()));
        this.lambdaH = p.of(inst.lambdaH());
        this.lambdaW = new Apfloat[depth + 1];
        this.w = new ApMatrix[depth + 1];
        this.wt = new ApMatrix[depth + 1];
        this.a = new ApMatrix[depth + 1];
        this.at = new ApMatrix[depth + 1];
        this.g = new ApMatrix[depth + 1];
        a[0] = layout.features(x, p);
        for (int l = 1; l <= depth; l++) {
            lambdaW[l] = p.of(inst.lambdaW(l));
            w[l] = layout.weight(x, l, p);
            wt[l] = w[l].transpose();
            a[l] = w[l].multiply(a[l - 1]);
        }
        for (int l = 0; l <= depth; l++) {
            at[l] = a[l].transpose();
        }
        g[depth] = residual(inst, a[depth], layout.bias(x)).scale(invN);
        for (int l = depth; l >= 1; l--) {
            g[l - 1] = wt[l].multiply(g[l]);
        }
    }

    /** R = A_L + b 1^T - Y (K x N, Y one-hot by the class of each sample). */
    private ApMatrix residual(Instance inst, ApMatrix out, Apfloat[] b) {
        FixedPrecisionApfloatHelper h = p.helper();
        int k = inst.classes();
        Apfloat[][] r = new Apfloat[k][layout.samples()];
        int s = 0;
        for (int c = 0; c < k; c++) {
            for (long j = 0; j < inst.size(c); j++, s++) {
                for (int i = 0; i < k; i++) {
                    Apfloat v = h.add(out.get(i, s), b[i]);
                    r[i][s] = i == c ? h.subtract(v, Apfloat.ONE) : v;
                }
            }
        }
        return ApMatrix.of(r, p);
    }

    /** The precision the products are computed at. */
    Precision precision() {
        return p;
    }

    /** The gradient of f at x (flat), from the same passes; equal to Objective's up to rounding. */
    Apfloat[] gradient() {
        ApMatrix[] gw = new ApMatrix[depth + 1];
        for (int l = 1; l <= depth; l++) {
            gw[l] = g[l].multiply(at[l - 1]).add(w[l].scale(lambdaW[l]));
        }
        ApMatrix gh = g[0].add(a[0].scale(lambdaH));
        return layout.vector(gw, gh, rowSums(g[depth]), p);
    }

    /** H v for a flat direction v (same layout), by the formulas of the class comment. */
    Apfloat[] apply(Apfloat[] v) {
        ApMatrix[] wd = new ApMatrix[depth + 1];
        ApMatrix[] ad = new ApMatrix[depth + 1];
        ad[0] = layout.features(v, p);
        for (int l = 1; l <= depth; l++) {
            wd[l] = layout.weight(v, l, p);
            ad[l] = wd[l].multiply(a[l - 1]).add(w[l].multiply(ad[l - 1]));
        }
        Apfloat[] bd = layout.bias(v);
        ApMatrix gdL = addToColumns(ad[depth], bd).scale(invN);
        ApMatrix gd = gdL;
        ApMatrix[] hw = new ApMatrix[depth + 1];
        for (int l = depth; l >= 1; l--) {
            hw[l] = gd.multiply(at[l - 1]).add(g[l].multiply(ad[l - 1].transpose())).add(wd[l].scale(lambdaW[l]));
            gd = wt[l].multiply(gd).add(wd[l].transpose().multiply(g[l]));
        }
        ApMatrix hh = gd.add(ad[0].scale(lambdaH));
        return layout.vector(hw, hh, rowSums(gdL), p);
    }

    /** M + c 1^T. */
    private ApMatrix addToColumns(ApMatrix m, Apfloat[] c) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[][] r = m.toArray();
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] = h.add(r[i][j], c[i]);
            }
        }
        return ApMatrix.of(r, p);
    }

    /** M 1. */
    private Apfloat[] rowSums(ApMatrix m) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[] s = new Apfloat[m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            Apfloat acc = Apfloat.ZERO;
            for (int j = 0; j < m.cols(); j++) {
                acc = h.add(acc, m.get(i, j));
            }
            s[i] = acc;
        }
        return s;
    }
}
