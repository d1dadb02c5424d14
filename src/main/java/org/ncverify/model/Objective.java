package org.ncverify.model;

import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

/**
 * The objective of SPEC section 1,
 * <pre>
 *   f(W_1..W_L, H, b) = 1/(2N) ||W_L ... W_1 H + b 1_N^T - Y||_F^2
 *                       + sum_l lambda_{W_l}/2 ||W_l||_F^2 + lambda_H/2 ||H||_F^2,
 * </pre>
 * Y one-hot (sample of class k has target e_k), evaluated from the definition together
 * with its gradient by back-propagation.
 *
 * <p>Identical columns are grouped exactly: a stored column of class k with multiplicity
 * w_k contributes w_k ||r||^2 to the data sum, w_k ||h||^2 to ||H||_F^2, w_k r to the bias
 * gradient and w_k g_l a_{l-1}^T to each weight gradient, so N columns are never formed.
 * Each class block (d x q_k) is processed as one matrix:
 * <pre>
 *   A_0 = B_k, A_l = W_l A_{l-1}           (forward, l = 1..L)
 *   R = A_L + (b - e_k) 1^T                 (K x q_k residuals)
 *   G_L = R / N;  dW_l += w_k G_l A_{l-1}^T; G_{l-1} = W_l^T G_l   (backward, l = L..1)
 *   grad of one sample column = G_0 + lambda_H B_k
 * </pre>
 * All arithmetic runs at the given precision's working digits (P + G) through its
 * fixed-precision helper; the point's matrices are re-rounded to it first when needed.
 */
public final class Objective {
    private Objective() {
    }

    /**
     * f and its gradient at x, computed at precision p.
     *
     * @throws IllegalArgumentException when x was not built for an instance equal to inst
     */
    public static Evaluation evaluate(Instance inst, Point x, Precision p) {
        if (!inst.equals(x.instance())) {
            throw new IllegalArgumentException("the point was built for " + x.instance() + ", not for " + inst);
        }
        FixedPrecisionApfloatHelper h = p.helper();
        int depth = inst.depth();
        int k = inst.classes();
        Apfloat invN = h.divide(p.of(1L), p.of(inst.total()));
        Apfloat half = p.ofBinary(0.5);
        Apfloat lambdaH = p.of(inst.lambdaH());

        ApMatrix[] w = new ApMatrix[depth + 1];
        ApMatrix[] wt = new ApMatrix[depth + 1];
        ApMatrix[] dataW = new ApMatrix[depth + 1];
        for (int l = 1; l <= depth; l++) {
            w[l] = at(x.weight(l), p);
            wt[l] = w[l].transpose();
            dataW[l] = ApMatrix.zeros(inst.layerDim(l), inst.layerDim(l - 1), p);
        }
        Apfloat[] b = x.bias();
        for (int c = 0; c < k; c++) {
            b[c] = b[c].signum() == 0 ? Apfloat.ZERO : p.of(b[c]);
        }

        // T_l = ||W_L ... W_{l+1}||_F (T_L = 1): bounds how rounding in a residual reaches layer l
        Apfloat[] suffixNorm = new Apfloat[depth + 1];
        suffixNorm[depth] = Apfloat.ONE;
        ApMatrix suffix = null;
        for (int l = depth; l >= 1; l--) {
            suffix = suffix == null ? w[l] : suffix.multiply(w[l]);
            suffixNorm[l - 1] = suffix.frobeniusNorm();
        }
        Apfloat biasNorm = ApMatrix.norm(b, p);
        Apfloat[] biasSum = new Apfloat[k];
        java.util.Arrays.fill(biasSum, Apfloat.ZERO);
        Apfloat dataSum = Apfloat.ZERO;      // sum_i ||r_i||^2
        Apfloat residualNormSum = Apfloat.ZERO; // sum_i m_i (1 + sum_l T_l ||a_{l-1,i}|| + T_0), see roundingMagnitude
        Apfloat featureSq = Apfloat.ZERO;    // ||H||_F^2 = sum_k w_k ||B_k||^2
        Apfloat dataFeatureSq = Apfloat.ZERO; // sum_k w_k ||G_0,k||^2
        Apfloat gradFeatureSq = Apfloat.ZERO; // sum_k w_k ||grad block k||^2
        List<ApMatrix> gradFeatures = new ArrayList<>(k);
        long[] mult = new long[k];

        for (int c = 0; c < k; c++) {
            long m = x.multiplicity(c);
            mult[c] = m;
            Apfloat mf = p.of(m);
            ApMatrix[] a = new ApMatrix[depth + 1];
            a[0] = at(x.classBlock(c), p);
            for (int l = 1; l <= depth; l++) {
                a[l] = w[l].multiply(a[l - 1]);
            }
            int q = a[0].cols();
            Apfloat[][] r = new Apfloat[k][q];
            Apfloat blockSq = Apfloat.ZERO;
            for (int i = 0; i < k; i++) {
                Apfloat rowSum = Apfloat.ZERO;
                for (int j = 0; j < q; j++) {
                    Apfloat v = h.add(a[depth].get(i, j), b[i]);
                    if (i == c) {
                        v = h.subtract(v, Apfloat.ONE);
                    }
                    r[i][j] = v;
                    if (v.signum() != 0) {
                        rowSum = h.add(rowSum, v);
                        Apfloat sq = h.multiply(v, v);
                        blockSq = h.add(blockSq, sq);
                    }
                }
                biasSum[i] = h.add(biasSum[i], times(h, rowSum, m, mf));
            }
            dataSum = h.add(dataSum, times(h, blockSq, m, mf));
            residualNormSum = h.add(residualNormSum, times(h, roundingMagnitude(p, a, suffixNorm, biasNorm), m, mf));

            ApMatrix g = ApMatrix.of(r, p).scale(invN);
            for (int l = depth; l >= 1; l--) {
                ApMatrix gw = m == 1 ? g : g.scale(mf);
                dataW[l] = dataW[l].add(gw.multiply(a[l - 1].transpose()));
                g = wt[l].multiply(g);
            }
            ApMatrix gradBlock = g.add(a[0].scale(lambdaH));
            gradFeatures.add(gradBlock);
            featureSq = h.add(featureSq, times(h, a[0].frobeniusNormSquared(), m, mf));
            dataFeatureSq = h.add(dataFeatureSq, times(h, g.frobeniusNormSquared(), m, mf));
            gradFeatureSq = h.add(gradFeatureSq, times(h, gradBlock.frobeniusNormSquared(), m, mf));
        }

        Apfloat[] gradBias = new Apfloat[k];
        Apfloat biasSq = Apfloat.ZERO;
        for (int i = 0; i < k; i++) {
            gradBias[i] = biasSum[i].signum() == 0 ? Apfloat.ZERO : h.multiply(biasSum[i], invN);
            if (gradBias[i].signum() != 0) {
                biasSq = h.add(biasSq, h.multiply(gradBias[i], gradBias[i]));
            }
        }

        Apfloat penalty = h.multiply(h.multiply(half, lambdaH), featureSq);
        Apfloat gradSq = h.add(gradFeatureSq, biasSq);
        Apfloat dataSq = h.add(dataFeatureSq, biasSq);
        Apfloat penaltySq = h.multiply(h.multiply(lambdaH, lambdaH), featureSq);
        List<ApMatrix> gradW = new ArrayList<>(depth);
        for (int l = 1; l <= depth; l++) {
            Apfloat lw = p.of(inst.lambdaW(l));
            Apfloat wSq = w[l].frobeniusNormSquared();
            penalty = h.add(penalty, h.multiply(h.multiply(half, lw), wSq));
            penaltySq = h.add(penaltySq, h.multiply(h.multiply(lw, lw), wSq));
            ApMatrix gl = dataW[l].add(w[l].scale(lw));
            gradW.add(gl);
            gradSq = h.add(gradSq, gl.frobeniusNormSquared());
            dataSq = h.add(dataSq, dataW[l].frobeniusNormSquared());
        }
        Apfloat dataTerm = h.multiply(h.multiply(half, invN), dataSum);
        Apfloat value = h.add(dataTerm, penalty);

        Apfloat norm = sqrt(h, gradSq);
        Apfloat dataNorm = sqrt(h, dataSq);
        Apfloat penaltyNorm = sqrt(h, penaltySq);
        Apfloat meanResidual = h.multiply(residualNormSum, invN);
        Apfloat scale = h.add(h.add(dataNorm, penaltyNorm), meanResidual);
        Gradient gradient = new Gradient(gradW, gradFeatures, mult, gradBias, norm, dataNorm, penaltyNorm,
            meanResidual, scale);
        return new Evaluation(value, dataTerm, penalty, gradient, p);
    }

    /**
     * sum over the columns j of one block of m_j (1 + T_0 + sum_{l=1..L} T_l ||a_{l-1,j}||), with
     * m_j = ||a_{L,j}|| + ||b|| + 1 the magnitude of the terms that cancel in the residual
     * r_j = a_{L,j} + b - e_k. Rounding r_j at unit roundoff eps errs by O(eps m_j); that error
     * reaches grad_b with weight 1, grad_{h} through (W_L...W_1)^T (norm &lt;= T_0) and
     * grad_{W_l} through (W_L...W_{l+1})^T r a_{l-1}^T (norm &lt;= T_l ||a_{l-1}||).
     */
    private static Apfloat roundingMagnitude(Precision p, ApMatrix[] a, Apfloat[] suffixNorm, Apfloat biasNorm) {
        FixedPrecisionApfloatHelper h = p.helper();
        int depth = a.length - 1;
        Apfloat total = Apfloat.ZERO;
        for (int j = 0; j < a[0].cols(); j++) {
            Apfloat out = ApMatrix.norm(a[depth].column(j), p);
            Apfloat m = h.add(h.add(out, biasNorm), Apfloat.ONE);
            Apfloat reach = h.add(Apfloat.ONE, suffixNorm[0]);
            for (int l = 1; l <= depth; l++) {
                Apfloat in = ApMatrix.norm(a[l - 1].column(j), p);
                reach = h.add(reach, h.multiply(suffixNorm[l], in));
            }
            total = h.add(total, h.multiply(m, reach));
        }
        return total;
    }

    /** The value of f only (same computation; the gradient is discarded). */
    public static Apfloat value(Instance inst, Point x, Precision p) {
        return evaluate(inst, x, p).value();
    }

    private static Apfloat times(FixedPrecisionApfloatHelper h, Apfloat v, long m, Apfloat mf) {
        if (m == 1 || v.signum() == 0) {
            return v;
        }
        return h.multiply(v, mf);
    }

    private static Apfloat sqrt(FixedPrecisionApfloatHelper h, Apfloat v) {
        return v.signum() == 0 ? Apfloat.ZERO : h.sqrt(v);
    }

    /** m at precision p: unchanged when it already is at p's working digits, else re-rounded. */
    private static ApMatrix at(ApMatrix m, Precision p) {
        Precision q = m.precision();
        if (q == p || (q.digits() == p.digits() && q.guard() == p.guard())) {
            return m;
        }
        return m.withPrecision(p);
    }
}
