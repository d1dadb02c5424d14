package org.ncverify.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Orthonormal;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.SymmetricEigen;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ClosedForm;

/**
 * The computations shared by the geometry claims C5 (rows of U^T W), C6 (columns of X V) and
 * C7 (alignment, B = U^T P V), W = W_L...W_1, X = Mbar D, and their three readings (SPEC
 * section 3): {@link Reading#CONSISTENT literal with the reference pair}, {@link
 * Reading#INDEPENDENT literal with V rotated inside tied blocks} and {@link Reading#BASIS_FREE
 * basis-free}. Built per check from the subject; the expensive products are cached there.
 *
 * <p>Targets. With a_{j,i} the closed form's factor singular values
 * ({@link ClosedForm#factorSingularValues}), row i of U^T W has norm w_i = prod_l a_{W_l,i}
 * and column i of X V has norm x_i = a_{H,i} at every balanced global minimizer, w_i x_i = p_i.
 *
 * <p>Blocks. The indices split into maximal runs of equal s_i: a tied block (a class size
 * repeated m &gt;= 3 times gives m - 1 equal s_i) or a single index. Inside a block the singular
 * vectors of Yhat are unique only up to an orthogonal Q applied to both U_B and V_B. A block
 * is <em>ambiguous</em> when the admissible values of p inside it are not one constant: the
 * bottleneck cuts it (p &gt; 0 on part of it, 0 on the rest), or it lies at s_crit (L &gt;= 2,
 * both 0 and the jump admissible). Then the minimizer is not unique (any orthonormal
 * directions of the block may carry the surviving values) and the literal readings, which
 * fix one basis, are NOT_APPLICABLE; a single index at s_crit stays literal, with target 0 or
 * the jump, whichever the candidate is nearer.
 *
 * <p>Admissible target lists of a block: the reference values sorted decreasingly, and, for
 * the j = 1..m values at s_crit, the lists with j of them set to 0.
 */
final class SingularGeometry {
    /** Note of reading (b) when it fails while (a) and (c) hold. */
    static final String HYPOTHESIS_NEEDED =
        "hypothesis needed: U and V must be a consistent singular pair inside a tied block";

    private final Subject subject;
    private final Precision p;
    private final int k;
    private final Apfloat[] pstar;
    private final boolean[] eitherBranch;
    private final Apfloat[] w;
    private final Apfloat[] x;
    private final List<int[]> blocks;
    private final String ambiguity;

    private SingularGeometry(Subject subject) {
        this.subject = subject;
        this.p = subject.precision();
        ClosedForm cf = subject.reference();
        YhatSpectrum spectrum = cf.spectrum();
        this.k = spectrum.size();
        this.pstar = cf.productSingularValues();
        this.eitherBranch = new boolean[k];
        for (int i = 0; i < k; i++) {
            eitherBranch[i] = cf.eitherBranch(i);
        }
        FixedPrecisionApfloatHelper h = p.helper();
        this.x = cf.factorSingularValues(0);
        this.w = new Apfloat[k];
        Arrays.fill(w, Apfloat.ONE);
        for (int l = 1; l <= subject.instance().depth(); l++) {
            Apfloat[] a = cf.factorSingularValues(l);
            for (int i = 0; i < k; i++) {
                w[i] = a[i].signum() == 0 ? Apfloat.ZERO : h.multiply(w[i], a[i]);
            }
        }
        this.blocks = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        for (int i = 0; i < k; ) {
            int m = spectrum.multiplicity(i);
            int[] b = {i, i + m};
            blocks.add(b);
            if (m >= 2 && !constantTargets(b)) {
                why.append(why.length() == 0 ? "" : "; ").append(describe(b)).append(" (s^2 = ")
                    .append(spectrum.exactEigenvalue(i)).append(")")
                    .append(anyEither(b) ? " lies at s_crit" : " is cut by the bottleneck r = " + subject.instance().bottleneck());
            }
            i += m;
        }
        this.ambiguity = why.length() == 0 ? null : "the tied block " + why
            + ": the minimizer is not unique (any orthonormal directions of the block may carry the surviving "
            + "values), so a reading with one fixed basis does not apply; see the basis-free reading";
    }

    static SingularGeometry of(Subject subject) {
        return new SingularGeometry(subject);
    }

    /** Norm targets w_i of the rows of U^T W. */
    Apfloat[] rowNorms() {
        return w.clone();
    }

    /** Norm targets x_i of the columns of X V. */
    Apfloat[] columnNorms() {
        return x.clone();
    }

    /** True when some block of equal s_i has size &gt;= 2 (a class size repeated &gt;= 3 times). */
    boolean hasTiedBlock() {
        return blocks.stream().anyMatch(b -> b[1] - b[0] >= 2);
    }

    /** The seed of reading (b)'s rotations, derived from the instance's numbers alone. */
    long independentSeed() {
        return subject.instance().fingerprint() >>> 16;
    }

    /**
     * X V R: the columns of each tied block B of X V replaced by (X V)_B R_B with R_B the seeded
     * random m x m rotation {@link #rotation rotation(m, seed + first index)}, the identity
     * elsewhere (reading (b): V chosen independently of U inside tied blocks).
     */
    ApMatrix independentlyRotated(ApMatrix xv) {
        Apfloat[][] e = xv.toArray();
        long seed = independentSeed();
        for (int[] b : blocks) {
            int m = b[1] - b[0];
            if (m < 2) {
                continue;
            }
            ApMatrix rotated = xv.block(0, xv.rows(), b[0], b[1]).multiply(rotation(m, seed + b[0], p));
            for (int r = 0; r < xv.rows(); r++) {
                for (int c = 0; c < m; c++) {
                    e[r][b[0] + c] = rotated.get(r, c);
                }
            }
        }
        return ApMatrix.of(e, p);
    }

    /**
     * G = F F^T for the rows of F (K x m), each entry G_ij = G_ji a dot product of two rows
     * computed once (half the products of F.multiply(F.transpose())).
     */
    static ApMatrix rowGram(ApMatrix f) {
        Precision p = f.precision();
        Apfloat[][] rows = f.toArray();
        Apfloat[][] g = new Apfloat[rows.length][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j <= i; j++) {
                g[i][j] = ApMatrix.dot(rows[i], rows[j], p);
                g[j][i] = g[i][j];
            }
        }
        return ApMatrix.of(g, p);
    }

    /**
     * A seeded random rotation of R^m: {@code Orthonormal.random(m, m, seed)} with its first
     * column negated when its determinant is -1 (the sign of the determinant of an orthogonal
     * matrix, +-1, is decided in double by Gaussian elimination with partial pivoting).
     */
    static ApMatrix rotation(int m, long seed, Precision p) {
        ApMatrix q = Orthonormal.random(m, m, seed, p);
        double[][] a = q.toDoubleArray();
        int sign = 1;
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int r = c + 1; r < m; r++) {
                piv = Math.abs(a[r][c]) > Math.abs(a[piv][c]) ? r : piv;
            }
            if (piv != c) {
                double[] t = a[piv];
                a[piv] = a[c];
                a[c] = t;
                sign = -sign;
            }
            sign = a[c][c] < 0 ? -sign : sign;
            for (int r = c + 1; r < m; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j < m; j++) {
                    a[r][j] -= f * a[c][j];
                }
            }
        }
        if (sign > 0) {
            return q;
        }
        for (int r = 0; r < m; r++) {
            q = q.with(r, 0, q.get(r, 0).negate());
        }
        return q;
    }

    // ------------------------------------------------------------------ literal readings

    /**
     * Literal reading of a Gram G = F F^T (rows of F the vectors; C5: F = U^T W, C6: F = (X V)^T),
     * targets t (norms) and scale S = max t (1 when all vanish), with n_i = sqrt(G_ii):
     * <pre>  max( n_i / S for t_i = 0,  |n_i - t_i| / S for t_i &gt; 0,
     *        |G_ij| / (S max(t_i, t_j)) for i != j, max(t_i, t_j) &gt; 0 )  </pre>
     * (a single index at s_crit takes target 0 or t_i, whichever is nearer).
     * NOT_APPLICABLE under an ambiguous block.
     */
    Reading literalGram(String name, ApMatrix gram, Apfloat[] t, Tolerance tol, String what) {
        if (ambiguity != null) {
            return Reading.notApplicable(name, ambiguity);
        }
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat scale = normScale(t);
        Apfloat[] n = new Apfloat[k];
        Apfloat[] e = new Apfloat[k];
        Worst worst = new Worst();
        for (int i = 0; i < k; i++) {
            n[i] = sqrtNonNegative(gram.get(i, i));
            e[i] = effective(i, n[i], t[i]);
            worst.offer(h.divide(ApfloatMath.abs(h.subtract(n[i], e[i])), scale),
                (e[i].signum() == 0 ? "norm of zero " : "norm error of ") + what + " " + (i + 1));
        }
        for (int j = 1; j < k; j++) {
            for (int i = 0; i < j; i++) {
                Apfloat big = ApfloatMath.max(e[i], e[j]);
                if (big.signum() > 0) {
                    worst.offer(h.divide(ApfloatMath.abs(gram.get(i, j)), h.multiply(scale, big)),
                        "inner product of " + what + "s " + (i + 1) + ", " + (j + 1));
                }
            }
        }
        return Reading.judge(name, worst.value, tol, worst.note("largest term: "));
    }

    /**
     * Literal reading of C7: max over i with p_i &gt; 0 of 1 - cos(row i of U^T W, column i of
     * X V); a vanishing norm counts as cosine 0. A single index at s_crit whose row is nearer 0
     * than w_i and whose column is nearer 0 than x_i took the zero branch and has nothing to
     * align; if only one of them did, the branches disagree and the cosine counts as 0.
     * NOT_APPLICABLE under an ambiguous block.
     */
    Reading literalAlignment(String name, ApMatrix rows, ApMatrix cols, Tolerance tol) {
        if (ambiguity != null) {
            return Reading.notApplicable(name, ambiguity);
        }
        FixedPrecisionApfloatHelper h = p.helper();
        Worst worst = new Worst();
        Apfloat minCos = null;
        for (int i = 0; i < k; i++) {
            if (pstar[i].signum() == 0) {
                continue;
            }
            Apfloat[] r = rows.row(i);
            Apfloat[] c = cols.column(i);
            Apfloat nr = ApMatrix.norm(r, p);
            Apfloat nc = ApMatrix.norm(c, p);
            boolean rowOff = effective(i, nr, w[i]).signum() == 0;
            boolean colOff = effective(i, nc, x[i]).signum() == 0;
            if (rowOff && colOff) {
                continue;
            }
            Apfloat den = h.multiply(nr, nc);
            // branches that disagree (row switched off, column not, or vice versa) count as cosine 0
            Apfloat cos = den.signum() == 0 || rowOff != colOff ? Apfloat.ZERO : h.divide(ApMatrix.dot(r, c, p), den);
            minCos = minCos == null ? cos : ApfloatMath.min(minCos, cos);
            Apfloat gap = h.subtract(Apfloat.ONE, cos);
            worst.offer(ApfloatMath.max(gap, Apfloat.ZERO), "i = " + (i + 1));
        }
        String note = minCos == null ? "nothing to align: no direction survives (or each one at s_crit took the zero branch)"
            : "smallest cosine " + Precision.format(minCos, 6) + worst.note(", 1 - cos largest at ");
        return Reading.judge(name, worst.value, tol, note);
    }

    // ------------------------------------------------------------------ basis-free readings

    /**
     * Basis-free reading of a Gram G = F F^T with norm targets t, S = max t (1 when all vanish):
     * per block B with one constant target c, ||G_BB - c^2 I||_F / (S c) (c &gt; 0) or
     * sqrt(tr G_BB) / S (c = 0); per ambiguous block (or single index at s_crit), with
     * g_1 &gt;= ... the eigenvalues of G_BB, min over admissible lists t' of
     * max_k |g_k - t'_k^2| / (S max t'); between blocks A != B with nonzero targets,
     * ||G_AB||_F / (S max(c_A, c_B)). Invariant under G -&gt; Q^T G Q for Q block-diagonal
     * orthogonal: it does not depend on the basis chosen inside a tied block.
     */
    Reading basisFreeGram(String name, ApMatrix gram, Apfloat[] t, Tolerance tol, String what) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat scale = normScale(t);
        Worst worst = new Worst();
        for (int[] b : blocks) {
            Apfloat c = t[b[0]];
            ApMatrix g = gram.block(b[0], b[1], b[0], b[1]);
            if (constantTargets(b)) {
                Apfloat res = c.signum() == 0 ? h.divide(sqrtNonNegative(trace(g)), scale)
                    : h.divide(g.subtract(ApMatrix.identity(g.rows(), p).scale(h.multiply(c, c))).frobeniusNorm(),
                        h.multiply(scale, c));
                worst.offer(res, what + "s of " + describe(b));
                continue;
            }
            Apfloat[] ev = eigenvalues(g);
            Apfloat best = null;
            for (Apfloat[] alt : alternatives(b, t)) {
                Apfloat top = alt[0].signum() > 0 ? alt[0] : max(t, b);
                Apfloat res = Apfloat.ZERO;
                for (int i = 0; i < ev.length; i++) {
                    Apfloat d = h.divide(ApfloatMath.abs(h.subtract(ev[i], h.multiply(alt[i], alt[i]))),
                        h.multiply(scale, top));
                    res = ApfloatMath.max(res, d);
                }
                best = best == null ? res : ApfloatMath.min(best, res);
            }
            worst.offer(best, "eigenvalues of the Gram block of " + describe(b));
        }
        for (int c = 1; c < blocks.size(); c++) {
            for (int a = 0; a < c; a++) {
                int[] ba = blocks.get(a);
                int[] bc = blocks.get(c);
                Apfloat ta = max(t, ba);
                Apfloat tc = max(t, bc);
                if (ta.signum() > 0 && tc.signum() > 0) {
                    Apfloat off = gram.block(ba[0], ba[1], bc[0], bc[1]).frobeniusNorm();
                    worst.offer(h.divide(off, h.multiply(scale, ApfloatMath.max(ta, tc))), "coupling of "
                        + describe(ba) + " and " + describe(bc));
                }
            }
        }
        return Reading.judge(name, worst.value, tol, "Gram of the " + what + "s block-diagonal with blocks c^2 I"
            + (ambiguity == null ? "" : " (ambiguous blocks: eigenvalues)") + worst.note("; largest term: "));
    }

    /**
     * Basis-free reading of C7: B = U^T P V must equal diag(p) up to the basis of ambiguous
     * blocks, i.e. with S = max p (max(s_1, 1) when all vanish): ||B_AB||_F / S between blocks,
     * ||B_BB - c I||_F / S on a block with one constant value c, and on an ambiguous block
     * (||B_BB - B_BB^T||_F + min over admissible lists t' of max_k |beta_k - t'_k|) / S, beta the
     * eigenvalues of the symmetric part (B_BB symmetric positive semidefinite with the
     * admissible values as spectrum). Equivalently P = U' diag(p') V'^T for a consistent pair
     * (U', V') and admissible p'.
     */
    Reading basisFreeProduct(String name, ApMatrix b, Tolerance tol) {
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat scale = max(pstar, new int[] {0, k});
        if (scale.signum() == 0) {
            Apfloat s1 = subject.reference().spectrum().singularValue(0);
            scale = ApfloatMath.max(s1, Apfloat.ONE);
        }
        scale = ApfloatMath.max(scale, subject.scaleFloor());
        Worst worst = new Worst();
        for (int[] blk : blocks) {
            ApMatrix g = b.block(blk[0], blk[1], blk[0], blk[1]);
            if (constantTargets(blk)) {
                Apfloat c = pstar[blk[0]];
                worst.offer(h.divide(g.subtract(ApMatrix.identity(g.rows(), p).scale(c)).frobeniusNorm(), scale),
                    "diagonal block " + describe(blk));
                continue;
            }
            Apfloat asym = g.subtract(g.transpose()).frobeniusNorm();
            Apfloat[] ev = eigenvalues(g.add(g.transpose()).scale(p.ofBinary(0.5)));
            Apfloat best = null;
            for (Apfloat[] alt : alternatives(blk, pstar)) {
                Apfloat res = Apfloat.ZERO;
                for (int i = 0; i < ev.length; i++) {
                    Apfloat d = ApfloatMath.abs(h.subtract(ev[i], alt[i]));
                    res = ApfloatMath.max(res, d);
                }
                best = best == null ? res : ApfloatMath.min(best, res);
            }
            worst.offer(h.divide(h.add(asym, best), scale), "spectrum and symmetry of block " + describe(blk));
        }
        Apfloat off = Apfloat.ZERO;
        for (int[] ba : blocks) {
            for (int[] bc : blocks) {
                if (ba != bc) {
                    off = h.add(off, b.block(ba[0], ba[1], bc[0], bc[1]).frobeniusNormSquared());
                }
            }
        }
        worst.offer(h.divide(sqrtNonNegative(off), scale), "entries of U^T P V between blocks");
        return Reading.judge(name, worst.value, tol, "U^T P V = diag(p*) up to the basis of tied blocks"
            + worst.note("; largest term: "));
    }

    // ------------------------------------------------------------------ readings combined

    /**
     * Reading (b) from reading (a): identical to (a) when there is no tied block (or when
     * {@code rotated} is null: the claim does not involve V), NOT_APPLICABLE when (a) is;
     * otherwise the rotated reading, its note naming the seed and, when it FAILs while (a)
     * and (c) PASS, the finding {@link #HYPOTHESIS_NEEDED}.
     */
    Reading independent(Reading a, Supplier<Reading> rotated, Reading c) {
        if (a.status() == Status.NOT_APPLICABLE) {
            return Reading.notApplicable(Reading.INDEPENDENT, a.note());
        }
        if (!hasTiedBlock() || rotated == null) {
            String why = !hasTiedBlock() ? "no tied block of size >= 2: the bases are unique up to paired signs"
                : "the claim involves U only, which this reading keeps";
            return new Reading(Reading.INDEPENDENT, a.status(), a.residual(), a.tolerance(), why + "; identical to (a)");
        }
        Reading b = rotated.get();
        String note = "V rotated inside each tied block by seeded random rotations (seed "
            + independentSeed() + " + first index of the block), U kept; " + b.note();
        if (b.status() == Status.FAIL && a.status() == Status.PASS && c.status() == Status.PASS) {
            note = HYPOTHESIS_NEEDED + " (a finding, not a refutation); " + note;
        }
        return new Reading(Reading.INDEPENDENT, b.status(), b.residual(), b.tolerance(), note);
    }

    /**
     * The claim's verdict: FAIL when (a) or (c) fails, the residual the larger of theirs (only
     * (c)'s when (a) is NOT_APPLICABLE), with the three readings attached.
     */
    static Verdict combine(String id, Reading a, Reading b, Reading c, Tolerance tol) {
        boolean literal = a.status() != Status.NOT_APPLICABLE;
        Apfloat res = literal ? ApfloatMath.max(a.residual(), c.residual()) : c.residual();
        StringBuilder detail = new StringBuilder("status follows readings (a) and (c)");
        if (!literal) {
            detail.append("; (a) and (b) not applicable: ").append(a.note());
        }
        if (b.status() == Status.FAIL && a.status() == Status.PASS && c.status() == Status.PASS) {
            detail.append("; reading (b) FAILs: ").append(HYPOTHESIS_NEEDED).append(" (a finding, not a refutation)");
        }
        String reading = literal ? Reading.CONSISTENT + " and " + Reading.BASIS_FREE : Reading.BASIS_FREE;
        return Verdict.judge(id, res, tol, reading, detail.toString()).withReadings(List.of(a, b, c));
    }

    // ------------------------------------------------------------------ for the factored form

    /** The maximal runs [from, to) of equal s_i (a new list). */
    List<int[]> blocks() {
        return blocks.stream().map(int[]::clone).toList();
    }

    /** Why the literal readings do not apply (an ambiguous tied block), or null. */
    String ambiguity() {
        return ambiguity;
    }

    /** True when block b has one admissible target (not at s_crit, not cut by the bottleneck). */
    boolean constant(int[] b) {
        return constantTargets(b);
    }

    /** True when some index lies at s_crit (both branches admissible). */
    boolean anyEitherBranch() {
        return anyEither(new int[] {0, k});
    }

    /** The admissible target lists of block b for per-index targets t. */
    List<Apfloat[]> admissibleLists(int[] b, Apfloat[] t) {
        return alternatives(b, t);
    }

    /** p*(s_i) for every i (a new array). */
    Apfloat[] productTargets() {
        return pstar.clone();
    }

    // ------------------------------------------------------------------ small helpers

    private boolean constantTargets(int[] b) {
        for (int i = b[0]; i < b[1]; i++) {
            if (eitherBranch[i] || pstar[i].compareTo(pstar[b[0]]) != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean anyEither(int[] b) {
        return IntStream.range(b[0], b[1]).anyMatch(i -> eitherBranch[i]);
    }

    /** The admissible target lists of block b for the per-index targets t ({@link ClosedForm#admissible}). */
    private List<Apfloat[]> alternatives(int[] b, Apfloat[] t) {
        return subject.reference().admissible(t, b[0], b[1]);
    }

    /** Target of index i for a measured norm n: 0 when i is at s_crit and n is nearer 0 than t. */
    private Apfloat effective(int i, Apfloat n, Apfloat t) {
        if (!eitherBranch[i]) {
            return t;
        }
        FixedPrecisionApfloatHelper h = p.helper();
        return ApfloatMath.abs(h.subtract(n, t)).compareTo(n) < 0 ? t : Apfloat.ZERO;
    }

    /** S = max t (1 when all vanish), at least the subject's {@link Subject#scaleFloor()}. */
    private Apfloat normScale(Apfloat[] t) {
        Apfloat s = max(t, new int[] {0, k});
        return ApfloatMath.max(s.signum() > 0 ? s : Apfloat.ONE, subject.scaleFloor());
    }

    private static Apfloat max(Apfloat[] t, int[] b) {
        Apfloat m = Apfloat.ZERO;
        for (int i = b[0]; i < b[1]; i++) {
            m = ApfloatMath.max(m, t[i]);
        }
        return m;
    }

    private Apfloat trace(ApMatrix g) {
        Apfloat s = Apfloat.ZERO;
        for (int i = 0; i < g.rows(); i++) {
            s = p.helper().add(s, g.get(i, i));
        }
        return s;
    }

    /** Eigenvalues, decreasing, of a small symmetric block (1 x 1 without iteration). */
    private static Apfloat[] eigenvalues(ApMatrix g) {
        return g.rows() == 1 ? new Apfloat[] {g.get(0, 0)} : SymmetricEigen.of(g).eigenvalues();
    }

    private Apfloat sqrtNonNegative(Apfloat v) {
        return p.helper().sqrt(ApfloatMath.max(v, Apfloat.ZERO));
    }

    private static String describe(int[] b) {
        return b[1] - b[0] == 1 ? "i = " + (b[0] + 1) : "s_" + (b[0] + 1) + ".." + "s_" + b[1];
    }

    /** The largest of a set of non-negative terms and where it arose. */
    private static final class Worst {
        private Apfloat value = Apfloat.ZERO;
        private String where;

        void offer(Apfloat v, String label) {
            if (where == null || v.compareTo(value) > 0) {
                value = v;
                where = label;
            }
        }

        String note(String prefix) {
            return where == null ? "" : prefix + where + " (" + Precision.formatScientific(value, 3) + ")";
        }
    }
}
