package org.ncverify.spectrum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.Tasks;

/**
 * The singular value decomposition Yhat = U diag(s) V^T of Yhat = (I_K - n 1_K^T / N) D,
 * D = diag(sqrt(n)), obtained from the exact structure of its Gram matrix
 * A = Yhat Yhat^T = diag(n) - n n^T / N (SPEC sections 2 and 5), never from a generic SVD.
 *
 * <p>Eigenvalues mu_i = s_i^2 in decreasing order: for distinct sizes c_1 &gt; ... &gt; c_D
 * with multiplicities m_j, they are c_1 (m_1 - 1 times), the secular root in (c_2, c_1),
 * c_2 (m_2 - 1 times), the root in (c_3, c_2), ..., c_D (m_D - 1 times), and 0.
 *
 * <p>Singular vectors (consistent pairs, Yhat v_i = s_i u_i):
 * <ul>
 * <li>secular root mu: u_k = n_k / (n_k - mu) / ||.||, and, because n^T u-hat = N on a root,
 *     v_k = sqrt(n_k) s / (n_k - mu) / ||u-hat||: no cancellation;</li>
 * <li>tied size c on classes k_1 &lt; ... &lt; k_m: the Helmert basis, for t = 1..m-1 the vector with
 *     1/sqrt(t(t+1)) on k_1..k_t and -t/sqrt(t(t+1)) on k_{t+1}; v = u;</li>
 * <li>zero: u = 1_K / sqrt(K), v = sqrt(n / N).</li>
 * </ul>
 * The tied and null u are w / sqrt(||w||^2) for the integer vectors w of {@link ExactVector},
 * which the certificate checks exactly. Vectors and the exact certificate are computed on
 * first request.
 *
 * <p>Parallelism is the caller's choice: {@link #compute(long[], Precision)} works in the
 * calling thread; {@link #compute(long[], Precision, Executor)} runs the D - 1 secular roots
 * and, later, the K singular-vector pairs as separate tasks on the given executor (for
 * example a {@link java.util.concurrent.ForkJoinPool} the caller owns). The executor must
 * accept tasks for as long as the spectrum's vectors have not been built. Results do not
 * depend on the executor: each task is a pure function of its index.
 */
public final class YhatSpectrum {
    private final SizeGroups groups;
    private final Precision precision;
    private final List<Entry> entries;
    private final Executor executor;
    private volatile ApMatrix left;
    private volatile ApMatrix right;
    private volatile SpectrumCertificate certificate;

    private YhatSpectrum(SizeGroups groups, Precision precision, List<Entry> entries, Executor executor) {
        this.groups = groups;
        this.precision = precision;
        this.entries = entries;
        this.executor = executor;
    }

    /** The spectrum of Yhat for positive class sizes at the given precision, computed in the calling thread. */
    public static YhatSpectrum compute(long[] sizes, Precision precision) {
        return compute(sizes, precision, Runnable::run);
    }

    /**
     * The spectrum of Yhat for positive class sizes at the given precision, its secular roots
     * (and later its singular vectors) computed as one task each on {@code executor}.
     */
    public static YhatSpectrum compute(long[] sizes, Precision precision, Executor executor) {
        SizeGroups g = SizeGroups.of(sizes);
        if (g.classes() < 2) {
            throw new IllegalArgumentException("K = " + g.classes() + ": at least two classes are needed");
        }
        int d = g.count();
        FixedPrecisionApfloatHelper h = precision.helper();
        // one task per root: the root and s = sqrt(mu), both pure functions of j
        List<Solved> roots = onEach(d - 1, j -> {
            SecularRoot r = SecularRoot.solve(g, j, precision);
            return new Solved(r, h.sqrt(r.value()));
        }, executor);
        List<Entry> list = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            if (g.multiplicity(j) > 1) { // sqrt(c) only for a tied size (it is a singular value only then)
                Apfloat c = precision.of(g.value(j));
                Apfloat sc = h.sqrt(c);
                for (int t = 1; t < g.multiplicity(j); t++) {
                    list.add(new Entry(EigenKind.TIED_SIZE, j, t, c, sc, null));
                }
            }
            if (j < d - 1) {
                Solved r = roots.get(j);
                list.add(new Entry(EigenKind.SECULAR_ROOT, j, 0, r.root.value(), r.s, r.root));
            }
        }
        list.add(new Entry(EigenKind.ZERO, d - 1, 0, Apfloat.ZERO, Apfloat.ZERO, null));
        return new YhatSpectrum(g, precision, List.copyOf(list), executor);
    }

    private static <T> List<T> onEach(int count, IntFunction<T> task, Executor executor) {
        return Tasks.onEach(count, task, executor);
    }

    /** K. */
    public int size() {
        return entries.size();
    }

    /** The size groups (distinct sizes and multiplicities). */
    public SizeGroups groups() {
        return groups;
    }

    public Precision precision() {
        return precision;
    }

    /** mu_i = s_i^2 (0-based i, decreasing). */
    public Apfloat eigenvalue(int i) {
        return entries.get(i).mu;
    }

    /** s_i (0-based i, decreasing); exactly 0 for i = K-1. */
    public Apfloat singularValue(int i) {
        return entries.get(i).s;
    }

    /** All singular values, decreasing. */
    public Apfloat[] singularValues() {
        return entries.stream().map(e -> e.s).toArray(Apfloat[]::new);
    }

    /** How mu_i arises. */
    public EigenKind kind(int i) {
        return entries.get(i).kind;
    }

    /** The exact value of mu_i when it is a tied size or zero (not a {@link EigenKind#SECULAR_ROOT}). */
    public long exactEigenvalue(int i) {
        Entry e = entries.get(i);
        if (e.kind == EigenKind.SECULAR_ROOT) {
            throw new IllegalStateException("mu_" + (i + 1) + " is a secular root, not exact");
        }
        return e.kind == EigenKind.ZERO ? 0 : groups.value(e.group);
    }

    /** Interlacing interval [n_(i+2), n_(i+1)] of mu_i (0-based i; sizes sorted decreasingly). */
    public long[] interlacingInterval(int i) {
        long upper = groups.sortedSize(i);
        long lower = i + 1 < groups.classes() ? groups.sortedSize(i + 1) : 0;
        return new long[] {lower, upper};
    }

    /** Multiplicity of s_i as a singular value of Yhat. */
    public int multiplicity(int i) {
        Entry e = entries.get(i);
        return e.kind == EigenKind.TIED_SIZE ? groups.multiplicity(e.group) - 1 : 1;
    }

    /**
     * The integer vector w behind u_i for an exact mu_i: the Helmert vector of its tied
     * group, or 1_K for mu_K = 0; null for a secular root. Package access for the certificate.
     */
    ExactVector exactVector(int i) {
        Entry e = entries.get(i);
        switch (e.kind) {
            case TIED_SIZE:
                return ExactVector.helmert(groups, e.group, e.tieIndex);
            case ZERO:
                return ExactVector.ones(size());
            default:
                return null;
        }
    }

    /** Package access to the root behind mu_i (null unless a secular root). */
    SecularRoot root(int i) {
        return entries.get(i).root;
    }

    /** U, K x K orthogonal, column i the left singular vector u_i. */
    public ApMatrix left() {
        ApMatrix m = left;
        if (m == null) {
            buildVectors();
            m = left;
        }
        return m;
    }

    /** V, K x K orthogonal, column i the right singular vector v_i (Yhat v_i = s_i u_i). */
    public ApMatrix right() {
        ApMatrix m = right;
        if (m == null) {
            buildVectors();
            m = right;
        }
        return m;
    }

    /** The exact certificate of C8 (isolating brackets, interlacing, trace, pseudo-determinant). */
    public SpectrumCertificate certificate() {
        SpectrumCertificate c = certificate;
        if (c == null) {
            synchronized (this) { // computed once even when claims ask for it side by side
                c = certificate;
                if (c == null) {
                    c = SpectrumCertificate.of(this);
                    certificate = c;
                }
            }
        }
        return c;
    }

    /**
     * The executor this spectrum was computed with ({@link #compute(long[], Precision, Executor)};
     * a direct one for {@link #compute(long[], Precision)}): the certificate, the vectors and the
     * structured pairs of {@link SingularVectors} fan their independent pieces out on it, and
     * their results do not depend on it.
     */
    public Executor executor() {
        return executor;
    }

    private synchronized void buildVectors() {
        if (left != null) {
            return;
        }
        int k = size();
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat[] sqrtN = new Apfloat[k];
        for (int c = 0; c < k; c++) {
            sqrtN[c] = h.sqrt(precision.of(groups.size(c)));
        }
        List<Apfloat[][]> pairs = onEach(k, i -> vectors(i, sqrtN, h), executor);
        Apfloat[][] u = new Apfloat[k][];
        Apfloat[][] v = new Apfloat[k][];
        for (int i = 0; i < k; i++) {
            u[i] = pairs.get(i)[0];
            v[i] = pairs.get(i)[1];
        }
        right = ApMatrix.fromColumns(v, precision);
        left = ApMatrix.fromColumns(u, precision);
    }

    private Apfloat[][] vectors(int i, Apfloat[] sqrtN, FixedPrecisionApfloatHelper h) {
        Entry e = entries.get(i);
        int k = size();
        Apfloat[] u = new Apfloat[k];
        Apfloat[] v = new Apfloat[k];
        Arrays.fill(u, Apfloat.ZERO);
        Arrays.fill(v, Apfloat.ZERO);
        switch (e.kind) {
            case ZERO: {
                scaled(exactVector(i), u, h);
                Apfloat invN = h.divide(Apfloat.ONE, h.sqrt(precision.of(groups.total())));
                for (int c = 0; c < k; c++) {
                    v[c] = h.multiply(sqrtN[c], invN);
                }
                break;
            }
            case TIED_SIZE: {
                scaled(exactVector(i), u, h);
                v = u.clone();
                break;
            }
            default: {
                SecularRoot r = e.root;
                SecularFunction f = new SecularFunction(groups, r.origin());
                Apfloat[] rec = f.reciprocals(r.delta(), h);
                Apfloat inv = h.divide(Apfloat.ONE, h.sqrt(f.sumSquares(rec, h)));
                for (int j = 0; j < groups.count(); j++) {
                    Apfloat rj = h.multiply(rec[j], inv);
                    Apfloat uj = h.multiply(groups.exactValue(j), rj);
                    Apfloat sj = h.multiply(e.s, rj);
                    for (int c : groups.members(j)) {
                        u[c] = uj;
                        v[c] = h.multiply(sqrtN[c], sj);
                    }
                }
                break;
            }
        }
        return new Apfloat[][] {u, v};
    }

    /** Writes w / sqrt(||w||^2) into u (its nonzero entries; the others stay as they are). */
    private void scaled(ExactVector w, Apfloat[] u, FixedPrecisionApfloatHelper h) {
        Apfloat inv = h.divide(Apfloat.ONE, h.sqrt(precision.of(w.normSquared())));
        long[] dense = w.dense(u.length);
        for (int c = 0; c < u.length; c++) {
            if (dense[c] != 0) {
                u[c] = h.multiply(new Apint(dense[c]), inv);
            }
        }
    }

    /** Exact decimal string of mu_i at the working precision (for certificates). */
    BigDecimal eigenvalueDecimal(int i) {
        Apfloat mu = entries.get(i).mu;
        return mu.signum() == 0 ? BigDecimal.ZERO : new BigDecimal(mu.toString(true));
    }

    /** A secular root with its square root. */
    private record Solved(SecularRoot root, Apfloat s) {
    }

    private static final class Entry {
        final EigenKind kind;
        final int group;
        final int tieIndex;
        final Apfloat mu;
        final Apfloat s;
        final SecularRoot root;

        Entry(EigenKind kind, int group, int tieIndex, Apfloat mu, Apfloat s, SecularRoot root) {
            this.kind = kind;
            this.group = group;
            this.tieIndex = tieIndex;
            this.mu = mu;
            this.s = s;
            this.root = root;
        }
    }
}
