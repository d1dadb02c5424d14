package org.ncverify.spectrum;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * The error bounds of {@link SingularVectors}: the pairs' residual norms
 * ({@link SingularVectors#yhatResidualBound}, {@link SingularVectors#yhatTransposeResidualBound})
 * the rounding of the partial-fraction Gram entries ({@link SingularVectors#gramRoundingBounds},
 * including the double evaluation of {@link ScaledGram}) and the frame errors
 * ({@link SingularVectors#frameErrors}); the contracts are stated there.
 */
final class PairBounds {
    private PairBounds() {
    }

    static Apfloat residual(SingularVectors sv, int i, boolean transpose) {
        StoredPair p = sv.pair(i);
        boolean inDoubleRange = sv.spectrum().precision().working() <= SUMS_MAX_WORKING_DIGITS;
        Apfloat fromSums = p.support == null && inDoubleRange ? secularResidual(sv, p, transpose) : null;
        return fromSums != null ? fromSums : directResidual(sv, i, transpose);
    }

    /**
     * The largest working precision at which {@link #secularResidual} runs: its terms (about 10^-W) are
     * doubles, normal down to 2.2e-308; above it the direct route (20-digit Apfloat sums) is taken.
     */
    static final long SUMS_MAX_WORKING_DIGITS = 250;

    /**
     * The residual bound from the stored values, entry by entry at the working precision (the contract of
     * {@link SingularVectors#yhatResidualBound}); every tied pair, and a secular pair whose bound from the
     * sums is not finite.
     */
    static Apfloat directResidual(SingularVectors sv, int i, boolean transpose) {
        StoredPair p = sv.pair(i);
        FixedPrecisionApfloatHelper h = sv.spectrum().precision().helper();
        FixedPrecisionApfloatHelper low = new FixedPrecisionApfloatHelper(SingularVectors.BOUND_DIGITS);
        Apfloat[] x = transpose ? p.u : p.v;      // the vector Yhat (or Yhat^T) is applied to
        Apfloat[] y = transpose ? p.v : p.u;      // the vector it should equal s times
        long total = sv.spectrum().groups().total();
        // coupling c = sqrt(n)^T v (Yhat v) or n^T u (Yhat^T u), and the sum of its terms' magnitudes
        // (magnitudes are allowances: doubles, O(1) in size)
        // (c is the same sum as SingularVectors.sizeComponent / rightNullComponent: taken from there, computed once)
        Apfloat c = transpose ? sv.sizeComponent(p) : sv.rightNullComponent(i);
        double cAbs = 0;
        double[] xs = sv.doubles(p, transpose);
        double[] ys = sv.doubles(p, !transpose);
        double[] xd = new double[x.length];
        double[] yd = new double[x.length];
        double[] sqd = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            xd[t] = Math.abs(xs[t]);
            yd[t] = Math.abs(ys[t]);
            sqd[t] = sv.sqrtSizeDouble(p, t);
            cAbs += sv.multiplicity(p, t) * (transpose ? sv.size(p, t) : sqd[t]) * xd[t];
        }
        Apfloat cOverN = h.divide(c, new Apint(total));
        double cBoundOverN = (Math.abs(c.doubleValue()) + cAbs) / total;
        Apfloat s = sv.spectrum().singularValue(p.index);
        double sd = s.doubleValue();
        Apfloat sumSq = Apfloat.ZERO;
        double magSq = 0;
        for (int t = 0; t < x.length; t++) {
            Apfloat sq = sv.sqrtSize(p, t);
            Apfloat r;
            double mag;
            if (transpose) {
                r = h.subtract(h.multiply(sq, h.subtract(x[t], cOverN)), h.multiply(s, y[t]));
                mag = sqd[t] * (xd[t] + cBoundOverN) + sd * yd[t];
            } else {
                r = h.subtract(h.subtract(h.multiply(sq, x[t]), h.multiply(sv.exactSize(p, t), cOverN)), h.multiply(s, y[t]));
                mag = sqd[t] * xd[t] + sv.size(p, t) * cBoundOverN + sd * yd[t];
            }
            Apfloat rl = low.valueOf(r);
            Apfloat sq2 = low.multiply(rl, rl);
            Apint w = sv.weight(p, t);
            sumSq = low.add(sumSq, w == Apint.ONE ? sq2 : low.multiply(w, sq2)); // 1 x: the same value, no product
            magSq += sv.multiplicity(p, t) * mag * mag;
        }
        Apfloat gammaEps = low.multiply(new Apfloat(sv.roundingFactor(), SingularVectors.BOUND_DIGITS), sv.unitError());
        Apfloat bound = low.add(low.sqrt(sumSq), low.multiply(gammaEps, allowance(magSq, p.u.length + 16L)));
        if (p.support != null) {
            Apfloat cTrue = low.add(ApfloatMath.abs(low.valueOf(c)), low.multiply(gammaEps, allowance(cAbs * cAbs, p.u.length + 16L)));
            Apfloat spread = transpose ? low.sqrt(new Apfloat(total, SingularVectors.BOUND_DIGITS))
                : low.sqrt(low.valueOf(sumOfSquaredSizes(sv)));
            bound = low.add(bound, low.divide(low.multiply(cTrue, spread), new Apfloat(total, SingularVectors.BOUND_DIGITS)));
        }
        return bound;
    }

    /**
     * The residual bound of a secular pair from the sums it already carries (proofs-notes/C11-stationarity.md,
     * "Pair residuals from the sums"), O(D) in double: no working-precision pass over the groups. With the
     * ideal vectors u^_t = inv c_t r_t, v^_t = sqrt(c_t) s inv r_t of the stored root mu, inv and s
     * (r_t = 1/(c_t - mu) exact; the stored entries are within (2D + 10) u' of them, {@link #storedRounding}):
     * <pre>
     *   Yhat v^ - s u^   = -(s inv S0 / N) n,                               S0 = sum_t m_t c_t r_t,
     *   Yhat^T u^ - s v^ = inv sqrt(n) o ((1 - S1/N) 1 + (mu - s^2) r),     S1 = sum_t m_t c_t^2 r_t,
     * </pre>
     * so ||Yhat v - s u|| &lt;= s inv |S0| sqrt(sum n_k^2) / N + ||Yhat dv|| + s ||du|| and
     * ||Yhat^T u - s v|| &lt;= inv |S1 - N| / sqrt(N) + inv |mu - s^2| sqrt(sum_t m_t c_t r_t^2) + ||Yhat^T du|| + s ||dv||,
     * with du, dv the stored vectors' differences from the ideal ones, entry by entry at most e |x_t|,
     * e = (2D + 10) u' (so ||Yhat dv|| &lt;= e (||D v|| + ||n|| sum_t m_t sqrt(c_t) |v_t| / N) and
     * ||Yhat^T du|| &lt;= e (||D u|| + sqrt(N) sum_t m_t c_t |u_t| / N)),
     * |S0| and |S1 - N| from the stored W-digit sums plus their rounding gamma u' of the
     * sums of magnitudes (batch reciprocals 2D + 1 operations, products and the D-term sum D + 3), and
     * mu - s^2 exact (s^2 at 2W + 2 digits). The magnitudes sum_t m_t c_t |r_t| = sum_t m_t sqrt(c_t) |v_t| / (s inv),
     * sum_t m_t c_t^2 |r_t| = sum_t m_t c_t |u_t| / inv and sum_t m_t c_t r_t^2 = sum_t m_t v_t^2 / (s inv)^2
     * come from the stored values in double; the result is rounded up by a relative 1e-6.
     */
    private static Apfloat secularResidual(SingularVectors sv, StoredPair p, boolean transpose) {
        SizeGroups g = sv.spectrum().groups();
        long w = sv.spectrum().precision().working();
        double unit = sv.unitError().doubleValue();
        double gu = sv.roundingFactor() * unit;
        double[] ud = sv.doubles(p, true);
        double[] vd = sv.doubles(p, false);
        double s = sv.spectrum().singularValue(p.index).doubleValue();
        double inv = p.inv.doubleValue();
        double sInv = s * inv;
        double sizesSq = 0;
        double magS0 = 0;
        double magS1 = 0;
        double uSq = 0;
        double vSq = 0;
        double cuu = 0;
        double cvv = 0;
        for (int t = 0; t < ud.length; t++) {
            double m = g.multiplicity(t);
            double c = g.value(t);
            sizesSq += m * c * c;
            magS0 += m * Math.sqrt(c) * Math.abs(vd[t]);
            magS1 += m * c * Math.abs(ud[t]);
            uSq += m * ud[t] * ud[t];
            vSq += m * vd[t] * vd[t];
            cuu += m * c * ud[t] * ud[t];
            cvv += m * c * vd[t] * vd[t];
        }
        double total = g.total();
        // the stored entries' rounding through Yhat, entry by entry (|delta_t| <= e |x_t|, e = (2D + 10) u' (1 + 1e-6)):
        // ||Yhat delta_v|| <= e (||D v|| + ||n|| sum m sqrt(c) |v| / N), ||Yhat^T delta_u|| <= e (||D u|| + sqrt(N) sum m c |u| / N)
        double e = entryError(sv) * (1 + 1e-6);
        double yv = e * (Math.sqrt(cvv) + Math.sqrt(sizesSq) * magS0 / total);
        double yu = e * (Math.sqrt(cuu) + Math.sqrt(total) * magS1 / total);
        double su = s * e * Math.sqrt(uSq);
        double sv2n = s * e * Math.sqrt(vSq);
        magS0 /= sInv;
        magS1 /= inv;
        double rSq = vSq / (sInv * sInv);
        double bound;
        if (transpose) {
            FixedPrecisionApfloatHelper wide = new FixedPrecisionApfloatHelper(2 * w + 2);
            Apfloat sv2 = sv.spectrum().singularValue(p.index);
            double gap = ApfloatMath.abs(wide.subtract(wide.add(new Apint(p.origin), p.delta), wide.multiply(sv2, sv2))).doubleValue();
            double s1 = ApfloatMath.abs(sv.spectrum().precision().helper().subtract(p.s1, new Apint(g.total()))).doubleValue() + gu * magS1;
            bound = inv * s1 / Math.sqrt(total) + inv * gap * Math.sqrt(rSq) + yu + sv2n;
        } else {
            double s0 = Math.abs(p.s0.doubleValue()) + gu * magS0;
            bound = sInv * s0 * Math.sqrt(sizesSq) / total + yv + su;
        }
        // not finite (a zero inv or s): null, and the caller takes the direct route
        return Double.isFinite(bound) ? new Apfloat(bound * (1 + 1e-6), SingularVectors.BOUND_DIGITS) : null;
    }

    /**
     * (2D + 10) u', u' = 10^-(W-2): the relative distance of every stored entry of a pair from the ideal
     * vector of its stored root, inv and s (the operation count is in {@link #storedRounding}).
     */
    private static double entryError(SingularVectors sv) {
        return (2.0 * sv.spectrum().groups().count() + 10) * sv.unitError().doubleValue();
    }

    /**
     * sqrt(x) of a recursive double sum of non-negative terms, rounded up: {@code terms} counts the
     * additions plus the roundings inside one term (relative error of the sum at most terms u of
     * itself, u = 2^-53); the square root and the product by the factor add 8 u; 1e-12 more on top.
     */
    private static Apfloat allowance(double sumSq, long terms) {
        return new Apfloat(Math.sqrt(sumSq) * up(terms), SingularVectors.BOUND_DIGITS);
    }

    /** 1 + (terms + 8) u + 1e-12: the relative rounding-up of a double sum of {@code terms} non-negative terms and its root. */
    private static double up(long terms) {
        return 1 + ((double) terms + 8) * 0x1p-53 + 1e-12;
    }

    private static Apint sumOfSquaredSizes(SingularVectors sv) {
        SizeGroups g = sv.spectrum().groups();
        Apint sum = new Apint(0);
        for (int j = 0; j < g.count(); j++) {
            sum = sum.add(g.exactWeight(j));
        }
        return sum;
    }

    static Apfloat[] gramRounding(SingularVectors sv, Apfloat offLeft, Apfloat offRight) {
        FixedPrecisionApfloatHelper low = new FixedPrecisionApfloatHelper(SingularVectors.BOUND_DIGITS);
        int m = sv.count();
        double[] delta = new double[m];
        double[] inv = new double[m];
        double[] snu = new double[m];
        double[] su = new double[m];
        double[] sing = new double[m];
        double diagLeft = 0;
        double diagRight = 0;
        for (int i = 0; i < m; i++) {
            StoredPair p = sv.pair(i);
            double nl = 0;
            double nr = 0;
            double[] ud = sv.doubles(p, true);
            double[] vd = sv.doubles(p, false);
            for (int t = 0; t < p.u.length; t++) {
                double w = sv.multiplicity(p, t);
                double ut = Math.abs(ud[t]);
                double vt = vd[t];
                nl += w * ut * ut;
                nr += w * vt * vt;
                snu[i] += w * sv.size(p, t) * ut;
                su[i] += w * ut;
            }
            diagLeft += nl * nl;
            diagRight += nr * nr;
            if (p.support != null) {
                continue;
            }
            delta[i] = p.delta.doubleValue();
            inv[i] = p.inv.doubleValue();
            sing[i] = sv.spectrum().singularValue(i).doubleValue();
        }
        double ol = offLeft.doubleValue();
        double or = offRight.doubleValue();
        double left = diagLeft;
        double right = diagRight;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                // the stored values are the exact ones to a few eps each: 2 ||u_i|| ||u_j|| ~ 2 eps more
                double el = 2;
                double er = 2;
                if (sv.pair(i).support == null && sv.pair(j).support == null) {
                    double gap = Math.abs((double) (sv.pair(i).origin - sv.pair(j).origin) + (delta[i] - delta[j]));
                    double rel = 2 + (Math.abs(delta[i]) + Math.abs(delta[j])) / gap;
                    el += (snu[i] * inv[j] + snu[j] * inv[i]) / gap + ol * rel;
                    er += sing[i] * sing[j] * (su[i] * inv[j] + su[j] * inv[i]) / gap + or * rel;
                }
                left += 2 * el * el;
                right += 2 * er * er;
            }
        }
        Apfloat gammaEps = low.multiply(new Apfloat(sv.roundingFactor(), SingularVectors.BOUND_DIGITS), sv.unitError());
        // m (m + 1) / 2 terms summed; each is formed from per-pair double sums over at most D stored values
        // (relative error <= (D + 2) u each) and about 10 more roundings: (terms + 2 D + 64) u in all
        long terms = (long) m * (m + 1) / 2 + 2L * sv.maxStoredLength() + 64;
        Apfloat l = finite(low, gammaEps, left, terms);
        Apfloat r = finite(low, gammaEps, right, terms);
        if (l == null || r == null) {
            return new Apfloat[] {l, r};
        }
        double[] eval = evaluationErrors(ScaledGram.of(sv));
        Apfloat el = scaledUp(eval[0], eval[2], m);
        Apfloat er = scaledUp(eval[1], eval[3], m);
        return new Apfloat[] {el == null ? null : low.add(l, el), er == null ? null : low.add(r, er)};
    }

    /**
     * The Frobenius norms (scaled by 10^E, {@link ScaledGram}) of the double evaluation's errors
     * over the whole Gram matrices: every off-diagonal entry twice with {@link ScaledGram#leftError},
     * every diagonal defect with one conversion (u |.|): {left, right, E_left, E_right}. Added to
     * the working-precision bounds by the triangle inequality for the Frobenius norm.
     */
    private static double[] evaluationErrors(ScaledGram g) {
        int m = g.count();
        double left = 0;
        double right = 0;
        for (int i = 0; i < m; i++) {
            double dl = 0x1p-53 * Math.abs(g.diagonalLeft(i));
            double dr = 0x1p-53 * Math.abs(g.diagonalRight(i));
            left += dl * dl;
            right += dr * dr;
            for (int j = i + 1; j < m; j++) {
                double el = g.leftError(i, j, g.left(i, j));
                double er = g.rightError(i, j, g.right(i, j));
                left += 2 * el * el;
                right += 2 * er * er;
            }
        }
        return new double[] {left, right, g.leftScale(), g.rightScale()};
    }

    /**
     * sqrt(sumSq) 10^-e rounded up: a recursive double sum of n = m^2 positive terms (each formed with
     * 3 roundings) errs by at most (n + 3) u of itself, the square root by u more (null if not finite).
     */
    private static Apfloat scaledUp(double sumSq, double e, int m) {
        if (!Double.isFinite(sumSq)) {
            return null;
        }
        double up = 1 + ((double) m * m + 8) * 0x1p-53 + 1e-15;
        return sumSq == 0 ? Apfloat.ZERO
            : ApfloatMath.scale(new Apfloat(Math.sqrt(sumSq) * up, SingularVectors.BOUND_DIGITS), -(long) e);
    }

    /** gammaEps times {@link #allowance} of a double sum of {@code terms} terms; null if not finite. */
    private static Apfloat finite(FixedPrecisionApfloatHelper low, Apfloat gammaEps, double sumSq, long terms) {
        if (!Double.isFinite(sumSq)) {
            return null;
        }
        return low.multiply(gammaEps, allowance(sumSq, terms));
    }

    /** The body of {@link SingularVectors#frameErrors()} (contract there). */
    static double[][] frameErrors(SingularVectors sv) {
        int kk = sv.spectrum().size();
        SizeGroups g = sv.spectrum().groups();
        FixedPrecisionApfloatHelper h = sv.spectrum().precision().helper();
        long[] origin = new long[kk];
        double[] delta = new double[kk];
        double[] allowance = new double[kk];
        boolean[] secular = new boolean[kk];
        double certified = Math.pow(10, -(sv.spectrum().precision().digits() - 1));
        for (int j = 0; j < kk; j++) {
            EigenKind kind = sv.spectrum().kind(j);
            secular[j] = kind != EigenKind.TIED_SIZE;
            if (kind == EigenKind.SECULAR_ROOT) {
                SecularRoot root = sv.spectrum().root(j);
                origin[j] = root.origin();
                delta[j] = root.delta().doubleValue();
                allowance[j] = certified * Math.abs(origin[j] + delta[j]);
            }
        }
        // the relative rounding of every stored entry (2D + 10 operations) and of a computed squared norm (D + 2), storedRounding
        double entry = entryError(sv);
        double normError = (g.count() + 2.0) * sv.unitError().doubleValue();
        double total = g.total();
        double[][] out = new double[2][sv.count()];
        for (int i = 0; i < sv.count(); i++) {
            StoredPair p = sv.pair(i);
            double uu = Math.abs(h.subtract(p.uu, Apfloat.ONE).doubleValue());
            double vv = Math.abs(h.subtract(p.vv, Apfloat.ONE).doubleValue());
            double roundingU = storedRounding(entry, normError, p.uu.doubleValue());
            double roundingV = storedRounding(entry, normError, p.vv.doubleValue());
            if (p.support != null) {
                out[0][i] = up(uu + roundingU);
                out[1][i] = up(vv + roundingV);
                continue;
            }
            double mu = origin[i] + delta[i];
            double r = secularDefect(sv, p);
            double sumU = 0;
            double sumV = 0;
            for (int j = 0; j < kk; j++) {
                if (j == i || !secular[j]) {
                    continue;
                }
                double raw = (double) (origin[i] - origin[j]) + (delta[i] - delta[j]);
                double gap = Math.abs(raw) - allowance[j] - 1e-15 * (Math.abs(origin[i] - origin[j])
                    + Math.abs(delta[i]) + Math.abs(delta[j]));
                if (!(gap > 0)) {
                    sumU = Double.POSITIVE_INFINITY;
                    break;
                }
                double muj = origin[j] + delta[j] + allowance[j];
                sumU += 1 / (gap * gap);
                sumV += (muj / mu) / (gap * gap);
            }
            double inv = p.inv.doubleValue();
            double sigmaU = inv * r * Math.sqrt(sumU);
            double sigmaV = inv * r * Math.sqrt(sumV) + inv * r / (Math.sqrt(total) * Math.sqrt(mu));
            out[0][i] = up(sigmaU + uu + sigmaU * sigmaU + roundingU);
            out[1][i] = up(sigmaV + vv + sigmaV * sigmaV + roundingV);
        }
        return out;
    }

    /** Extra digits at which {@link #secularDefect} evaluates S1 (so that its rounding, not the root's own error, is negligible). */
    static final int DEFECT_GUARD = 10;

    /**
     * An upper bound of |S1(mu_i) - N| at the stored root mu_i = origin + delta of secular pair p:
     * S1 = sum_j m_j c_j^2 / (c_j - mu_i) evaluated at W' = W + {@link #DEFECT_GUARD} digits (batch
     * reciprocals, relative error (2D + 1) u'' each, u'' = 10^-(W'-2); the products and the D-term sum
     * add D + 1: at most gamma u'' sum_k n_k^2 / |n_k - mu| (in double, rounded up below), gamma =
     * {@link SingularVectors#roundingFactor}), plus that allowance. At W digits the same allowance
     * would be 10^10 times larger and, for large N, far above the root's own defect (imagenet-lt:
     * 1e-31 against 1e-36), which is what the frame bounds need.
     */
    static double secularDefect(SingularVectors sv, StoredPair p) {
        long digits = sv.spectrum().precision().working() + DEFECT_GUARD;
        FixedPrecisionApfloatHelper fine = new FixedPrecisionApfloatHelper(digits);
        SizeGroups g = sv.spectrum().groups();
        SecularFunction f = new SecularFunction(g, p.origin);
        double terms = f.absoluteSum(p.delta.doubleValue()); // sum_k n_k^2 / |n_k - mu|
        Apfloat[] rec = f.reciprocals(p.delta, fine);
        Apfloat s1 = Apfloat.ZERO;
        for (int j = 0; j < rec.length; j++) {
            s1 = fine.add(s1, fine.multiply(g.exactWeight(j), rec[j]));
        }
        double unit = new Apfloat("1e-" + (digits - 2), SingularVectors.BOUND_DIGITS).doubleValue();
        return Math.abs(fine.subtract(s1, new Apint(g.total())).doubleValue()) + sv.roundingFactor() * unit * terms;
    }

    /**
     * What the rounding of a stored vector adds to its frame error. The partial-fraction argument is
     * about the ideal vector x = inv_i u-tilde(mu_i) (v: s_i inv_i sqrt(n_k) / (n_k - mu_i)) of the
     * stored root, inv_i and s_i, each entry formed exactly. A stored entry differs from x's by a
     * relative {@code entry} u': the batch reciprocal 1/(e_j - delta) (one subtraction, D - 1 prefix
     * products, one division, D - 1 back products: the computed differences cancel but their own, so
     * 2D), then 2 products for u, 3 and sqrt(c_j) for v, and 3 for s_i^2 / mu_i, the ratio between
     * x and the vector whose inner products the argument forms (s_i is the rounded square root of
     * mu_i rounded to W digits): at most 2D + 9, taken as 2D + 10 (second order). So the stored vector is within e = entry ||x|| of x,
     * and the squared norm the argument needs, ||x||^2, differs from the computed one {@code norm2}
     * (D products by the multiplicities, D squares, D - 1 additions of positive terms: (D + 1) u',
     * taken as {@code norm} = D + 2) by at most 2 ||x|| e + e^2 + norm norm2. ||x|| is taken as
     * sqrt(norm2) (1 + 1e-6), which covers entry, norm &lt; 1e-7.
     */
    static double storedRounding(double entry, double norm, double norm2) {
        double length = Math.sqrt(norm2) * (1 + 1e-6);
        double e = entry * length;
        return e + 2 * length * e + e * e + norm * norm2;
    }

    /** x rounded up by a relative 1e-9 (covers the double arithmetic of {@link #frameErrors()}); NaN to +infinity. */
    private static double up(double x) {
        return Double.isNaN(x) ? Double.POSITIVE_INFINITY : x * (1 + 1e-9);
    }
}
