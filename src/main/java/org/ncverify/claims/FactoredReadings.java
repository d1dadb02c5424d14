package org.ncverify.claims;

import java.util.Arrays;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

/**
 * The readings of C5, C6 and C7 (SPEC section 3, {@link SingularGeometry}) on a point in
 * factored form ({@link FactoredGeometry}), each as an interval [lower, upper] on the reading of
 * the dense definition with exact singular frames (proofs-notes/C5-left-geometry.md, "Factored
 * form"). The diagonal part F0 (rows w'_i e_i of U*^T W, columns x'_i e_i of X V*, entries p'_i
 * of U*^T P V*) is evaluated at the working precision; the rest is bounded by eta (Frobenius):
 * <ul>
 * <li>a row norm moves by at most eta, an off-diagonal Gram entry by eta (n_i + n_j + eta), a
 *     Gram block by gamma = 2 max n eta + eta^2 (Frobenius; eigenvalues by Weyl);</li>
 * <li>a cosine: r / ||r|| moves by at most 2 eta / ||r0||, so 1 - cos &lt;= (alpha + beta)^2 / 2
 *     when the diagonal parts align (cos0 = 1), 1 - cos0 +- (alpha + beta) otherwise;</li>
 * <li>U*^T P V* moves by eta_P, its blocks' eigenvalues by eta_P, their asymmetry by 2 eta_P.</li>
 * </ul>
 * A reading PASSes when its upper end is within the tolerance, FAILs when its lower end is
 * beyond it and is INCONCLUSIVE otherwise (the bound cannot decide); doubles carry the bound
 * arithmetic, each end rounded outwards by a relative 1e-9.
 */
final class FactoredReadings {
    private static final double OUT = 1e-9;
    private final FactoredGeometry g;
    private final SingularGeometry geo;
    private final Precision p;
    private final Tolerance tol;
    private final int k;
    private final int m;

    FactoredReadings(FactoredGeometry g, Tolerance tol) {
        this.g = g;
        this.geo = g.geometry();
        this.p = g.precision();
        this.tol = tol;
        this.k = g.instance().classes();
        this.m = g.directions();
    }

    /** PASS when upper &lt;= tol, FAIL when lower &gt; tol, else INCONCLUSIVE (residual: upper, or lower on a FAIL). */
    Reading bounded(String name, double upper, double lower, String note) {
        double hi = upper * (1 + OUT);
        double lo = Math.max(0, lower * (1 - OUT));
        if (!Double.isFinite(hi)) {
            return new Reading(name, Status.INCONCLUSIVE, null, tol, "no finite bound: " + note);
        }
        Apfloat up = p.ofBinary(hi);
        String range = " [factored: exact-frame reading in " + sci(lo) + " .. " + sci(hi) + "]";
        if (tol.admits(up)) {
            return new Reading(name, Status.PASS, up, tol, note + range);
        }
        Apfloat down = p.ofBinary(lo);
        if (!tol.admits(down)) {
            return new Reading(name, Status.FAIL, down, tol, note + range);
        }
        return new Reading(name, Status.INCONCLUSIVE, up, tol, "the frame bound cannot decide: " + note + range);
    }

    /**
     * Literal reading of a Gram (rows of U*^T W for C5, columns of X V* for C6): candidate values
     * n (m of them, zero beyond), targets t (K); with {@code rotated}, each tied block's columns
     * turned by reading (b)'s seeded rotation R (the block's Gram R^T diag(n^2) R formed, small).
     */
    Reading literalGram(String name, Apfloat[] n, Apfloat[] t, double eta, boolean rotated, String what) {
        if (geo.ambiguity() != null) {
            return Reading.notApplicable(name, geo.ambiguity());
        }
        FixedPrecisionApfloatHelper h = p.helper();
        double[] td = doubles(t);
        double scale = scale(td);
        Apfloat[] norm0 = new Apfloat[k];
        Worst up = new Worst();
        double low = 0;
        for (int[] b : geo.blocks()) {
            int size = b[1] - b[0];
            if (rotated && size >= 2 && anyNonZero(n, b)) {
                ApMatrix r = SingularGeometry.rotation(size, geo.independentSeed() + b[0], p);
                Apfloat[][] gram = new Apfloat[size][size];
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j <= i; j++) {
                        Apfloat s = Apfloat.ZERO;
                        for (int l = 0; l < size; l++) {
                            Apfloat nl = value(n, b[0] + l);
                            s = h.add(s, h.multiply(h.multiply(r.get(l, i), r.get(l, j)), h.multiply(nl, nl)));
                        }
                        gram[i][j] = s;
                        gram[j][i] = s;
                    }
                    norm0[b[0] + i] = h.sqrt(ApfloatMath.max(gram[i][i], Apfloat.ZERO));
                }
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < i; j++) {
                        double big = Math.max(td[b[0] + i], td[b[0] + j]);
                        if (big > 0) {
                            double e = Math.abs(gram[i][j].doubleValue());
                            double pert = eta * (norm0[b[0] + i].doubleValue() + norm0[b[0] + j].doubleValue() + eta);
                            up.offer((e + pert) / (scale * big), "inner product of " + what + "s " + (b[0] + i + 1)
                                + ", " + (b[0] + j + 1));
                            low = Math.max(low, (e - pert) / (scale * big));
                        }
                    }
                }
            } else {
                for (int i = b[0]; i < b[1]; i++) {
                    norm0[i] = ApfloatMath.abs(value(n, i));
                }
            }
        }
        double tmin = Double.POSITIVE_INFINITY;
        for (double v : td) {
            tmin = v > 0 ? Math.min(tmin, v) : tmin;
        }
        double ratio = 0;
        for (int i = 0; i < k; i++) {
            double diff = ApfloatMath.abs(h.subtract(norm0[i], t[i])).doubleValue();
            up.offer((diff + eta) / scale, (t[i].signum() == 0 ? "norm of zero " : "norm error of ") + what + " " + (i + 1));
            low = Math.max(low, (diff - eta) / scale);
            ratio = Double.isFinite(tmin) ? Math.max(ratio, norm0[i].doubleValue() / Math.max(td[i], tmin)) : ratio;
        }
        if (Double.isFinite(tmin) && k >= 2) {
            up.offer(eta * (2 * ratio + eta / tmin) / scale, "inner products between " + what + "s (bound)");
        }
        return bounded(name, up.value, low, "largest term: " + up.where + "; eta = " + sci(eta));
    }

    /**
     * Basis-free reading of the same Gram: per block ||G0_BB - c^2 I||_F / (S c) (c &gt; 0) or
     * ||F0_B||_F / S (c = 0), the eigenvalues of an ambiguous block against its admissible lists,
     * couplings between blocks bounded by gamma.
     */
    Reading basisFreeGram(String name, Apfloat[] n, Apfloat[] t, double eta, String what) {
        FixedPrecisionApfloatHelper h = p.helper();
        double[] td = doubles(t);
        double scale = scale(td);
        double nmax = 0;
        for (Apfloat v : n) {
            nmax = Math.max(nmax, Math.abs(v.doubleValue()));
        }
        double gamma = 2 * nmax * eta + eta * eta;
        Worst up = new Worst();
        double low = 0;
        double blockMin = Double.POSITIVE_INFINITY;
        int positive = 0;
        for (int[] b : geo.blocks()) {
            double top = 0;
            for (int i = b[0]; i < b[1]; i++) {
                top = Math.max(top, td[i]);
            }
            if (top > 0) {
                blockMin = Math.min(blockMin, top);
                positive++;
            }
            if (geo.constant(b)) {
                double c = td[b[0]];
                double sum = 0;
                for (int i = b[0]; i < b[1]; i++) {
                    Apfloat ni = value(n, i);
                    double e = c > 0 ? h.subtract(h.multiply(ni, ni), h.multiply(t[i], t[i])).doubleValue()
                        : ni.doubleValue();
                    sum += e * e;
                }
                double val = Math.sqrt(sum) / (c > 0 ? scale * c : scale);
                double pert = c > 0 ? gamma / (scale * c) : eta / scale;
                up.offer(val + pert, what + "s of " + describe(b));
                low = Math.max(low, val - pert);
                continue;
            }
            Apfloat[] ev = new Apfloat[b[1] - b[0]];
            for (int i = b[0]; i < b[1]; i++) {
                ev[i - b[0]] = h.multiply(value(n, i), value(n, i));
            }
            Arrays.sort(ev, (a, c) -> c.compareTo(a));
            double bestUp = Double.POSITIVE_INFINITY;
            double bestLow = Double.POSITIVE_INFINITY;
            for (Apfloat[] alt : geo.admissibleLists(b, t)) {
                double altTop = alt[0].signum() > 0 ? alt[0].doubleValue() : top;
                double worst = 0;
                for (int i = 0; i < ev.length; i++) {
                    worst = Math.max(worst, ApfloatMath.abs(h.subtract(ev[i], h.multiply(alt[i], alt[i]))).doubleValue());
                }
                bestUp = Math.min(bestUp, (worst + gamma) / (scale * altTop));
                bestLow = Math.min(bestLow, (worst - gamma) / (scale * altTop));
            }
            up.offer(bestUp, "eigenvalues of the Gram block of " + describe(b));
            low = Math.max(low, bestLow);
        }
        if (positive >= 2) {
            up.offer(gamma / (scale * blockMin), "couplings between blocks (bound)");
        }
        return bounded(name, up.value, low, "Gram of the " + what + "s block-diagonal with blocks c^2 I; largest term: "
            + up.where + "; gamma = " + sci(gamma));
    }

    /**
     * Literal reading of C7: 1 - cos(row i of U*^T W, column i of X V*) over p*(s_i) &gt; 0; with
     * {@code rotated}, the columns of each tied block turned by reading (b)'s rotation R (then
     * cos0 = sign(w'_i) R_ii x'_i / ||(R^T diag(x'))_i||). A direction the point does not carry
     * (zero factor, or i &gt;= m) has an undetermined cosine: [0, 2].
     */
    Reading literalAlignment(String name, boolean rotated) {
        if (geo.ambiguity() != null) {
            return Reading.notApplicable(name, geo.ambiguity());
        }
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[] pstar = geo.productTargets();
        Apfloat[] w = g.rowValues();
        Apfloat[] x = g.columnValues();
        double etaW = g.etaW();
        double etaX = g.etaX();
        Worst up = new Worst();
        double low = 0;
        double minCos = 1;
        for (int[] b : geo.blocks()) {
            int size = b[1] - b[0];
            ApMatrix r = rotated && size >= 2 ? SingularGeometry.rotation(size, geo.independentSeed() + b[0], p) : null;
            for (int i = b[0]; i < b[1]; i++) {
                if (pstar[i].signum() == 0) {
                    continue;
                }
                Apfloat wi = value(w, i);
                Apfloat yNorm;
                Apfloat dot;
                if (r == null) {
                    yNorm = ApfloatMath.abs(value(x, i));
                    dot = h.multiply(wi, value(x, i));
                } else {
                    Apfloat s = Apfloat.ZERO;
                    for (int l = 0; l < size; l++) {
                        Apfloat e = h.multiply(r.get(l, i - b[0]), value(x, b[0] + l));
                        s = h.add(s, h.multiply(e, e));
                    }
                    yNorm = h.sqrt(s);
                    dot = h.multiply(wi, h.multiply(r.get(i - b[0], i - b[0]), value(x, i)));
                }
                if (wi.signum() == 0 || yNorm.signum() == 0) {
                    up.offer(2, "i = " + (i + 1) + " (a direction the point does not carry: cosine undetermined)");
                    minCos = -1;
                    continue;
                }
                double cos0 = h.divide(dot, h.multiply(ApfloatMath.abs(wi), yNorm)).doubleValue();
                double move = Math.min(2, 2 * etaW / Math.abs(wi.doubleValue()) + 2 * etaX / yNorm.doubleValue());
                boolean aligned = r == null && dot.signum() > 0;
                double hi = aligned ? move * move / 2 : Math.min(2, 1 - cos0 + move);
                up.offer(hi, "i = " + (i + 1));
                low = Math.max(low, aligned ? 0 : 1 - cos0 - move);
                minCos = Math.min(minCos, 1 - hi);
            }
        }
        String note = up.where == null ? "nothing to align: no direction survives"
            : "smallest cosine at least " + String.format("%.6f", minCos) + ", 1 - cos largest at " + up.where;
        return bounded(name, up.where == null ? 0 : up.value, low, note);
    }

    /**
     * Basis-free reading of C7: U*^T P V* against diag(p*) up to the basis of ambiguous blocks,
     * scale S = max p* (max(s_1, 1) when all vanish).
     */
    Reading basisFreeProduct(String name) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat[] pstar = geo.productTargets();
        Apfloat[] pp = g.productValues();
        double scale = 0;
        for (Apfloat v : pstar) {
            scale = Math.max(scale, v.doubleValue());
        }
        if (scale == 0) {
            scale = Math.max(g.subject().reference().spectrum().singularValue(0).doubleValue(), 1);
        }
        double eta = g.etaP();
        Worst up = new Worst();
        double low = 0;
        for (int[] b : geo.blocks()) {
            if (geo.constant(b)) {
                double sum = 0;
                for (int i = b[0]; i < b[1]; i++) {
                    double e = h.subtract(value(pp, i), pstar[i]).doubleValue();
                    sum += e * e;
                }
                double val = Math.sqrt(sum) / scale;
                up.offer(val + eta / scale, "diagonal block " + describe(b));
                low = Math.max(low, val - eta / scale);
                continue;
            }
            Apfloat[] ev = new Apfloat[b[1] - b[0]];
            for (int i = b[0]; i < b[1]; i++) {
                ev[i - b[0]] = value(pp, i);
            }
            Arrays.sort(ev, (a, c) -> c.compareTo(a));
            double best = Double.POSITIVE_INFINITY;
            for (Apfloat[] alt : geo.admissibleLists(b, pstar)) {
                double worst = 0;
                for (int i = 0; i < ev.length; i++) {
                    worst = Math.max(worst, ApfloatMath.abs(h.subtract(ev[i], alt[i])).doubleValue());
                }
                best = Math.min(best, worst);
            }
            up.offer((best + 3 * eta) / scale, "spectrum and symmetry of block " + describe(b));
            low = Math.max(low, (best - eta) / scale);
        }
        up.offer(eta / scale, "entries of U^T P V between blocks (bound)");
        return bounded(name, up.value, low, "U^T P V = diag(p*) up to the basis of tied blocks; largest term: " + up.where
            + "; eta_P = " + sci(eta));
    }

    /**
     * The claim's verdict from readings (a), (b), (c): FAIL when (a) or (c) FAILs, INCONCLUSIVE
     * when one of them cannot be decided, else PASS; the residual the larger of theirs.
     */
    static Verdict combine(String id, Reading a, Reading b, Reading c, Tolerance tol) {
        boolean literal = a.status() != Status.NOT_APPLICABLE;
        List<Reading> judged = literal ? List.of(a, c) : List.of(c);
        Apfloat res = null;
        boolean fail = false;
        boolean open = false;
        for (Reading r : judged) {
            res = r.residual() == null ? res : res == null ? r.residual() : ApfloatMath.max(res, r.residual());
            fail |= r.status() == Status.FAIL;
            open |= r.status() == Status.INCONCLUSIVE;
        }
        StringBuilder detail = new StringBuilder("factored form (exact-frame bounds); status follows readings (a) and (c)");
        if (!literal) {
            detail.append("; (a) and (b) not applicable: ").append(a.note());
        }
        if (b.status() == Status.FAIL && a.status() == Status.PASS && c.status() == Status.PASS) {
            detail.append("; reading (b) FAILs: ").append(SingularGeometry.HYPOTHESIS_NEEDED)
                .append(" (a finding, not a refutation)");
        }
        String reading = (literal ? Reading.CONSISTENT + " and " + Reading.BASIS_FREE : Reading.BASIS_FREE)
            + " (factored)";
        List<Reading> readings = List.of(a, b, c);
        if (fail) {
            return Verdict.fail(id, res, tol, reading, detail.toString()).withReadings(readings);
        }
        if (open || res == null) {
            return Verdict.inconclusive(id, res, tol, reading, "the frame bound cannot decide a reading; "
                + detail).withReadings(readings);
        }
        return Verdict.judge(id, res, tol, reading, detail.toString()).withReadings(readings);
    }

    /**
     * A geometry claim's verdict on f: INCONCLUSIVE when {@link FactoredGeometry#undecidable()} says
     * why, else {@link #combine} of the readings (a), (b), (c) that {@code readings} builds.
     */
    static Verdict judge(String id, FactoredGeometry f, java.util.function.Function<FactoredReadings, Reading[]> readings) {
        String why = f.undecidable();
        if (why != null) {
            return FactoredGeometry.inconclusive(id, why, f.subject());
        }
        Tolerance tol = f.subject().tolerance(10);
        Reading[] r = readings.apply(new FactoredReadings(f, tol));
        return combine(id, r[0], r[1], r[2], tol);
    }

    /** A single-reading claim's verdict from its interval reading r (C9 in factored form). */
    static Verdict verdict(String id, Reading r, String detail) {
        String reading = r.name();
        String text = detail + "; " + r.note();
        switch (r.status()) {
            case PASS:
                return Verdict.judge(id, r.residual(), r.tolerance(), reading, text);
            case FAIL:
                return Verdict.fail(id, r.residual(), r.tolerance(), reading, text);
            default:
                return Verdict.inconclusive(id, r.residual(), r.tolerance(), reading, text);
        }
    }

    private Apfloat value(Apfloat[] v, int i) {
        return i < v.length ? v[i] : Apfloat.ZERO;
    }

    private static boolean anyNonZero(Apfloat[] v, int[] b) {
        for (int i = b[0]; i < Math.min(b[1], v.length); i++) {
            if (v[i].signum() != 0) {
                return true;
            }
        }
        return false;
    }

    private static double[] doubles(Apfloat[] t) {
        double[] d = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            d[i] = t[i].doubleValue();
        }
        return d;
    }

    /** S = max t (1 when all vanish). */
    private static double scale(double[] t) {
        double s = 0;
        for (double v : t) {
            s = Math.max(s, v);
        }
        return s > 0 ? s : 1;
    }

    private static String describe(int[] b) {
        return b[1] - b[0] == 1 ? "i = " + (b[0] + 1) : "s_" + (b[0] + 1) + ".." + "s_" + b[1];
    }

    private static String sci(double v) {
        return String.format("%.3e", v);
    }

    /** The largest of a set of upper bounds and where it arose. */
    private static final class Worst {
        private double value;
        private String where;

        void offer(double v, String label) {
            if (where == null || v > value || Double.isNaN(v)) {
                value = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
                where = label;
            }
        }
    }
}
