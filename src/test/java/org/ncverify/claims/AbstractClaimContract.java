package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.instance.Instance;
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
 * <li>the tolerance pinned ({@link TolerancePins}): FAIL on a wrong answer built to have a
 *     residual of 100 x (and 3 x) the claim's tolerance, PASS at 0.01 x (and 0.3 x);</li>
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

    /**
     * The tolerance pins ({@link TolerancePins}): wrong answers built to have a residual of a
     * chosen multiple of the claim's own tolerance; at least one per claim.
     */
    abstract List<TolerancePins.Pin> tolerancePins();

    /** The slack of the claim's documented tolerance 10^-(P - slack) (proofs-notes): 10 unless overridden. */
    int slack() {
        return 10;
    }

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
     * W_1 by default ({@link WrongPoints#overflowing}); a claim that reads only features and bias
     * overrides with {@link WrongPoints#overflowingFeature}.
     */
    Point unevaluable(Point x) {
        return WrongPoints.overflowing(x);
    }

    @Test
    void verdictOnAWrongPointFollowsWhatTheClaimJudges() {
        Verdict v = Catalogue.run(claim(), wrongSubject(applicableInstance(), 60, WrongPoints::scaledLastWeight));
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
                x -> WrongPoints.rotatedFirstLayer(x, seed)),
            wrongPoint(c, "W_1 -> Q W_1 (random orthogonal Q, seed " + (seed + 1) + "), W_2 kept", Instances.deep(), 30,
                x -> WrongPoints.rotatedFirstLayer(x, seed + 1)),
            wrongPoint(c, "W_1 -> 2 W_1, W_2 -> W_2 / 2 (unbalanced)", Instances.imbalanced(), 60,
                WrongPoints::unbalancedRescaling),
            wrongPoint(c, "W_1 -> 2 W_1, W_2 -> W_2 / 2 (unbalanced)", Instances.deep(), 30,
                WrongPoints::unbalancedRescaling));
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
        VerdictAssertions.assertValid(v);
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
            Verdict v = Catalogue.run(claim(), Subject.of(cf, WrongPoints.perSample(cf.point()), 60));
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
            Subject s = Subject.of(cf, WrongPoints.roundedToDouble(WrongPoints.perSample(cf.point())), 15);
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

    /**
     * Each pin at 100 x, 3 x, 0.3 x and 0.01 x the claim's documented tolerance 10^-(P - slack):
     * FAIL, FAIL, PASS, PASS, each residual within 0.3-3 x the intended one.
     */
    @TestFactory
    Stream<DynamicTest> theToleranceIsPinned() {
        List<TolerancePins.Pin> pins = tolerancePins();
        assertFalse(pins.isEmpty(), claim().id() + ": at least one tolerance pin expected");
        return pins.stream().flatMap(pin -> TolerancePins.FACTORS.stream().map(f ->
            DynamicTest.dynamicTest(pin.label() + " at " + f + " x tolerance",
                () -> TolerancePins.check(claim().id(), pin, f, slack()))));
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
            VerdictAssertions.assertValid(v);
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
            Verdict v = Catalogue.run(claim(), wrongSubject(inst, 30, WrongPoints::shiftedBias));
            assertEquals(appliesTo(inst), v.status() != Status.NOT_APPLICABLE, v::toString);
        }
    }
}
