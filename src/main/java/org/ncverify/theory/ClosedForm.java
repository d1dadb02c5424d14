package org.ncverify.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Orthonormal;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.Tasks;
import org.ncverify.model.Point;
import org.ncverify.spectrum.SingularVectors;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * The closed-form global minimizer of SPEC section 5 and the optimal value of claim C3.
 *
 * <ol>
 * <li>Yhat = U diag(s) V^T from {@link YhatSpectrum}.</li>
 * <li>p_i = p*(s_i) for i &lt;= r (bottleneck r = min(K, d, d_1, ..., d_{L-1})), else 0;
 *     f* = sum_{i&lt;=r} phi_{s_i}(p_i) + sum_{i&gt;r} s_i^2 / (2N).</li>
 * <li>With q_i = p_i^(1/(L+1)) and c_i = q_i^2 lambda_bar (= (p_i^2 Lambda)^(1/(L+1))), factor j
 *     (H or W_l, decay lambda_j) gets singular values a_{j,i} = sqrt(c_i / lambda_j)
 *     = q_i sqrt(lambda_bar / lambda_j), so lambda_j a_{j,i}^2 = c_i for every j (balance) and
 *     prod_j a_{j,i} = p_i.</li>
 * <li>Orthonormal R_0 (d x r), ..., R_{L-1} (d_{L-1} x r) (the first r unit vectors, or seeded
 *     random ones), R_L = U[:, 1..r]; X = R_0 diag(a_H) V_r^T, class means Mbar = X D^{-1},
 *     W_l = R_l diag(a_{W_l}) R_{l-1}^T, b = n / N. Then W_L...W_1 X = U diag(p) V^T.</li>
 * </ol>
 * Nothing K x K is formed: {@link #factored()} keeps the minimizer as its factor values and
 * the structured singular pairs of the m surviving directions (O(m D) numbers, what solve's
 * claims C3 and C4 read), and the dense {@link #point()} (built only when a claim asks for it)
 * takes its U_r, V_r columns from {@link SingularVectors}, O(K) each.
 * The point stores class means only (N is never materialised). {@link #of(Instance, Precision)}
 * computes everything, the spectrum of Yhat included, in the calling thread (callers that want
 * parallelism run several closed forms at once); {@link #of(Instance, Precision, Executor)} fans
 * the independent pieces (secular roots, scalar problems, certificate brackets, structured pairs,
 * Gram-defect rows) out on the given executor, with the same results to the last digit (every
 * piece is a pure function of its index and every sum is taken in index order).
 */
public final class ClosedForm {
    private final Instance instance;
    private final Precision precision;
    private final YhatSpectrum spectrum;
    private final ScalarLaw law;
    private final List<ScalarSolution> solutions;
    private final Apfloat objective;
    private final Long rotationSeed;
    private volatile Point point;
    private volatile FactoredMinimizer factored;
    private volatile Apfloat[] bias;

    private ClosedForm(Instance instance, Precision precision, YhatSpectrum spectrum, ScalarLaw law,
                       List<ScalarSolution> solutions, Apfloat objective, Long rotationSeed) {
        this.instance = instance;
        this.precision = precision;
        this.spectrum = spectrum;
        this.law = law;
        this.solutions = solutions;
        this.objective = objective;
        this.rotationSeed = rotationSeed;
    }

    /** The closed form with canonical R_l (the first r unit vectors). */
    public static ClosedForm of(Instance instance, Precision precision) {
        return build(instance, precision, null, Runnable::run);
    }

    /**
     * The closed form with canonical R_l, its independent pieces computed as tasks on
     * {@code executor} (a pool the caller owns and keeps open while the closed form is in use:
     * the certificate and the factored form are built on first request).
     */
    public static ClosedForm of(Instance instance, Precision precision, Executor executor) {
        return build(instance, precision, null, executor);
    }

    /** The closed form with seeded random orthonormal R_0..R_{L-1}. */
    public static ClosedForm rotated(Instance instance, Precision precision, long seed) {
        return build(instance, precision, seed, Runnable::run);
    }

    private static ClosedForm build(Instance instance, Precision precision, Long seed, Executor executor) {
        YhatSpectrum spectrum = YhatSpectrum.compute(instance.sizes(), precision, executor);
        ScalarLaw law = ScalarLaw.of(instance, precision);
        int r = instance.bottleneck();
        List<ScalarSolution> sol = Tasks.onEach(spectrum.size(), i -> {
            Apfloat s = spectrum.singularValue(i);
            return i < r && s.signum() > 0 ? law.solve(s, () -> spectrum.certificate().bracket(i)) : law.collapsed(s);
        }, executor);
        FixedPrecisionApfloatHelper h = precision.helper();
        Apfloat f = Apfloat.ZERO;
        for (ScalarSolution x : sol) {
            f = h.add(f, x.phi());
        }
        return new ClosedForm(instance, precision, spectrum, law, List.copyOf(sol), f, seed);
    }

    public Instance instance() {
        return instance;
    }

    public Precision precision() {
        return precision;
    }

    public YhatSpectrum spectrum() {
        return spectrum;
    }

    public ScalarLaw law() {
        return law;
    }

    /** The scalar solutions, one per singular value of Yhat (decreasing s). */
    public List<ScalarSolution> solutions() {
        return solutions;
    }

    /** p*(s_i) aligned with s_i, zero beyond the bottleneck. */
    public Apfloat[] productSingularValues() {
        return solutions.stream().map(ScalarSolution::p).toArray(Apfloat[]::new);
    }

    /**
     * True when index i may take either branch: s_i = s_crit (L &gt;= 2) with a positive jump
     * p*(s_i), so both 0 and p*(s_i) minimize phi there.
     */
    public boolean eitherBranch(int i) {
        ScalarSolution x = solutions.get(i);
        return x.branch() == Branch.AT_THRESHOLD && x.p().signum() > 0;
    }

    /**
     * The one list of admissible values at s_crit: for per-index targets t (p*, or any quantity
     * that is 0 exactly where p* is, such as a factor's singular values) and the index range
     * [from, to), the lists t[from..to), then the same with its last j = 1..m indices that may
     * take either branch ({@link #eitherBranch}) set to 0. The indices at s_crit carry the
     * smallest positive p* (p* is non-decreasing in s and 0 below s_crit), so a decreasing t
     * stays decreasing in every list. Used by C4 (the whole spectrum) and C5-C7 (per tied block).
     */
    public List<Apfloat[]> admissible(Apfloat[] t, int from, int to) {
        Apfloat[] alt = Arrays.copyOfRange(t, from, to);
        List<Apfloat[]> out = new ArrayList<>();
        out.add(alt.clone());
        for (int i = alt.length - 1; i >= 0; i--) {
            if (eitherBranch(from + i)) {
                alt[i] = Apfloat.ZERO;
                out.add(alt.clone());
            }
        }
        return out;
    }

    /** f* by the formula of claim C3. */
    public Apfloat objective() {
        return objective;
    }

    /** s_crit. */
    public Apfloat threshold() {
        return law.threshold();
    }

    /** Number of nonzero p*(s_i): the rank of W_L...W_1 X at the minimizer. */
    public int survivingDirections() {
        return (int) solutions.stream().filter(x -> x.p().signum() > 0).count();
    }

    /**
     * b* = n / N, each entry the quotient n_k / N of two integers correctly rounded to the working
     * precision (one division per distinct size, computed once).
     */
    public Apfloat[] bias() {
        Apfloat[] b = bias;
        if (b == null) {
            FixedPrecisionApfloatHelper h = precision.helper();
            Apfloat total = precision.of(instance.total());
            java.util.Map<Long, Apfloat> bySize = new java.util.HashMap<>();
            b = new Apfloat[instance.classes()];
            for (int k = 0; k < b.length; k++) {
                b[k] = bySize.computeIfAbsent(instance.size(k), n -> h.divide(precision.of(n), total));
            }
            bias = b;
        }
        return b.clone();
    }

    /**
     * The minimizer in factored form ({@link FactoredMinimizer}: factor singular values and the
     * structured singular pairs of the surviving directions, O(m D) memory), built on first
     * request; null for a closed form in seeded random frames (whose frames are dense).
     */
    public FactoredMinimizer factored() {
        if (rotationSeed != null) {
            return null;
        }
        FactoredMinimizer f = factored;
        if (f == null) {
            synchronized (this) { // built once, also when claims ask for it side by side
                f = factored;
                if (f == null) {
                    f = FactoredMinimizer.of(instance, SingularVectors.of(spectrum, survivingPrefix()),
                        factorValues(survivingPrefix()));
                    factored = f;
                }
            }
        }
        return f;
    }

    /** m, the surviving directions, checked to be the first m indices (p* is non-decreasing in s). */
    private int survivingPrefix() {
        int m = survivingDirections();
        for (int i = 0; i < m; i++) {
            if (solutions.get(i).p().signum() <= 0) {
                throw new IllegalStateException("surviving directions are not a prefix of the spectrum (index " + (i + 1) + ")");
            }
        }
        return m;
    }

    /** a_{j,i} for j = 0..L and i &lt; count. */
    private Apfloat[][] factorValues(int count) {
        Apfloat[][] a = new Apfloat[instance.depth() + 1][];
        for (int j = 0; j <= instance.depth(); j++) {
            a[j] = Arrays.copyOf(factorSingularValues(j), count);
        }
        return a;
    }

    /** The constructed global minimizer (built on first request). */
    public Point point() {
        Point p = point;
        if (p == null) {
            synchronized (this) {
                p = point;
                if (p == null) {
                    p = buildPoint();
                    point = p;
                }
            }
        }
        return p;
    }

    /**
     * The singular values a_{j,i} = sqrt(c_i / lambda_j) = q_i sqrt(lambda_bar / lambda_j) of
     * factor j of the closed form (j = 0: H, i.e. X = Mbar D; j = l in 1..L: W_l), aligned with
     * s_i: zero for i beyond the bottleneck and wherever p*(s_i) = 0. They satisfy
     * prod_j a_{j,i} = p*(s_i) and lambda_j a_{j,i}^2 = c_i for every j (balance), so at every
     * balanced global minimizer row i of U^T W_L...W_1 has norm prod_l a_{W_l,i} and column i of
     * X V has norm a_{H,i} (claims C5, C6).
     *
     * @param j 0 for H, l in 1..L for W_l
     * @return K values, a new array
     */
    public Apfloat[] factorSingularValues(int j) {
        if (j < 0 || j > instance.depth()) {
            throw new IllegalArgumentException("factor j = " + j + ": must be 0 (H) or 1.." + instance.depth() + " (W_l)");
        }
        FixedPrecisionApfloatHelper h = precision.helper();
        Aprational lam = j == 0 ? instance.lambdaH() : instance.lambdaW(j);
        Apfloat factor = h.sqrt(h.divide(law.lambdaBar(), precision.of(lam)));
        Apfloat[] a = new Apfloat[solutions.size()];
        for (int i = 0; i < a.length; i++) {
            Apfloat q = solutions.get(i).q();
            a[i] = q.signum() == 0 ? Apfloat.ZERO : h.multiply(q, factor);
        }
        return a;
    }

    /**
     * The dense point. Columns i &gt;= m of U_r, V_r meet a zero factor value (p*(s_i) = 0), so
     * only the m surviving pairs are formed ({@link SingularVectors}, O(K) each); the others are
     * zero columns. Memory O((K + d) r) entries, no K x K matrix.
     */
    private Point buildPoint() {
        FixedPrecisionApfloatHelper h = precision.helper();
        int k = instance.classes();
        int r = instance.bottleneck();
        int depth = instance.depth();
        int m = survivingPrefix();
        Apfloat[][] a = factorValues(r);
        SingularVectors pairs = SingularVectors.of(spectrum, m);
        Apfloat[][] uCols = new Apfloat[r][];
        Apfloat[][] vCols = new Apfloat[r][];
        for (int i = 0; i < r; i++) {
            uCols[i] = i < m ? pairs.left(i) : zeros(k);
            vCols[i] = i < m ? pairs.right(i) : zeros(k);
        }
        List<ApMatrix> frames = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            int dl = instance.layerDim(l);
            frames.add(rotationSeed == null ? canonical(dl, r) : Orthonormal.random(dl, r, rotationSeed + l, precision));
        }
        frames.add(ApMatrix.fromColumns(uCols, precision));
        ApMatrix vr = ApMatrix.fromColumns(vCols, precision);
        ApMatrix x = frames.get(0).scaleColumns(a[0]).multiply(vr.transpose());
        Apfloat[] invSqrtN = new Apfloat[k];
        for (int c = 0; c < k; c++) {
            invSqrtN[c] = h.divide(Apfloat.ONE, h.sqrt(precision.of(instance.size(c))));
        }
        ApMatrix means = x.scaleColumns(invSqrtN);
        List<ApMatrix> weights = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            weights.add(frames.get(l).scaleColumns(a[l]).multiply(frames.get(l - 1).transpose()));
        }
        return Point.ofClassMeans(instance, weights, means, bias());
    }

    private static Apfloat[] zeros(int k) {
        Apfloat[] z = new Apfloat[k];
        Arrays.fill(z, Apfloat.ZERO);
        return z;
    }

    private ApMatrix canonical(int rows, int r) {
        Apfloat[][] e = new Apfloat[rows][r];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < r; j++) {
                e[i][j] = i == j ? Apfloat.ONE : Apfloat.ZERO;
            }
        }
        return ApMatrix.of(e, precision);
    }
}
