package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Orthonormal;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * The contract every claim checker satisfies (STYLE.md item 7). A subclass supplies the
 * claim, its seeded wrong answers and whether it judges the candidate point (C1-C4, C9,
 * C11, C12) or the theory's reference answer (C8, C10); hooks with defaults say where its
 * hypotheses hold ({@link #appliesTo}, {@link #applicableInstance}), what W_L scaled by 1.001
 * does to it ({@link #onScaledLastWeight}) and where an unevaluable entry must sit
 * ({@link #unevaluable}). Shared tests:
 * <ol>
 * <li>PASS on the closed-form minimizer at 30, 60 and 200 digits (and on a rotated closed
 *     form judged against the canonical reference, on the closed form with per-sample
 *     columns, and on that one rounded to double, judged as a 15-digit candidate);</li>
 * <li>FAIL on each wrong answer;</li>
 * <li>a measured residual is never negative and every judged verdict carries its tolerance
 *     and reading;</li>
 * <li>a candidate that cannot be evaluated (arithmetic overflow) and an arithmetic
 *     exception inside the check are FAIL through {@link Catalogue#run}, never PASS (the
 *     claims that judge the reference answer ignore the candidate: their verdict is unchanged);</li>
 * <li>NOT_APPLICABLE exactly outside the claim's hypotheses ({@link #appliesTo}, true for
 *     every instance unless a claim restricts it: C12), with a non-blank reason, also on a
 *     bottleneck and on an all-collapsed instance; never NOT_APPLICABLE inside them.</li>
 * </ol>
 */
abstract class AbstractClaimContract {
    /** Base seed; override with -Dncverify.seed=... to explore. */
    static final long SEED = Long.getLong("ncverify.seed", 20240611L);

    private static final Map<String, ClosedForm> FORMS = new ConcurrentHashMap<>();
    private static final Map<String, Subject> SUBJECTS = new ConcurrentHashMap<>();

    /** A wrong answer: a label and the verdict the claim gives on it. */
    record WrongAnswer(String label, Supplier<Verdict> verdict) {
    }

    /** The claim under test. */
    abstract Claim claim();

    /** The seeded wrong answers; each must make the claim FAIL. */
    abstract List<WrongAnswer> wrongAnswers();

    /** True when the claim judges the candidate point, false when it judges the reference answer. */
    abstract boolean judgesCandidate();

    /**
     * Whether the claim's hypotheses hold on {@code inst} (a fixture of {@link Instances}).
     * Stated by the test independently of the checker; true for a claim without restricting
     * hypotheses.
     */
    boolean appliesTo(Instance inst) {
        return true;
    }

    /** An instance inside the claim's hypotheses for the single-instance tests (imbalanced by default). */
    Instance applicableInstance() {
        return Instances.imbalanced();
    }

    /**
     * The verdict on W_L scaled by 1.001: a claim about the candidate's values (p*, balance, the
     * gradient) FAILs; a claim about the reference answer (C8, C10) keeps its PASS whatever the
     * candidate; a claim about features, bias or directions only (C1, C2, C12) overrides to PASS.
     */
    Status onScaledLastWeight() {
        return judgesCandidate() ? Status.FAIL : Status.PASS;
    }

    /**
     * A candidate that cannot be evaluated, with the huge entry where the claim reads it: in
     * W_1 by default ({@link #overflowing}); a claim that reads only features and bias
     * overrides with {@link #overflowingFeature}.
     */
    Point unevaluable(Point x) {
        return overflowing(x);
    }

    @Test
    void verdictOnAWrongPointFollowsWhatTheClaimJudges() {
        Verdict v = Catalogue.run(claim(), wrongSubject(applicableInstance(), 60, AbstractClaimContract::scaledLastWeight));
        assertEquals(onScaledLastWeight(), v.status(), v::toString);
    }

    // ------------------------------------------------------------------ fixtures

    /** The closed form of an instance at P digits, computed once per run. */
    static ClosedForm closedForm(Instance inst, int digits) {
        return FORMS.computeIfAbsent(inst.describe() + " @" + digits, k -> ClosedForm.of(inst, Precision.of(digits)));
    }

    /** The closed form judged as its own candidate (its evaluation shared by every claim). */
    static Subject closedFormSubject(Instance inst, int digits) {
        return SUBJECTS.computeIfAbsent(inst.describe() + " @" + digits,
            k -> Subject.ofClosedForm(closedForm(inst, digits)));
    }

    /** The closed-form point changed by {@code change}, judged against the closed form. */
    static Subject wrongSubject(Instance inst, int digits, UnaryOperator<Point> change) {
        ClosedForm cf = closedForm(inst, digits);
        return Subject.of(cf, change.apply(cf.point()), digits);
    }

    /** A wrong answer judged by {@code claim} through the catalogue. */
    static WrongAnswer wrongPoint(Claim claim, String label, Instance inst, int digits, UnaryOperator<Point> change) {
        return new WrongAnswer(label + " (" + inst.describe() + ", " + digits + " digits)",
            () -> Catalogue.run(claim, wrongSubject(inst, digits, change)));
    }

    /**
     * Wrong points with unbalanced factors (C9, C11): W_1 rotated without W_2 (seeded) and the
     * rescaling W_1 -&gt; 2 W_1, W_2 -&gt; W_2 / 2, each on the imbalanced L = 2 and the deep L = 4
     * instance.
     */
    static List<WrongAnswer> unbalancedFactors(Claim c) {
        long seed = SEED;
        return List.of(
            wrongPoint(c, "W_1 -> Q W_1 (random orthogonal Q, seed " + seed + "), W_2 kept", Instances.imbalanced(), 60,
                x -> rotatedFirstLayer(x, seed)),
            wrongPoint(c, "W_1 -> Q W_1 (random orthogonal Q, seed " + (seed + 1) + "), W_2 kept", Instances.deep(), 30,
                x -> rotatedFirstLayer(x, seed + 1)),
            wrongPoint(c, "W_1 -> 2 W_1, W_2 -> W_2 / 2 (unbalanced)", Instances.imbalanced(), 60,
                AbstractClaimContract::unbalancedRescaling),
            wrongPoint(c, "W_1 -> 2 W_1, W_2 -> W_2 / 2 (unbalanced)", Instances.deep(), 30,
                AbstractClaimContract::unbalancedRescaling));
    }

    static Stream<Arguments> closedForms() {
        List<Arguments> list = new ArrayList<>();
        for (int digits : new int[] {30, 60, 200}) {
            list.add(Arguments.of("balanced", Instances.balanced(), digits));
            list.add(Arguments.of("imbalanced", Instances.imbalanced(), digits));
            list.add(Arguments.of("deep", Instances.deep(), digits));
            list.add(Arguments.of("balanced deep", Instances.balancedDeep(), digits));
        }
        for (int digits : new int[] {30, 60}) {
            list.add(Arguments.of("bottleneck", Instances.bottleneck(), digits));
            list.add(Arguments.of("narrow", Instances.narrow(), digits));
            list.add(Arguments.of("collapsed", Instances.collapsed(), digits));
            list.add(Arguments.of("partial", Instances.partial(), digits));
            list.add(Arguments.of("balanced bottleneck", Instances.balancedBottleneck(), digits));
            list.add(Arguments.of("balanced collapsed", Instances.balancedCollapsed(), digits));
        }
        return list.stream();
    }

    // ------------------------------------------------------------------ wrong points

    /** W_L scaled by 1 + 10^-3: the product's singular values become 1.001 p*, not p*. */
    static Point scaledLastWeight(Point x) {
        Precision p = x.precision();
        return x.withWeight(x.depth(), x.weight(x.depth()).scale(p.helper().add(p.of(1L), p.pow10(-3))));
    }

    /** Class mean k moved by 10^-6 along the first coordinate. */
    static Point movedMean(Point x, int k) {
        Precision p = x.precision();
        ApMatrix b = x.classBlock(k);
        return x.withClassBlock(k, b.with(0, 0, p.helper().add(b.get(0, 0), p.pow10(-6))));
    }

    /** b + 10^-6 e_1. */
    static Point shiftedBias(Point x) {
        Precision p = x.precision();
        Apfloat[] b = x.bias();
        b[0] = p.helper().add(b[0], p.pow10(-6));
        return x.withBias(b);
    }

    /** W_L' = U Pswap U^T W_L: the singular directions of s_i and s_j exchanged on the left. */
    static Point swappedSingularPair(Point x, ClosedForm cf, int i, int j) {
        ApMatrix u = cf.spectrum().left();
        ApMatrix m = u.multiply(swap(u.rows(), i, j, u.precision())).multiply(u.transpose());
        return x.withWeight(x.depth(), m.multiply(x.weight(x.depth())));
    }

    /**
     * X -&gt; X Q (Q a K x K matrix), re-expressed as class means M' = (M D Q) D^{-1}; at the closed
     * form (h_G = 0) and for Q fixing sqrt(n) (e.g. Q = V R V^T with R fixing the last column),
     * M' is centred again.
     */
    static Point rightTransformed(Point x, ApMatrix q) {
        Precision p = x.precision();
        int k = x.classes();
        Apfloat[] sq = new Apfloat[k];
        Apfloat[] inv = new Apfloat[k];
        for (int c = 0; c < k; c++) {
            sq[c] = p.helper().sqrt(p.of(x.instance().size(c)));
            inv[c] = p.helper().divide(Apfloat.ONE, sq[c]);
        }
        ApMatrix means = x.classMeans().scaleColumns(sq).multiply(q).scaleColumns(inv);
        return Point.ofClassMeans(x.instance(), x.weights(), means, x.bias());
    }

    /** The K x K permutation exchanging i and j. */
    static ApMatrix swap(int k, int i, int j, Precision p) {
        return ApMatrix.identity(k, p)
            .with(i, i, Apfloat.ZERO).with(j, j, Apfloat.ZERO).with(i, j, Apfloat.ONE).with(j, i, Apfloat.ONE);
    }

    /**
     * Mbar -&gt; Mbar D V Pswap V^T D^{-1}: the singular directions of s_i and s_j exchanged on the
     * right (X V has columns i and j swapped), the right-hand analogue of
     * {@link #swappedSingularPair}.
     */
    static Point swappedRightSingularPair(Point x, ClosedForm cf, int i, int j) {
        ApMatrix v = cf.spectrum().right();
        return rightTransformed(x, v.multiply(swap(v.rows(), i, j, v.precision())).multiply(v.transpose()));
    }

    /** W_L -&gt; U E U^T W_L (E a K x K matrix): U^T W_L...W_1 becomes E U^T W_L...W_1, and B = U^T P V becomes E B. */
    static Point leftInBasisU(Point x, ClosedForm cf, ApMatrix e) {
        ApMatrix u = cf.spectrum().left();
        return x.withWeight(x.depth(), u.multiply(e).multiply(u.transpose()).multiply(x.weight(x.depth())));
    }

    /** I + c e_i e_j^T (k x k). */
    static ApMatrix elementary(int k, int i, int j, Apfloat c, Precision p) {
        ApMatrix id = ApMatrix.identity(k, p);
        return id.with(i, j, p.helper().add(id.get(i, j), c));
    }

    /** W_L -&gt; (I - 2 u_i u_i^T) W_L: row i of U^T W negated (cosine -1 with column i of X V). */
    static Point flippedLeftDirection(Point x, ClosedForm cf, int i) {
        ApMatrix u = cf.spectrum().left();
        ApMatrix flip = ApMatrix.identity(u.rows(), u.precision()).with(i, i, new Apfloat(-1));
        return x.withWeight(x.depth(), u.multiply(flip).multiply(u.transpose()).multiply(x.weight(x.depth())));
    }

    /** W_L -&gt; Q W_L with a seeded random orthogonal K x K matrix Q. */
    static Point rotatedLastLayer(Point x, long seed) {
        ApMatrix wl = x.weight(x.depth());
        return x.withWeight(x.depth(), Orthonormal.random(wl.rows(), wl.rows(), seed, x.precision()).multiply(wl));
    }

    /** W_1 -&gt; Q W_1 with a seeded random orthogonal Q, W_2 unchanged. */
    static Point rotatedFirstLayer(Point x, long seed) {
        ApMatrix w1 = x.weight(1);
        ApMatrix q = Orthonormal.random(w1.rows(), w1.rows(), seed, x.precision());
        return x.withWeight(1, q.multiply(w1));
    }

    /** W_1 -&gt; 2 W_1, W_2 -&gt; W_2 / 2: same product, unbalanced factors. */
    static Point unbalancedRescaling(Point x) {
        Precision p = x.precision();
        return x.withWeight(1, x.weight(1).scale(p.of(2L)))
            .withWeight(2, x.weight(2).scale(p.helper().divide(p.of(1L), p.of(2L))));
    }

    /**
     * Class k stored as q copies of its mean m_k, each of multiplicity n_k / q (the same
     * samples, re-expressed with q_k = q stored columns).
     */
    static Point splitClass(Point x, int k, int q) {
        Instance inst = x.instance();
        if (inst.size(k) % q != 0) {
            throw new IllegalArgumentException("n_" + k + " = " + inst.size(k) + " is not a multiple of " + q);
        }
        Apfloat[] mean = x.classMeans().column(k);
        Apfloat[][] cols = new Apfloat[q][];
        for (int j = 0; j < q; j++) {
            cols[j] = mean.clone();
        }
        List<ApMatrix> blocks = new ArrayList<>();
        long[] mult = new long[inst.classes()];
        for (int c = 0; c < inst.classes(); c++) {
            blocks.add(c == k ? ApMatrix.fromColumns(cols, x.precision()) : x.classBlock(c));
            mult[c] = c == k ? inst.size(k) / q : x.multiplicity(c);
        }
        return Point.of(inst, x.weights(), blocks, mult, x.bias());
    }

    /** Every sample its own stored column (q_k = n_k, w_k = 1), each equal to its class mean. */
    static Point perSample(Point x) {
        Point out = x;
        for (int k = 0; k < x.classes(); k++) {
            out = splitClass(out, k, (int) x.instance().size(k));
        }
        return out;
    }

    /**
     * Column j of class block k moved along the first coordinate by 10^-6 times its norm (by
     * 10^-6 when the column is 0): the other samples of the class stay where they were.
     */
    static Point movedColumn(Point x, int k, int j) {
        Precision p = x.precision();
        ApMatrix b = x.classBlock(k);
        Apfloat norm = ApMatrix.norm(b.column(j), p);
        Apfloat step = p.helper().multiply(norm.signum() == 0 ? p.of(1L) : norm, p.pow10(-6));
        return x.withClassBlock(k, b.with(0, j, p.helper().add(b.get(0, j), step)));
    }

    /** W = 0, H = 0, b kept: the minimizer when every p* = 0. */
    static Point collapsedPoint(Point x) {
        Precision p = x.precision();
        List<ApMatrix> zeros = new ArrayList<>();
        for (ApMatrix w : x.weights()) {
            zeros.add(ApMatrix.zeros(w.rows(), w.cols(), p));
        }
        ApMatrix m = x.classMeans();
        return Point.ofClassMeans(x.instance(), zeros, ApMatrix.zeros(m.rows(), m.cols(), p), x.bias());
    }

    /** Every feature column scaled by 1 + 10^-3 (W and b kept). */
    static Point scaledFeatures(Point x) {
        Precision p = x.precision();
        Apfloat c = p.helper().add(p.of(1L), p.pow10(-3));
        Point out = x;
        for (int k = 0; k < x.classes(); k++) {
            out = out.withClassBlock(k, x.classBlock(k).scale(c));
        }
        return out;
    }

    /** W_1 with one entry of magnitude 10^(5 10^18): squaring it overflows Apfloat's exponent. */
    static Point overflowing(Point x) {
        return x.withWeight(1, x.weight(1).with(0, 0, huge(x)));
    }

    /** The first feature column of class 1 with an entry of magnitude 10^(5 10^18). */
    static Point overflowingFeature(Point x) {
        return x.withClassBlock(0, x.classBlock(0).with(0, 0, huge(x)));
    }

    private static Apfloat huge(Point x) {
        return new Apfloat("1e5000000000000000000", x.precision().working());
    }

    // ------------------------------------------------------------------ the contract

    @ParameterizedTest(name = "{0} at {2} digits")
    @MethodSource("closedForms")
    void passesOnTheClosedForm(String name, Instance inst, int digits) {
        Verdict v = Catalogue.run(claim(), closedFormSubject(inst, digits));
        if (!appliesTo(inst)) {
            assertNotApplicable(v, inst);
            return;
        }
        assertEquals(Status.PASS, v.status(), () -> claim().id() + " on the closed form of " + name + " ("
            + inst.describe() + ") at " + digits + " digits: " + v);
        assertValid(v);
    }

    @Test
    void passesOnARotatedClosedForm() {
        for (Instance inst : List.of(Instances.imbalanced(), Instances.deep(), Instances.narrow(),
                Instances.balanced(), Instances.balancedDeep())) {
            long seed = SEED + inst.depth();
            ClosedForm cf = closedForm(inst, 60);
            Point rotated = ClosedForm.rotated(inst, cf.precision(), seed).point();
            Verdict v = Catalogue.run(claim(), Subject.of(cf, rotated, 60));
            if (!appliesTo(inst)) {
                assertNotApplicable(v, inst);
                continue;
            }
            assertEquals(Status.PASS, v.status(), () -> claim().id() + " on the rotated closed form (seed " + seed
                + ") of " + inst.describe() + ": " + v);
        }
    }

    /**
     * The closed form re-expressed with every sample its own stored column (q_k = n_k, w_k = 1,
     * each column equal to its class mean), at 60 digits: the same samples, so the same verdict
     * (multiplicities counted right: C1's means, C9's H H^T, C3's and C11's sums).
     */
    @Test
    void passesOnPerSampleColumns() {
        for (Instance inst : List.of(applicableInstance(), Instances.deep(), Instances.balanced())) {
            ClosedForm cf = closedForm(inst, 60);
            Verdict v = Catalogue.run(claim(), Subject.of(cf, perSample(cf.point()), 60));
            if (!appliesTo(inst)) {
                assertNotApplicable(v, inst);
                continue;
            }
            assertEquals(Status.PASS, v.status(), () -> claim().id() + " on the per-sample closed form of "
                + inst.describe() + ": " + v);
        }
    }

    /**
     * An optimizer-like candidate: the closed form with every sample its own column, every
     * entry rounded to double, judged as a candidate carrying 15 digits (tolerance
     * 10^-(15-7)): the checker recomputes everything from it and must PASS.
     */
    @Test
    void passesOnTheClosedFormRoundedToDouble() {
        for (Instance inst : List.of(applicableInstance(), Instances.deep())) {
            ClosedForm cf = closedForm(inst, 30);
            Subject s = Subject.of(cf, roundedToDouble(perSample(cf.point())), 15);
            Verdict v = Catalogue.run(claim(), s);
            if (!appliesTo(inst)) {
                assertNotApplicable(v, inst);
                continue;
            }
            assertEquals(Status.PASS, v.status(), () -> claim().id() + " on the double-rounded closed form of "
                + inst.describe() + ": " + v);
            System.out.printf("%s on the double-rounded per-sample closed form of %s: residual %s, tolerance %s%n",
                claim().id(), inst.describe(), v.residualText(), v.toleranceText());
        }
    }

    /** Every entry of W_l, H and b rounded to the nearest double (kept at the point's precision). */
    static Point roundedToDouble(Point x) {
        Precision p = x.precision();
        List<ApMatrix> w = new ArrayList<>();
        for (ApMatrix m : x.weights()) {
            w.add(ApMatrix.of(m.toDoubleArray(), p));
        }
        List<ApMatrix> blocks = new ArrayList<>();
        long[] mult = new long[x.classes()];
        for (int k = 0; k < x.classes(); k++) {
            blocks.add(ApMatrix.of(x.classBlock(k).toDoubleArray(), p));
            mult[k] = x.multiplicity(k);
        }
        Apfloat[] b = x.bias();
        for (int k = 0; k < b.length; k++) {
            b[k] = p.ofBinary(b[k].doubleValue());
        }
        return Point.of(x.instance(), w, blocks, mult, b);
    }

    @TestFactory
    Stream<DynamicTest> failsOnEachWrongAnswer() {
        List<WrongAnswer> wrong = wrongAnswers();
        assertTrue(wrong.size() >= 3, claim().id() + ": at least three seeded wrong answers expected");
        return wrong.stream().map(w -> DynamicTest.dynamicTest(w.label(), () -> {
            Verdict v = w.verdict().get();
            assertEquals(Status.FAIL, v.status(), () -> claim().id() + " must FAIL on " + w.label()
                + " (seed " + SEED + "): " + v);
            assertEquals(claim().id(), v.claimId());
            if (v.residual() != null && v.tolerance() != null && v.residual().compareTo(v.tolerance().value()) > 0) {
                System.out.printf("%s FAIL on %s: residual %s > tolerance %s%n", claim().id(), w.label(),
                    v.residualText(), v.toleranceText());
            } else {
                System.out.printf("%s FAIL on %s: %s%n", claim().id(), w.label(), v.detail());
            }
        }));
    }

    @Test
    void residualsAreNonNegativeAndVerdictsCarryToleranceAndReading() {
        List<Verdict> all = new ArrayList<>();
        closedForms().forEach(a -> {
            Object[] args = a.get();
            Instance inst = (Instance) args[1];
            Verdict v = Catalogue.run(claim(), closedFormSubject(inst, (Integer) args[2]));
            if (appliesTo(inst)) {
                all.add(v);
            } else {
                assertNotApplicable(v, inst);
            }
        });
        for (WrongAnswer w : wrongAnswers()) {
            all.add(w.verdict().get());
        }
        for (Verdict v : all) {
            assertValid(v);
        }
    }

    /** A NOT_APPLICABLE verdict with its reason, and nothing measured. */
    void assertNotApplicable(Verdict v, Instance inst) {
        assertEquals(Status.NOT_APPLICABLE, v.status(), () -> claim().id() + " outside its hypotheses on "
            + inst.describe() + ": " + v);
        assertEquals(claim().id(), v.claimId());
        assertNotNull(v.detail(), v::toString);
        assertFalse(v.detail().isBlank(), () -> "NOT_APPLICABLE without a reason: " + v);
        assertEquals(null, v.residual(), v::toString);
    }

    /** A judged verdict: non-negative residual, a tolerance with its origin, a reading and a detail. */
    static void assertValid(Verdict v) {
        assertNotEquals(Status.NOT_APPLICABLE, v.status(), () -> "unexpected NOT_APPLICABLE: " + v);
        assertNotNull(v.residual(), () -> "no residual: " + v);
        assertTrue(v.residual().signum() >= 0, () -> "negative residual: " + v);
        assertNotNull(v.tolerance(), () -> "no tolerance: " + v);
        assertTrue(v.tolerance().value().signum() >= 0, () -> "negative tolerance: " + v);
        assertFalse(v.tolerance().origin().isBlank(), () -> "tolerance without origin: " + v);
        assertNotNull(v.reading(), () -> "no reading: " + v);
        assertFalse(v.reading().isBlank() || v.reading().equals("-"), () -> "no reading: " + v);
        assertNotNull(v.detail(), () -> "no detail: " + v);
        assertReadings(v);
    }

    /** Claims that report the three readings of SPEC section 3. */
    static final Set<String> WITH_READINGS = Set.of("C5", "C6", "C7");

    /**
     * C5-C7: three readings (consistent pair, independent bases, basis-free), each with its
     * name, a status and a non-blank note; a judged reading carries residual and tolerance, and
     * the status follows (a) and (c). Other claims carry none.
     */
    static void assertReadings(Verdict v) {
        if (!WITH_READINGS.contains(v.claimId())) {
            assertTrue(v.readings().isEmpty(), () -> "unexpected readings: " + v);
            return;
        }
        List<Reading> r = v.readings();
        assertEquals(List.of(Reading.CONSISTENT, Reading.INDEPENDENT, Reading.BASIS_FREE),
            r.stream().map(Reading::name).collect(Collectors.toList()), v::toString);
        for (Reading x : r) {
            assertNotNull(x.status(), v::toString);
            assertFalse(x.note().isBlank(), () -> "reading without note: " + x);
            assertEquals(x.status() == Status.NOT_APPLICABLE, x.residual() == null, x::toString);
        }
        assertNotEquals(Status.NOT_APPLICABLE, r.get(2).status(), () -> "the basis-free reading always applies: " + v);
        boolean fails = r.get(0).status() == Status.FAIL || r.get(2).status() == Status.FAIL;
        assertEquals(fails ? Status.FAIL : Status.PASS, v.status(), () -> "status must follow (a) and (c): " + v);
    }

    @Test
    void anUnevaluableCandidateIsFail() {
        for (int digits : new int[] {30, 60}) {
            Subject s = wrongSubject(applicableInstance(), digits, this::unevaluable);
            Verdict v = Catalogue.run(claim(), s);
            if (!judgesCandidate()) {
                // C8 and C10 never evaluate the candidate: their verdict is the closed form's
                Verdict ref = Catalogue.run(claim(), closedFormSubject(applicableInstance(), digits));
                assertEquals(ref.status(), v.status(), () -> claim().id() + " must not depend on the candidate: " + v);
                assertEquals(0, ref.residual().compareTo(v.residual()), v::toString);
                continue;
            }
            assertEquals(Status.FAIL, v.status(), () -> claim().id() + " on an overflowing candidate: " + v);
            // either the evaluation overflowed (a non-finite FAIL without residual) or the huge
            // entry was measured (C4 sees it on the diagonal of U^T P V only): never a PASS
            if (v.residual() == null) {
                assertEquals("NaN", v.residualText());
                assertTrue(v.detail().contains("non-finite"), v::detail);
            } else {
                assertTrue(v.residual().compareTo(v.tolerance().value()) > 0, v::toString);
            }
            System.out.printf("%s on an overflowing candidate at %d digits: %s%n", claim().id(), digits,
                v.residual() == null ? v.detail() : "residual " + v.residualText());
        }
    }

    @Test
    void anArithmeticExceptionInsideTheCheckIsFail() {
        Claim real = claim();
        Claim failing = new Claim() {
            @Override
            public String id() {
                return real.id();
            }

            @Override
            public String statement() {
                return real.statement();
            }

            @Override
            public String hypotheses() {
                return real.hypotheses();
            }

            @Override
            public Verdict check(Subject subject) {
                Verdict honest = real.check(subject);
                throw new ArithmeticException("undefined value after " + honest.status() + " (simulated NaN)");
            }
        };
        Verdict v = Catalogue.run(failing, closedFormSubject(applicableInstance(), 30));
        assertEquals(Status.FAIL, v.status(), () -> "an ArithmeticException must be a FAIL: " + v);
        assertEquals(real.id(), v.claimId());
        assertTrue(v.detail().contains("ArithmeticException"), v::detail);
    }

    @Test
    void notApplicableExactlyOutsideItsHypotheses() {
        assertFalse(claim().hypotheses().isBlank(), "hypotheses must be stated");
        for (Instance inst : List.of(Instances.bottleneck(), Instances.collapsed(), Instances.imbalanced(),
                Instances.balanced(), Instances.balancedBottleneck(), Instances.balancedCollapsed())) {
            Verdict v = Catalogue.run(claim(), closedFormSubject(inst, 30));
            if (appliesTo(inst)) {
                assertNotEquals(Status.NOT_APPLICABLE, v.status(), () -> claim().id() + " applies to "
                    + inst.describe() + ", yet is NOT_APPLICABLE: " + v);
            } else {
                assertNotApplicable(v, inst);
            }
        }
        // the hypotheses are about the instance: a wrong candidate does not change applicability
        for (Instance inst : List.of(Instances.collapsed(), applicableInstance())) {
            Verdict v = Catalogue.run(claim(), wrongSubject(inst, 30, AbstractClaimContract::shiftedBias));
            assertEquals(appliesTo(inst), v.status() != Status.NOT_APPLICABLE, v::toString);
        }
    }
}
