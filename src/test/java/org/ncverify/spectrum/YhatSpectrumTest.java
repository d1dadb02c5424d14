package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.SymmetricEigen;

/**
 * Claim C8 and the SVD of Yhat = (I - n 1^T/N) diag(sqrt n) from {@link YhatSpectrum}, at
 * P = 30, 60 and 200 digits on seeded random class sizes (uniform, ties repeated 2, 3 and 5
 * times, long tails with max/min = 10^6, sizes near 10^12). Tolerances are 10^-(P-5)
 * (relative to ||Yhat||_F for the SVD residual), derived from the {@link Precision}.
 * Each instance's seed is in its name and in every message.
 */
class YhatSpectrumTest {
    private static final int[] DIGITS = {30, 60, 200};
    /** Largest K at 200 digits (keeps the run short). */
    private static final int MAX_K_AT_200 = 12;
    /** Largest K for the generic Jacobi cross-check. */
    private static final int MAX_K_CROSS_CHECK = 8;
    private static final long MAX_SIZE = 1_000_000L;
    private static final long TERA = 1_000_000_000_000L;

    private static final Map<String, YhatSpectrum> CACHE = new ConcurrentHashMap<>();

    /** One test instance: a label, the precision, the sizes and the seed that made them. */
    record Case(String label, int digits, long[] sizes, long seed) {
        Precision precision() {
            return Precision.of(digits);
        }

        YhatSpectrum spectrum() {
            return CACHE.computeIfAbsent(toString(), key -> YhatSpectrum.compute(sizes, precision()));
        }

        String where() {
            return label + " P=" + digits + " " + SpectrumFixtures.describe(sizes) + SpectrumFixtures.replay(seed);
        }

        @Override
        public String toString() {
            return label + " P=" + digits + " K=" + sizes.length + " seed=" + seed;
        }
    }

    static List<Case> allCases() {
        List<Case> list = new ArrayList<>();
        for (int digits : DIGITS) {
            int maxK = digits >= 200 ? MAX_K_AT_200 : 40;
            long seed = SpectrumFixtures.BASE_SEED + 1000L * digits;
            list.add(random("uniform K=2", digits, ++seed, r -> SpectrumFixtures.uniform(r, 2, MAX_SIZE)));
            list.add(random("uniform K=" + maxK, digits, ++seed, r -> SpectrumFixtures.uniform(r, maxK, MAX_SIZE)));
            for (int rep = 0; rep < 2; rep++) {
                list.add(random("uniform random K", digits, ++seed,
                    r -> SpectrumFixtures.uniform(r, 2 + r.nextInt(maxK - 1), MAX_SIZE)));
            }
            for (int ties : new int[] {2, 3, 5}) {
                list.add(random("tie x" + ties, digits, ++seed,
                    r -> SpectrumFixtures.withTie(r, ties + 1 + r.nextInt(maxK - ties), MAX_SIZE, ties)));
            }
            list.add(random("two ties x3 x5", digits, ++seed, r -> {
                long[] n = SpectrumFixtures.uniform(r, Math.min(maxK, 12), MAX_SIZE);
                Arrays.fill(n, 0, 3, n[0]);
                Arrays.fill(n, 3, 8, n[3]);
                SpectrumFixtures.shuffle(r, n);
                return n;
            }));
            list.add(random("long tail 10^6", digits, ++seed, r -> SpectrumFixtures.longTail(r, maxK, MAX_SIZE, 1e6)));
            list.add(random("balanced", digits, ++seed, r -> {
                long[] n = new long[2 + r.nextInt(maxK - 1)];
                Arrays.fill(n, 1 + r.nextInt((int) MAX_SIZE));
                return n;
            }));
            list.add(new Case("near 10^12", digits, new long[] {TERA, TERA - 1, 3, 1}, 0));
            list.add(random("near 10^12 mixed", digits, ++seed, r -> {
                long[] n = {TERA, TERA - 1, TERA - 1, TERA - 2, 1 + r.nextInt(1000), 1, 1};
                SpectrumFixtures.shuffle(r, n);
                return n;
            }));
        }
        return list;
    }

    private static Case random(String label, int digits, long seed, java.util.function.Function<Random, long[]> gen) {
        return new Case(label, digits, gen.apply(new Random(seed)), seed);
    }

    static Stream<Case> cases() {
        return allCases().stream();
    }

    static Stream<Case> smallCases() {
        return allCases().stream().filter(c -> c.digits() == 60 && c.sizes().length <= MAX_K_CROSS_CHECK);
    }

    private static Apfloat tol(Precision p) {
        return p.pow10(-(p.digits() - 5));
    }

    private static void assertAtMost(Apfloat x, Apfloat bound, String what, Case c) {
        assertTrue(x.compareTo(bound) <= 0,
            () -> what + " = " + Precision.format(x, 6) + " exceeds " + Precision.format(bound, 6) + " at " + c.where());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void singularVectorsAreOrthonormal(Case c) {
        YhatSpectrum sp = c.spectrum();
        Precision p = c.precision();
        ApMatrix eye = ApMatrix.identity(sp.size(), p);
        ApMatrix u = sp.left();
        ApMatrix v = sp.right();
        assertAtMost(u.transpose().multiply(u).subtract(eye).maxAbs(), tol(p), "max |U^T U - I|", c);
        assertAtMost(v.transpose().multiply(v).subtract(eye).maxAbs(), tol(p), "max |V^T V - I|", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void yhatTimesVIsUTimesS(Case c) {
        YhatSpectrum sp = c.spectrum();
        Precision p = c.precision();
        ApMatrix y = SpectrumFixtures.yhat(c.sizes(), p);
        ApMatrix residual = y.multiply(sp.right()).subtract(sp.left().scaleColumns(sp.singularValues()));
        Apfloat bound = p.helper().multiply(tol(p), y.frobeniusNorm());
        assertAtMost(residual.maxAbs(), bound, "max |Yhat V - U diag(s)|", c);
        // and the reconstruction Yhat = U diag(s) V^T
        ApMatrix rebuilt = sp.left().scaleColumns(sp.singularValues()).multiply(sp.right().transpose());
        assertAtMost(rebuilt.subtract(y).maxAbs(), bound, "max |U diag(s) V^T - Yhat|", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void orderedWithExactZeroAndInterlacing(Case c) {
        YhatSpectrum sp = c.spectrum();
        Precision p = c.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        int k = sp.size();
        assertEquals(c.sizes().length, k, "K at " + c.where());
        assertEquals(EigenKind.ZERO, sp.kind(k - 1), "kind of s_K at " + c.where());
        assertEquals(0, sp.singularValue(k - 1).signum(), "s_K exactly 0 at " + c.where());
        assertEquals(0, sp.eigenvalue(k - 1).signum(), "mu_K exactly 0 at " + c.where());
        long[] sorted = Arrays.stream(c.sizes()).boxed().sorted((a, b) -> Long.compare(b, a)).mapToLong(Long::longValue).toArray();
        for (int i = 0; i < k; i++) {
            int index = i;
            Apfloat mu = sp.eigenvalue(i);
            if (i > 0) {
                assertTrue(sp.eigenvalue(i - 1).compareTo(mu) >= 0, () -> "mu_" + index + " < mu_" + (index + 1) + " at " + c.where());
            }
            if (i < k - 1) {
                Apfloat upper = p.of(sorted[i]);
                Apfloat lower = p.of(sorted[i + 1]);
                assertTrue(lower.compareTo(mu) <= 0 && mu.compareTo(upper) <= 0,
                    () -> "interlacing n_(" + (index + 2) + ") <= s_" + (index + 1) + "^2 <= n_(" + (index + 1) + ") fails: "
                        + Precision.format(mu, 20) + " not in [" + sorted[index + 1] + ", " + sorted[index] + "] at " + c.where());
                if (sp.kind(i) == EigenKind.SECULAR_ROOT) {
                    assertTrue(lower.compareTo(mu) < 0 && mu.compareTo(upper) < 0,
                        () -> "secular root s_" + (index + 1) + "^2 on a pole at " + c.where());
                }
                assertTrue(Arrays.equals(new long[] {sorted[i + 1], sorted[i]}, sp.interlacingInterval(i)),
                    () -> "interlacingInterval(" + index + ") = " + Arrays.toString(sp.interlacingInterval(index)) + " at " + c.where());
            }
            // s_i^2 = mu_i
            Apfloat s = sp.singularValue(i);
            assertTrue(s.signum() >= 0, () -> "negative s_" + (index + 1) + " at " + c.where());
            assertAtMost(SpectrumFixtures.relativeError(h.multiply(s, s), mu, p), tol(p), "relative |s_" + (i + 1) + "^2 - mu|", c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tiedSizeGivesExactEigenvalueOfMultiplicityMMinus1(Case c) {
        YhatSpectrum sp = c.spectrum();
        Precision p = c.precision();
        SizeGroups g = sp.groups();
        int roots = 0;
        for (int i = 0; i < sp.size(); i++) {
            roots += sp.kind(i) == EigenKind.SECULAR_ROOT ? 1 : 0;
        }
        assertEquals(g.count() - 1, roots, "one secular root per gap between distinct sizes at " + c.where());
        for (int j = 0; j < g.count(); j++) {
            long size = g.value(j);
            long m = Arrays.stream(c.sizes()).filter(x -> x == size).count();
            int found = 0;
            for (int i = 0; i < sp.size(); i++) {
                if (sp.kind(i) == EigenKind.TIED_SIZE && sp.exactEigenvalue(i) == size) {
                    found++;
                    int index = i;
                    assertEquals(m - 1, sp.multiplicity(i), () -> "multiplicity of s_" + (index + 1) + " at " + c.where());
                    assertEquals(0, sp.eigenvalue(i).compareTo(p.of(size)),
                        () -> "tied s_" + (index + 1) + "^2 = " + Precision.format(sp.eigenvalue(index), 20)
                            + " is not exactly " + size + " at " + c.where());
                }
            }
            assertEquals(m - 1, found, "size " + size + " repeated " + m + " times: eigenvalue " + size
                + " should appear " + (m - 1) + " times at " + c.where());
        }
        if (c.label().startsWith("tie x")) {
            int ties = Integer.parseInt(c.label().substring("tie x".length()));
            boolean present = false;
            for (int j = 0; j < g.count(); j++) {
                present |= g.multiplicity(j) >= ties;
            }
            assertTrue(present, "fixture should hold a size repeated " + ties + " times at " + c.where());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void traceAndPseudoDeterminantIdentities(Case c) {
        YhatSpectrum sp = c.spectrum();
        Precision p = c.precision();
        FixedPrecisionApfloatHelper h = p.helper();
        Apfloat sum = Apfloat.ZERO;
        Apfloat prod = p.of(1L);
        for (int i = 0; i < sp.size(); i++) {
            sum = h.add(sum, sp.eigenvalue(i));
            if (i < sp.size() - 1) {
                prod = h.multiply(prod, sp.eigenvalue(i));
            }
        }
        assertAtMost(SpectrumFixtures.relativeError(sum, SpectrumFixtures.exactTrace(c.sizes(), p), p), tol(p),
            "relative |sum s_i^2 - (N - sum n^2/N)|", c);
        assertAtMost(SpectrumFixtures.relativeError(prod, SpectrumFixtures.exactPseudoDeterminant(c.sizes(), p), p), tol(p),
            "relative |prod_{i<K} s_i^2 - K prod n / N|", c);
    }

    /**
     * Each secular root satisfies 1 = (1/N) sum_k n_k^2 / (n_k - mu) to working precision: the
     * residual r = 1 - (1/N) sum_k n_k^2/(n_k - mu), evaluated with 10 extra guard digits, is at
     * most 10^3 eps S with eps = 10^-(P+G) and the condition scale
     * S = (1/N) sum_k n_k^2/|n_k - mu| + mu (1/N) sum_k n_k^2/(n_k - mu)^2 (the size of the terms plus
     * |mu f'(mu)|, what a relative error eps in mu can move f by).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secularRootsSolveTheSecularEquation(Case c) {
        YhatSpectrum sp = c.spectrum();
        Precision p = c.precision();
        Precision q = p.withExtraGuard(10);
        FixedPrecisionApfloatHelper h = q.helper();
        Apfloat total = q.of(SpectrumFixtures.total(c.sizes()).longValueExact());
        Apfloat bound = h.multiply(p.epsilon(), q.of(1000L));
        for (int i = 0; i < sp.size(); i++) {
            if (sp.kind(i) != EigenKind.SECULAR_ROOT) {
                continue;
            }
            Apfloat mu = q.of(sp.eigenvalue(i));
            Apfloat sum = Apfloat.ZERO;
            Apfloat abs = Apfloat.ZERO;
            Apfloat deriv = Apfloat.ZERO;
            for (long n : c.sizes()) {
                Apfloat nk = q.of(n);
                Apfloat r = h.divide(q.of(1L), h.subtract(nk, mu));
                Apfloat t = h.multiply(h.multiply(nk, nk), r);
                sum = h.add(sum, t);
                abs = h.add(abs, ApfloatMath.abs(t));
                deriv = h.add(deriv, ApfloatMath.abs(h.multiply(t, r)));
            }
            Apfloat residual = ApfloatMath.abs(h.subtract(q.of(1L), h.divide(sum, total)));
            Apfloat scale = h.divide(h.add(abs, h.multiply(mu, deriv)), total);
            assertAtMost(h.divide(residual, scale), bound,
                "secular residual / condition scale for s_" + (i + 1) + "^2", c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void certificateHolds(Case c) {
        YhatSpectrum sp = c.spectrum();
        SpectrumCertificate cert = sp.certificate();
        String where = c.where();
        assertTrue(cert.allCertified(), () -> "uncertified brackets at " + where + ": " + cert.brackets().stream()
            .filter(b -> !b.certified()).map(SpectrumCertificate.Bracket::evidence).toList());
        assertTrue(cert.interlacing(), "exact interlacing at " + where);
        assertTrue(cert.trace(), "exact trace enclosure at " + where);
        assertTrue(cert.pseudoDeterminant(), "exact pseudo-determinant enclosure at " + where);
        assertTrue(cert.exactVectors(), "exact tied/null vectors at " + where);
        assertTrue(cert.holds(), "certificate holds at " + where);
        assertTrue(cert.minCertifiedDigits() >= c.digits(),
            () -> "certified digits " + cert.minCertifiedDigits() + " < P at " + where);
        // each bracket against the interlacing interval [n_(i+1), n_(i)] of the raw sizes (computed
        // here, not by the certificate): a secular root strictly inside it, a tie exactly [n_(i), n_(i)],
        // the zero exactly [0, 0]
        long[] sorted = Arrays.stream(c.sizes()).boxed().sorted((a, b) -> Long.compare(b, a)).mapToLong(Long::longValue).toArray();
        for (int i = 0; i < sp.size(); i++) {
            SpectrumCertificate.Bracket b = cert.bracket(i);
            BigDecimal upper = BigDecimal.valueOf(sorted[i]);
            BigDecimal lower = i + 1 < sorted.length ? BigDecimal.valueOf(sorted[i + 1]) : BigDecimal.ZERO;
            int index = i;
            String bracket = "bracket of mu_" + (i + 1) + " [" + b.lower() + ", " + b.upper() + "] against ["
                + lower + ", " + upper + "] at " + where;
            switch (sp.kind(i)) {
                case SECULAR_ROOT:
                    assertTrue(lower.compareTo(b.lower()) < 0 && b.upper().compareTo(upper) < 0, () -> bracket);
                    break;
                case TIED_SIZE:
                    assertTrue(b.lower().compareTo(upper) == 0 && b.upper().compareTo(upper) == 0, () -> bracket);
                    break;
                default:
                    assertTrue(index == sp.size() - 1 && b.lower().signum() == 0 && b.upper().signum() == 0, () -> bracket);
                    break;
            }
        }
    }

    /**
     * Cross-check against the generic cyclic Jacobi eigensolver on A = diag(n) - n n^T/N built as an
     * ApMatrix: the eigenvalues agree to 10^-55 ||A||_F at 60 digits (K &lt;= 8).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("smallCases")
    void agreesWithGenericJacobi(Case c) {
        YhatSpectrum sp = c.spectrum();
        Precision p = c.precision();
        ApMatrix a = SpectrumFixtures.gram(c.sizes(), p);
        SymmetricEigen eig = SymmetricEigen.of(a);
        Apfloat bound = p.helper().multiply(p.pow10(-(p.digits() - 5)), a.frobeniusNorm());
        for (int i = 0; i < sp.size(); i++) {
            Apfloat diff = ApfloatMath.abs(p.helper().subtract(eig.eigenvalue(i), sp.eigenvalue(i)));
            assertAtMost(diff, bound, "|Jacobi lambda_" + (i + 1) + " - s_" + (i + 1) + "^2|", c);
        }
    }

    /**
     * The caller's executor is the one used: on a tie-and-roots instance (D = 4 distinct sizes,
     * K = 7) it receives helpers for the D - 1 = 3 root tasks from compute (at least one, at most
     * 2: {@link org.ncverify.linalg.Tasks#onEach} lets the caller take part, solve-perf) and for the
     * K = 7 vector tasks from the first left() (at least one, at most 6), none when the vectors are
     * asked for again, and the values and both vector matrices equal the sequential ones digit for
     * digit (each task is a pure function of its index).
     */
    @Test
    void theCallersExecutorComputesTheSameSpectrum() {
        long[] sizes = {9, 4, 9, 1, 9, 6, 4};
        Precision p = Precision.of(60);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            AtomicInteger tasks = new AtomicInteger();
            Executor counting = r -> {
                tasks.incrementAndGet();
                pool.execute(r);
            };
            YhatSpectrum parallel = YhatSpectrum.compute(sizes, p, counting);
            int roots = tasks.get();
            assertTrue(roots >= 1 && roots <= 2, "root helpers on the caller's executor: " + roots);
            YhatSpectrum sequential = YhatSpectrum.compute(sizes, p);
            for (int i = 0; i < sizes.length; i++) {
                assertEquals(0, parallel.eigenvalue(i).compareTo(sequential.eigenvalue(i)), "mu_" + (i + 1));
            }
            ApMatrix u = parallel.left();
            int vectors = tasks.get() - roots;
            assertTrue(vectors >= 1 && vectors <= sizes.length - 1, "vector helpers on the caller's executor: " + vectors);
            assertEquals(0, u.subtract(sequential.left()).maxAbs().signum(), "U");
            assertEquals(0, parallel.right().subtract(sequential.right()).maxAbs().signum(), "V");
            assertEquals(roots + vectors, tasks.get(), "vectors built once");
        } finally {
            pool.shutdown();
        }
    }
}
