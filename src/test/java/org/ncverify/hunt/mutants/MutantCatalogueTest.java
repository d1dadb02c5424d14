package org.ncverify.hunt.mutants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;
import org.ncverify.hunt.Finding;
import org.ncverify.hunt.FindingClass;
import org.ncverify.hunt.Judge;
import org.ncverify.hunt.Shrinker;
import org.ncverify.hunt.TestHunt;
import org.ncverify.instance.Instance;
import org.ncverify.sampling.Profile;
import org.ncverify.support.Instances;

/**
 * The mutant catalogue (issue 10, "Acceptance"): for each plausible but false variant of a
 * catalogue claim, a default-budget hunt (at most 200 instances of a fitting profile, 30
 * digits, seed fixed) finds a counterexample, classifies it FALSE_AS_STATED and shrinks it to
 * a 1-minimal instance (every single step of {@link Shrinker#steps} on it makes the FAIL
 * disappear), while the catalogue's own claims FAIL on none of the instances judged (so they
 * can give no FALSE_AS_STATED finding); and each mutant agrees with its true claim somewhere.
 */
class MutantCatalogueTest {
    private static final int DIGITS = 20;
    private static final int BUDGET = 200;
    private static final long SEED = 20261202L;

    static Stream<Arguments> mutants() {
        return Stream.of(
            Arguments.of(new SoftThresholdAtEveryDepth(), Profile.DEEP, lOne()),
            Arguments.of(new SurvivalBySizes(), Profile.PAIRED_TIES, Instances.imbalanced()),
            Arguments.of(new InterlacingSwapped(), Profile.STEP, Instances.balanced()),
            Arguments.of(new BottleneckIgnored(), Profile.BOTTLENECK, Instances.imbalanced()),
            Arguments.of(new JumpLandsAtThreshold(), Profile.LAMBDAS, Instances.imbalanced()),
            Arguments.of(new IndependentBasesDiagonal(), Profile.TRUE_TIES, Instances.imbalanced()));
    }

    /** (10, 5, 3, 2), d = 6, L = 1, lambda 1e-3: the soft threshold is the law at L = 1. */
    private static Instance lOne() {
        return Instance.of(new long[] {10, 5, 3, 2}, 6, null, 1, new org.apfloat.Aprational[] {Instances.dec("1e-3")},
            Instances.dec("1e-3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void aDefaultHuntFindsShrinksAndClassifiesTheMutant(MutantClaim mutant, Profile profile, Instance agrees) {
        long t0 = System.nanoTime();
        Catalogue catalogue = Catalogue.all().plus(List.of(mutant));
        TestHunt.Outcome o = TestHunt.run(profile, SEED, BUDGET, DIGITS, catalogue, Set.of(mutant.id()),
            f -> f.claimId().equals(mutant.id()));
        List<Finding> found = o.of(mutant.id(), FindingClass.FALSE_AS_STATED);
        assertEquals(1, found.size(), mutant + ": no FALSE_AS_STATED finding in " + o.judged().size()
            + " instances of " + profile + "; findings " + o.findings());
        for (int j = 0; j < o.judged().size(); j++) {
            Set<String> catalogueFails = new java.util.HashSet<>(o.failed().get(j));
            catalogueFails.remove(mutant.id());
            assertTrue(catalogueFails.isEmpty(), "catalogue claims " + catalogueFails + " FAIL on instance " + j + ": "
                + o.judged().get(j).describe());
        }
        Finding f = found.get(0);
        assertTrue(f.detail().contains("(1-minimal)"), f.detail());
        assertFails(mutant, f.shrunk(), "the shrunk instance " + f.shrunk().describe());
        List<Instance> steps = Shrinker.steps(f.shrunk());
        for (Instance step : steps) {
            assertFalse(Judge.closedForm(step, mutant, DIGITS).status() == Status.FAIL,
                mutant.id() + ": the step to " + step.describe() + " of the shrunk " + f.shrunk().describe()
                    + " still FAILs: not 1-minimal");
        }
        assertTrue(f.replay().startsWith("ncverify verify " + f.shrunk().describe() + " --digits " + DIGITS
            + " --claims " + mutant.id()), f.replay());
        System.out.println(mutant.id() + " (" + profile + ", " + o.judged().size() + " instance(s)): shrunk "
            + f.original().describe() + " -> " + f.shrunk().describe() + " (" + steps.size() + " steps rejected); "
            + f.residual() + " > " + f.tolerance() + "; " + f.replay() + "; " + f.detail() + "; "
            + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void eachMutantAgreesWithItsTrueClaimSomewhere(MutantClaim mutant, Profile profile, Instance agrees) {
        Verdict v = Judge.closedForm(agrees, mutant, DIGITS);
        assertEquals(Status.PASS, v.status(), mutant + " on " + agrees.describe() + ": " + v);
        Claim truth = Catalogue.of(List.of(mutant.trueClaim())).claims().get(0);
        assertEquals(Status.PASS, Judge.closedForm(agrees, truth, DIGITS).status(), truth.id());
    }

    private static void assertFails(Claim c, Instance x, String what) {
        Verdict v = Judge.closedForm(x, c, DIGITS);
        assertEquals(Status.FAIL, v.status(), what + ": " + v);
    }
}
