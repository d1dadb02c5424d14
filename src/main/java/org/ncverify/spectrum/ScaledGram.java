package org.ncverify.spectrum;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;

/**
 * The off-diagonal partial-fraction Gram entries of {@link SingularVectors} evaluated in double
 * precision, each with a rigorous bound of that evaluation's error (issue 13, task k1000).
 *
 * <p>For two secular pairs the entries are (class comment of {@link SingularVectors})
 * <pre>
 *   u_i.u_j = (r1_i - r1_j) / gap inv_i inv_j,          r1 = S1 - N,
 *   v_i.v_j = s_i s_j (r0_i - r0_j) / gap inv_i inv_j,  r0 = S0,      gap = (o_i - o_j) + (delta_i - delta_j),
 * </pre>
 * the same quotients as {@link SingularVectors#leftGram} since S1_i - S1_j = r1_i - r1_j exactly.
 * The residuals r1, r0 are formed ONCE per pair at the working precision (O(m) Apfloat
 * operations); they are rounding-level numbers (about 10^-W N), so they are scaled by an exact
 * power of ten, 10^E with E = {@link #leftScale()} (resp. {@link #rightScale()}), to O(1) and read
 * into doubles by a correctly rounded decimal conversion; the entries are then O(m^2) double
 * operations instead of O(m^2) working-precision divisions. Entry values are returned scaled:
 * u_i.u_j = {@link #left}(i, j) 10^-E.
 *
 * <p><b>The error bound</b> (u = 2^-53 for every double operation; a conversion from Apfloat is the
 * correctly rounded double of the decimal Apfloat prints, relative error at most u + 10^-(W-1),
 * written u below as well: Apfloat may keep digits beyond its precision W, which printing drops).
 * Let g = (r1_i - r1_j) / gap I, I = inv_i inv_j, in exact arithmetic on the computed residuals
 * r1_i = S1_i - N (one W-digit subtraction each: its rounding, at most 10^-(W-2) N, is part of the
 * error of the sums S1 that {@link SingularVectors#gramRoundingBounds} allows, gamma &gt;= 84 times
 * that), the stored delta, inv, s and the exact gap: g is within gramRoundingBounds' per-entry
 * term of the exact Gram entry, exactly as the working-precision entry is.
 * The double evaluation gives g~ = fl(fl(fl(a - b) / gap~) i~_i i~_j) with a, b, i~ the converted
 * values. The gap gap~ = fl(fl(o_i - o_j) + fl(d~_i - d~_j)) (the integer difference is exact below
 * 2^53) errs by at most u |gap~| + 3.01 u (|delta_i| + |delta_j|) =: eg |gap~|. The numerator errs
 * by at most u |a - b| + u (|a| + |b|) (two conversions, one subtraction). Collecting the relative
 * factors (the division, two multiplications, two conversions of inv: 5 u; the gap: eg; the
 * numerator's own rounding: u; for v also s_i, s_j and two more multiplications: 4 u more),
 * <pre>
 *   |g~ - g| &lt;= 1.01 [ (k u + 2 eg) |g~| + 2 u (|a| + |b|) I~ / |gap~| ] + tiny,   k = 8 (u), 12 (v),
 * </pre>
 * valid while eg &lt; 10^-3 (the 1.01 and the factor 2 on eg absorb the second-order terms and
 * the division by 1 - eg), tiny = 4 MIN_NORMAL (1 + I~ / |gap~|) covers a subnormal result. When
 * the gap's bound fails (eg &gt;= 10^-3 or not finite: two roots equal in double) or a value is not
 * finite, the entry is taken from the working-precision formula instead
 * ({@link SingularVectors#leftGram}, scaled and converted: error at most 2 u |g~| + the scaling's
 * zero): the degenerate case keeps its old value. A Helmert (tied) pair's entries are exact zeros.
 */
public final class ScaledGram {
    private static final double U = 0x1p-53;
    private static final double TINY = 4 * Double.MIN_NORMAL;

    private final SingularVectors sv;
    /** u + 10^-(W-1): a conversion's relative error (the correct rounding of the digits Apfloat prints, which may drop digits kept beyond the precision W). */
    private final double unit;
    private final long leftScale;
    private final long rightScale;
    private final boolean[] secular;
    private final long[] origin;
    private final double[] delta;
    private final double[] inv;
    private final double[] sing;
    private final double[] r1;
    private final double[] r0;
    private final double[] diagLeft;
    private final double[] diagRight;

    private ScaledGram(SingularVectors sv) {
        this.sv = sv;
        this.unit = U + Math.pow(10, -(sv.spectrum().precision().working() - 1));
        int m = sv.count();
        FixedPrecisionApfloatHelper h = sv.spectrum().precision().helper();
        Apfloat total = new Apint(sv.spectrum().groups().total());
        Apfloat[] res1 = new Apfloat[m];
        Apfloat[] res0 = new Apfloat[m];
        Apfloat[] du = new Apfloat[m];
        Apfloat[] dv = new Apfloat[m];
        this.secular = new boolean[m];
        this.origin = new long[m];
        this.delta = new double[m];
        this.inv = new double[m];
        this.sing = new double[m];
        for (int i = 0; i < m; i++) {
            StoredPair p = sv.pair(i);
            du[i] = h.subtract(p.uu, Apfloat.ONE);
            dv[i] = h.subtract(p.vv, Apfloat.ONE);
            if (p.support != null) {
                res1[i] = Apfloat.ZERO;
                res0[i] = Apfloat.ZERO;
                continue;
            }
            secular[i] = true;
            res1[i] = h.subtract(p.s1, total);
            res0[i] = p.s0;
            origin[i] = p.origin;
            delta[i] = toDouble(p.delta);
            inv[i] = toDouble(p.inv);
            sing[i] = toDouble(sv.spectrum().singularValue(p.index));
        }
        this.leftScale = scaleOf(res1, du);
        this.rightScale = scaleOf(res0, dv);
        this.r1 = scaled(res1, leftScale);
        this.r0 = scaled(res0, rightScale);
        this.diagLeft = scaled(du, leftScale);
        this.diagRight = scaled(dv, rightScale);
    }

    /** The double images of the pairs' Gram entries (O(m) working-precision operations). */
    public static ScaledGram of(SingularVectors sv) {
        return new ScaledGram(sv);
    }

    /** m. */
    public int count() {
        return secular.length;
    }

    /** E of the left side: u_i.u_j = left(i, j) 10^-E. */
    public long leftScale() {
        return leftScale;
    }

    /** E of the right side: v_i.v_j = right(i, j) 10^-E. */
    public long rightScale() {
        return rightScale;
    }

    /** (||u_i||^2 - 1) 10^E, the diagonal defect (working precision, then one correct rounding). */
    public double diagonalLeft(int i) {
        return diagLeft[i];
    }

    /** (||v_i||^2 - 1) 10^E. */
    public double diagonalRight(int i) {
        return diagRight[i];
    }

    /** u_i.u_j 10^E in double, i != j (class comment). */
    public double left(int i, int j) {
        return entry(i, j, true);
    }

    /** v_i.v_j 10^E in double, i != j. */
    public double right(int i, int j) {
        return entry(i, j, false);
    }

    /** A bound of |left(i, j) - g| 10^E for g the entry of the stored values (class comment); {@code value} = left(i, j). */
    public double leftError(int i, int j, double value) {
        return error(i, j, value, true);
    }

    /** A bound of |right(i, j) - g| 10^E, as {@link #leftError}. */
    public double rightError(int i, int j, double value) {
        return error(i, j, value, false);
    }

    private double entry(int i, int j, boolean left) {
        if (!secular[i] || !secular[j]) {
            return 0;
        }
        double gap = gap(i, j);
        if (!(relativeGapError(i, j, gap) < 1e-3)) {
            return fallback(i, j, left);
        }
        double[] r = left ? r1 : r0;
        double q = (r[i] - r[j]) / gap;
        double g = left ? q * inv[i] * inv[j] : sing[i] * sing[j] * q * inv[i] * inv[j];
        return Double.isFinite(g) ? g : fallback(i, j, left);
    }

    private double error(int i, int j, double value, boolean left) {
        if (!secular[i] || !secular[j]) {
            return 0;
        }
        double gap = gap(i, j);
        double eg = relativeGapError(i, j, gap);
        double[] r = left ? r1 : r0;
        double ii = inv[i] * inv[j] * (left ? 1 : sing[i] * sing[j]);
        double a = Math.abs(value);
        if (!(eg < 1e-3) || !Double.isFinite(r[i] - r[j]) || !Double.isFinite((r[i] - r[j]) / gap * ii)) {
            return 2 * unit * a + TINY; // the working-precision entry, converted once
        }
        double bound = 1.01 * (((left ? 8 : 12) * unit + 2 * eg) * a + 2 * unit * (Math.abs(r[i]) + Math.abs(r[j])) * ii / Math.abs(gap))
            + TINY * (1 + ii / Math.abs(gap));
        return bound * (1 + 4 * U);
    }

    private double gap(int i, int j) {
        return (double) (origin[i] - origin[j]) + (delta[i] - delta[j]);
    }

    private double relativeGapError(int i, int j, double gap) {
        return unit * (1 + 3.01 * (Math.abs(delta[i]) + Math.abs(delta[j])) / Math.abs(gap));
    }

    private double fallback(int i, int j, boolean left) {
        Apfloat g = left ? sv.leftGram(i, j) : sv.rightGram(i, j);
        return toDouble(ApfloatMath.scale(g, left ? leftScale : rightScale));
    }

    /** E such that the largest |x| 10^E is about 1 (0 if every x is zero). */
    private static long scaleOf(Apfloat[] a, Apfloat[] b) {
        long e = Long.MIN_VALUE;
        for (Apfloat[] xs : new Apfloat[][] {a, b}) {
            for (Apfloat x : xs) {
                if (x.signum() != 0) {
                    e = Math.max(e, x.scale());
                }
            }
        }
        return e == Long.MIN_VALUE ? 0 : -e;
    }

    private static double[] scaled(Apfloat[] x, long e) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = toDouble(ApfloatMath.scale(x[i], e));
        }
        return out;
    }

    /** The double nearest to x (a correctly rounded decimal conversion: relative error at most 2^-53 in the normal range). */
    public static double toDouble(Apfloat x) {
        return x.signum() == 0 ? 0 : Double.parseDouble(x.toString());
    }
}
