package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.linalg.Precision;

/**
 * The exact evidence of {@link SpectrumCertificate} must be able to FAIL: exact signs around a
 * root, undecided (0) signs at too coarse a scale, wrong brackets (shifted by 10^-20 relative,
 * far more than their width; or straddling a pole) not certified, and perturbed eigenvalue lists
 * rejected by the exact trace, pseudo-determinant and interlacing checks. Each positive control
 * runs the same check on the correct input, so a rejection is never vacuous.
 */
class SpectrumCertificateTest {
    private static final int DIGITS = 60;
    /** Relative shift of a deliberately wrong eigenvalue: far outside a 10^-(P+3) bracket. */
    private static final BigDecimal WRONG_SHIFT = BigDecimal.ONE.scaleByPowerOfTen(-20);

    static Stream<Arguments> instances() {
        long seed = SpectrumFixtures.BASE_SEED + 77;
        List<Arguments> list = new ArrayList<>();
        list.add(Arguments.of("uniform K=10", seed, SpectrumFixtures.uniform(new Random(seed), 10, 1_000_000L)));
        list.add(Arguments.of("long tail K=20", seed + 1, SpectrumFixtures.longTail(new Random(seed + 1), 20, 1_000_000L, 1e6)));
        list.add(Arguments.of("tie x3 K=9", seed + 2, SpectrumFixtures.withTie(new Random(seed + 2), 9, 1000L, 3)));
        list.add(Arguments.of("near 10^12", 0L, new long[] {1_000_000_000_000L, 999_999_999_999L, 3, 1}));
        return list.stream();
    }

    private static String where(String label, long seed, long[] sizes) {
        return label + " " + SpectrumFixtures.describe(sizes) + SpectrumFixtures.replay(seed);
    }

    /** The regular half-width of the certificate at P digits: mu 10^-(P+3). */
    private static BigDecimal regularHalf(BigDecimal mu) {
        return mu.multiply(BigDecimal.ONE.scaleByPowerOfTen(-(DIGITS + 3))).round(new MathContext(2));
    }

    // ---- (a) exact signs ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("instances")
    void exactSignIsPlusLeftAndMinusRightOfEveryRoot(String label, long seed, long[] sizes) {
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
        SizeGroups g = sp.groups();
        String where = where(label, seed, sizes);
        for (int i = 0; i < sp.size(); i++) {
            if (sp.kind(i) != EigenKind.SECULAR_ROOT) {
                continue;
            }
            BigDecimal mu = sp.eigenvalueDecimal(i);
            BigDecimal half = regularHalf(mu);
            BigDecimal lo = mu.subtract(half);
            BigDecimal hi = mu.add(half);
            int fine = 2 * DIGITS + 40;
            int index = i;
            assertEquals(1, ExactSecularSign.sign(g, lo, fine), () -> "sign f(mu_" + (index + 1) + " - h) at " + where);
            assertEquals(-1, ExactSecularSign.sign(g, hi, fine), () -> "sign f(mu_" + (index + 1) + " + h) at " + where);
            // never the wrong sign, at any scale: 0 (undecided) or the true sign
            for (int scale = 0; scale <= fine; scale += 7) {
                int sLo = ExactSecularSign.sign(g, lo, scale);
                int sHi = ExactSecularSign.sign(g, hi, scale);
                int s = scale;
                assertTrue(sLo >= 0 && sHi <= 0, () -> "wrong sign at scale " + s + " around mu_" + (index + 1) + " at " + where);
            }
        }
    }

    /**
     * n = (3, 1): N = 4 and the nonzero eigenvalue is 2 * 3 * 1 / 4 = 3/2 exactly, where
     * F(a) = 4 - 9/(3 - a) - 1/(1 - a) vanishes with F'(3/2) = -8. At a = 3/2 no scale can decide;
     * at a = 3/2 + 10^-30 (F = -8 10^-30) the enclosure of width D 10^-S = 2 10^-S contains 0 up to
     * S = 29 and excludes it from S = 30.
     */
    @Test
    void exactSignUndecidedWhenTheScaleIsTooCoarse() {
        SizeGroups g = SizeGroups.of(new long[] {3, 1});
        BigDecimal root = new BigDecimal("1.5");
        BigDecimal e = BigDecimal.ONE.scaleByPowerOfTen(-30);
        for (int scale = 0; scale <= 80; scale++) {
            assertEquals(0, ExactSecularSign.sign(g, root, scale), "F(3/2) = 0 exactly: undecided at scale " + scale);
        }
        for (int scale = 0; scale <= 29; scale++) {
            assertEquals(0, ExactSecularSign.sign(g, root.add(e), scale), "F(3/2 + 1e-30) at too coarse scale " + scale);
        }
        for (int scale = 30; scale <= 80; scale++) {
            assertEquals(-1, ExactSecularSign.sign(g, root.add(e), scale), "F(3/2 + 1e-30) at scale " + scale);
        }
        for (int scale = 0; scale <= 80; scale++) {
            int s = ExactSecularSign.sign(g, root.subtract(e), scale);
            assertTrue(scale <= 30 ? s >= 0 : s == 1, "F(3/2 - 1e-30) at scale " + scale + " gave " + s);
        }
        assertThrows(ArithmeticException.class, () -> ExactSecularSign.sign(g, new BigDecimal(3), 10), "a pole");
        // the computed spectrum agrees: mu_1 = 3/2
        YhatSpectrum sp = YhatSpectrum.compute(new long[] {3, 1}, Precision.of(DIGITS));
        assertEquals(0, sp.eigenvalueDecimal(0).compareTo(root), "mu_1 of (3, 1) is 3/2");
    }

    /**
     * The exact sign settles what no fixed scale can: F(3/2) = 0 for sizes (3, 1) (and for the
     * midpoint root of (1, 1, 2)), while +-10^-60 away (F = -+8 10^-60, far below the quick scale)
     * it is still the true sign, never 0.
     */
    @Test
    void exactSignIsZeroExactlyAtARationalRoot() {
        BigDecimal e = BigDecimal.ONE.scaleByPowerOfTen(-60);
        BigDecimal root = new BigDecimal("1.5");
        for (long[] sizes : new long[][] {{3, 1}, {1, 1, 2}}) {
            SizeGroups g = SizeGroups.of(sizes);
            String where = java.util.Arrays.toString(sizes);
            assertEquals(0, ExactSecularSign.exactSign(g, root), "F(3/2) = 0 for " + where);
            assertEquals(1, ExactSecularSign.exactSign(g, root.subtract(e)), "F(3/2 - 1e-60) > 0 for " + where);
            assertEquals(-1, ExactSecularSign.exactSign(g, root.add(e)), "F(3/2 + 1e-60) < 0 for " + where);
        }
        assertThrows(ArithmeticException.class, () -> ExactSecularSign.exactSign(SizeGroups.of(new long[] {3, 1}),
            new BigDecimal(3)), "a pole");
    }

    /**
     * A bracket whose end IS the root (lo = 3/2 for sizes (3, 1)): the scaled signs stay
     * undecided there; the exact sign 0 proves lo is the root and gives the exact bracket
     * [3/2, 3/2]. A bracket [3/2 + h, 3/2 + 2h] beside the root is still refused.
     */
    @Test
    void bracketEndingOnTheRootIsCertifiedExactly() {
        SizeGroups g = SizeGroups.of(new long[] {3, 1});
        BigDecimal root = new BigDecimal("1.5");
        BigDecimal half = BigDecimal.ONE.scaleByPowerOfTen(-40);
        SpectrumCertificate.Bracket b = SpectrumCertificate.certifyRoot(g, 0, root.add(half), half, 8.0);
        assertTrue(b.certified(), b.evidence());
        assertEquals(0, b.lower().compareTo(root), "lower end " + b.lower());
        assertEquals(0, b.upper().compareTo(root), "upper end " + b.upper());
        assertEquals(Integer.MAX_VALUE, b.certifiedDigits());
        SpectrumCertificate.Bracket up = SpectrumCertificate.certifyRoot(g, 0, root.subtract(half), half, 8.0);
        assertTrue(up.certified() && up.lower().compareTo(root) == 0 && up.upper().compareTo(root) == 0, up.evidence());
        SpectrumCertificate.Bracket beside = SpectrumCertificate.certifyRoot(g, 0, root.add(half.multiply(BigDecimal.valueOf(3))),
            half, 8.0);
        assertFalse(beside.certified(), beside.evidence());
    }

    // ---- (b) wrong brackets are not certified --------------------------------------------------

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("instances")
    void shiftedBracketIsNotCertified(String label, long seed, long[] sizes) {
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
        SizeGroups g = sp.groups();
        String where = where(label, seed, sizes);
        int roots = 0;
        for (int i = 0; i < sp.size(); i++) {
            if (sp.kind(i) != EigenKind.SECULAR_ROOT) {
                continue;
            }
            roots++;
            SecularRoot root = sp.root(i);
            BigDecimal mu = sp.eigenvalueDecimal(i);
            BigDecimal half = regularHalf(mu);
            int index = i;
            SpectrumCertificate.Bracket right = SpectrumCertificate.certifyRoot(g, root.group(), mu, half, root.sumSquares());
            assertTrue(right.certified(), () -> "control: the true bracket of mu_" + (index + 1) + " is certified at " + where);
            assertEquals(0, right.lower().compareTo(sp.certificate().bracket(i).lower()),
                () -> "certifyRoot reproduces the certificate's bracket of mu_" + (index + 1) + " at " + where);
            for (int sign : new int[] {-1, 1}) {
                BigDecimal wrong = mu.add(mu.multiply(WRONG_SHIFT).multiply(BigDecimal.valueOf(sign)));
                SpectrumCertificate.Bracket b = SpectrumCertificate.certifyRoot(g, root.group(), wrong, half, root.sumSquares());
                assertFalse(b.certified(), () -> "bracket around mu_" + (index + 1) + " (1 " + (sign > 0 ? "+" : "-")
                    + " 1e-20) was certified: " + b.evidence() + " at " + where);
                assertTrue(b.upper().subtract(b.lower()).compareTo(mu.multiply(WRONG_SHIFT)) < 0,
                    "the wrong bracket is narrower than the shift");
            }
        }
        assertTrue(roots > 0, "instance has secular roots: " + where);
    }

    /**
     * A bracket straddling a pole c_j from just below the root in (c_{j+1}, c_j) to just above
     * the root in (c_j, c_{j-1}) has exact signs f(lo) &gt; 0 &gt; f(hi), yet holds two eigenvalues:
     * it must not be certified.
     */
    @Test
    void bracketStraddlingAPoleIsNotCertified() {
        long seed = SpectrumFixtures.BASE_SEED + 91;
        long[] sizes = SpectrumFixtures.uniform(new Random(seed), 6, 1000L);
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
        SizeGroups g = sp.groups();
        String where = where("straddle", seed, sizes);
        assertEquals(EigenKind.SECULAR_ROOT, sp.kind(0), where);
        assertEquals(EigenKind.SECULAR_ROOT, sp.kind(1), where);
        BigDecimal upperRoot = sp.eigenvalueDecimal(0);
        BigDecimal lowerRoot = sp.eigenvalueDecimal(1);
        BigDecimal eps = BigDecimal.ONE.scaleByPowerOfTen(-30);
        BigDecimal lo = lowerRoot.subtract(eps);
        BigDecimal hi = upperRoot.add(eps);
        assertEquals(1, ExactSecularSign.sign(g, lo, 80), "f(lo) > 0 at " + where);
        assertEquals(-1, ExactSecularSign.sign(g, hi, 80), "f(hi) < 0 at " + where);
        BigDecimal center = lo.add(hi).divide(BigDecimal.valueOf(2));
        BigDecimal half = hi.subtract(lo).divide(BigDecimal.valueOf(2));
        SpectrumCertificate.Bracket b = SpectrumCertificate.certifyRoot(g, sp.root(1).group(), center, half, sp.root(1).sumSquares());
        assertFalse(b.certified(), () -> "bracket [" + lo + ", " + hi + "] contains the pole " + g.value(1)
            + " and two eigenvalues but was certified at " + where);
    }

    // ---- (c) exact trace, pseudo-determinant and interlacing reject perturbed lists ----------

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("instances")
    void perturbedEigenvalueListsAreRejected(String label, long seed, long[] sizes) {
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
        SizeGroups g = sp.groups();
        String where = where(label, seed, sizes);
        List<SpectrumCertificate.Bracket> good = sp.certificate().brackets();
        assertTrue(SpectrumCertificate.trace(g, good), "control: trace of the true brackets at " + where);
        assertTrue(SpectrumCertificate.pseudoDeterminant(g, good), "control: pseudo-determinant at " + where);
        assertTrue(SpectrumCertificate.interlacing(g, good), "control: interlacing at " + where);

        int first = 0;
        int last = sp.size() - 2;
        // one eigenvalue moved up by 10^-20 relative: trace and pseudo-determinant both fail
        List<SpectrumCertificate.Bracket> up = new ArrayList<>(good);
        BigDecimal d = sp.eigenvalueDecimal(first).multiply(WRONG_SHIFT);
        up.set(first, shifted(good.get(first), d));
        assertFalse(SpectrumCertificate.trace(g, up), "trace accepted mu_1 + 1e-20 mu_1 at " + where);
        assertFalse(SpectrumCertificate.pseudoDeterminant(g, up), "pseudo-determinant accepted mu_1 + 1e-20 mu_1 at " + where);

        // the zero eigenvalue moved off 0: trace fails (the pseudo-determinant does not see mu_K)
        List<SpectrumCertificate.Bracket> zero = new ArrayList<>(good);
        zero.set(sp.size() - 1, shifted(good.get(sp.size() - 1), d));
        assertFalse(SpectrumCertificate.trace(g, zero), "trace accepted mu_K = 1e-20 mu_1 at " + where);

        if (last > first) {
            // a trace-preserving swap of mass between two eigenvalues: only the pseudo-determinant sees it
            BigDecimal small = sp.eigenvalueDecimal(last).multiply(WRONG_SHIFT);
            List<SpectrumCertificate.Bracket> swap = new ArrayList<>(good);
            swap.set(first, shifted(good.get(first), small));
            swap.set(last, shifted(good.get(last), small.negate()));
            assertTrue(SpectrumCertificate.trace(g, swap), "the trace cannot see a mass-preserving swap at " + where);
            boolean distinct = sp.eigenvalue(first).compareTo(sp.eigenvalue(last)) != 0;
            if (distinct) {
                assertFalse(SpectrumCertificate.pseudoDeterminant(g, swap), "pseudo-determinant accepted a swap at " + where);
            }
        }

        // an eigenvalue pushed above its interlacing interval
        List<SpectrumCertificate.Bracket> out = new ArrayList<>(good);
        long top = g.sortedDecreasing()[0];
        out.set(first, new SpectrumCertificate.Bracket(good.get(first).kind(), BigDecimal.valueOf(top),
            BigDecimal.valueOf(top).add(BigDecimal.ONE), true, "fake"));
        assertFalse(SpectrumCertificate.interlacing(g, out), "interlacing accepted mu_1 > n_(1) at " + where);

        // an uncertified bracket breaks interlacing (and holds()) even when its numbers are right
        List<SpectrumCertificate.Bracket> unproven = new ArrayList<>(good);
        SpectrumCertificate.Bracket b0 = good.get(first);
        unproven.set(first, new SpectrumCertificate.Bracket(b0.kind(), b0.lower(), b0.upper(), false, "unproven"));
        assertFalse(SpectrumCertificate.interlacing(g, unproven), "interlacing accepted an unproven bracket at " + where);
    }

    // ---- (d) exact eigenvectors of tied sizes and zero -----------------------------------------

    static Stream<Arguments> tiedInstances() {
        long seed = SpectrumFixtures.BASE_SEED + 97;
        return Stream.of(
            Arguments.of("two ties x4 x3", 0L, new long[] {7, 3, 7, 1, 7, 3, 7, 3, 5}),
            Arguments.of("tie x5 K=12", seed, SpectrumFixtures.withTie(new Random(seed), 12, 1_000_000L, 5)),
            Arguments.of("balanced K=6", 0L, new long[] {4, 4, 4, 4, 4, 4}),
            Arguments.of("near 10^12 tie x3", 0L, new long[] {1_000_000_000_000L, 3, 1_000_000_000_000L, 1,
                1_000_000_000_000L}));
    }

    /**
     * Control: every Helmert vector of every tied group, in the order the certificate meets
     * them, and 1_K for 0, passes the exact checks (A w = c w, w . w = t(t+1) or K, orthogonal
     * to the earlier vectors of the same c); the certificate built from the spectrum says the
     * same for its K - D + 1 exact eigenvalues.
     */
    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("tiedInstances")
    void helmertAndNullVectorsPassTheExactChecks(String label, long seed, long[] sizes) {
        SizeGroups g = SizeGroups.of(sizes);
        String where = where(label, seed, sizes);
        for (int j = 0; j < g.count(); j++) {
            List<ExactVector> earlier = new ArrayList<>();
            for (int t = 1; t < g.multiplicity(j); t++) {
                ExactVector w = ExactVector.helmert(g, j, t);
                assertTrue(w.isEigenvector(g, g.value(j)), () -> "A w = c w for " + w + " at " + where);
                assertEquals((long) t * (t + 1), w.dot(w), () -> "|w|^2 of " + w + " at " + where);
                SpectrumCertificate.Bracket b = SpectrumCertificate.exactBracket(g, EigenKind.TIED_SIZE, g.value(j), w, earlier);
                assertTrue(b.certified(), () -> b.evidence() + " at " + where);
                earlier.add(w);
            }
        }
        ExactVector ones = ExactVector.ones(sizes.length);
        assertTrue(SpectrumCertificate.exactBracket(g, EigenKind.ZERO, 0, ones, List.of()).certified(), where);
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
        SpectrumCertificate cert = sp.certificate();
        assertTrue(cert.exactVectors() && cert.holds(), () -> cert.brackets().stream()
            .map(SpectrumCertificate.Bracket::evidence).toList() + " at " + where);
        assertEquals(sizes.length - g.count() + 1, cert.exactVectorCount(), "tied + null eigenvalues at " + where);
    }

    /**
     * The exact checks must be able to fail: a Helmert vector whose last entry is -(t+1)
     * (sum != 0), one moved onto a class of another size (a wrong group; not on balanced sizes), the right vector
     * for a wrong eigenvalue c -+ 1, w_t + w_1 (still an eigenvector, but not orthogonal to
     * w_1), a wrong normaliser t(t+1) + 1, and 1_K with one entry 2 or for the eigenvalue c:
     * each bracket is uncertified, and the certificate with the wrong tied vector does not hold.
     */
    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("tiedInstances")
    void wrongExactVectorsAreNotCertified(String label, long seed, long[] sizes) {
        SizeGroups g = SizeGroups.of(sizes);
        String where = where(label, seed, sizes);
        int k = sizes.length;
        for (int j = 0; j < g.count(); j++) {
            long c = g.value(j);
            ExactVector first = g.multiplicity(j) >= 2 ? ExactVector.helmert(g, j, 1) : null;
            for (int t = 1; t < g.multiplicity(j); t++) {
                ExactVector w = ExactVector.helmert(g, j, t);
                long[] dense = w.dense(k);
                long[] tail = dense.clone();
                tail[g.members(j)[t]] -= 1;
                assertNotCertified(g, c, CertificateFixtures.sparse(tail, w.normSquared()), List.of(), "last entry -(t+1)", where);
                assertNotCertified(g, c + 1, w, List.of(), "eigenvalue c + 1", where);
                assertNotCertified(g, c - 1, w, List.of(), "eigenvalue c - 1", where);
                assertNotCertified(g, c, CertificateFixtures.sparse(dense, w.normSquared() + 1), List.of(),
                    "normaliser t(t+1) + 1", where);
                int moved = java.util.stream.IntStream.range(0, k).filter(q -> sizes[q] != c).findFirst().orElse(-1);
                if (moved >= 0) { // not on balanced sizes: there every class has size c
                    long[] wrongGroup = dense.clone();
                    wrongGroup[moved] = wrongGroup[g.members(j)[0]];
                    wrongGroup[g.members(j)[0]] = 0;
                    assertNotCertified(g, c, CertificateFixtures.sparse(wrongGroup, w.normSquared()), List.of(),
                        "first entry moved to class " + (moved + 1) + " of size " + sizes[moved], where);
                }
                if (t >= 2) {
                    long[] sum = dense.clone();
                    long[] w1 = first.dense(k);
                    long norm = 0;
                    for (int q = 0; q < k; q++) {
                        sum[q] += w1[q];
                        norm += sum[q] * sum[q];
                    }
                    ExactVector combined = CertificateFixtures.sparse(sum, norm);
                    assertTrue(combined.isEigenvector(g, c) && combined.hasNormSquared(),
                        "control: w_t + w_1 is an eigenvector of the right norm");
                    assertNotCertified(g, c, combined, List.of(first), "w_t + w_1 against w_1", where);
                }
            }
        }
        long[] ones = ExactVector.ones(k).dense(k);
        ones[k - 1] = 2;
        assertNotCertified(g, 0, CertificateFixtures.sparse(ones, k), List.of(), "1_K with a 2", where);
        assertNotCertified(g, g.value(0), ExactVector.ones(k), List.of(), "1_K for the eigenvalue c_1", where);
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(DIGITS));
        if (java.util.stream.IntStream.range(0, k).anyMatch(i -> sp.kind(i) == EigenKind.TIED_SIZE)) {
            SpectrumCertificate broken = CertificateFixtures.withWrongTiedVector(sp);
            assertFalse(broken.exactVectors() || broken.holds(), "a wrong tied vector left the certificate holding at " + where);
        }
    }

    private static void assertNotCertified(SizeGroups g, long c, ExactVector w, List<ExactVector> earlier, String what,
                                           String where) {
        SpectrumCertificate.Bracket b = SpectrumCertificate.exactBracket(g, EigenKind.TIED_SIZE, c, w, earlier);
        assertFalse(b.certified(), () -> what + ": " + w + " for c = " + c + " was certified (" + b.evidence() + ") at "
            + where);
        assertTrue(b.evidence().contains("NOT certified"), b.evidence());
    }

    private static SpectrumCertificate.Bracket shifted(SpectrumCertificate.Bracket b, BigDecimal d) {
        return new SpectrumCertificate.Bracket(b.kind(), b.lower().add(d), b.upper().add(d), true, "shifted by " + d);
    }
}
