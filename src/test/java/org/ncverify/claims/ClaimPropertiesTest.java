package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.sampling.Profile;
import org.ncverify.sampling.QtDraws;
import org.ncverify.sampling.Sample;
import org.ncverify.spectrum.EigenKind;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.support.PropertyRun;
import org.ncverify.theory.ClosedForm;

/**
 * Property-based tests of the catalogue (issue 3): on random instances of every profile the
 * closed form at 40 digits makes no claim of {@link Catalogue#all()} FAIL; a NOT_APPLICABLE
 * verdict states its reason; C12 is NOT_APPLICABLE on unequal sizes; and on surviving true
 * ties C5-C7 never PASS their independent-bases reading silently.
 *
 * <p>Budget: T = {@code -Dncverify.tries} instances per claim (default
 * {@value PropertyRun#DEFAULT_TRIES}): half from the mixed generator on seeds
 * ({@link #mixedFromSeeds}, each instance replayable as {@code InstanceSampler.sample(profile,
 * seed)}), half split evenly over the profiles with QuickTheories driving the draws
 * ({@link #eachProfile}). Long budget: {@code mvn -B -o test -Dtest='ClaimPropertiesTest'
 * -Dncverify.tries=10000}. A failure prints the seed and the mvn line that replays it.
 */
class ClaimPropertiesTest {
    /** Digits of the closed form judged. */
    static final int DIGITS = 40;
    private static final String SELF = "ClaimPropertiesTest";
    private static final Map<String, int[]> TALLY = new TreeMap<>();

    @Test
    void mixedFromSeeds() {
        PropertyRun.check(SELF + "#mixedFromSeeds", "", QtDraws.seeded(), PropertyRun.share(1, 2),
            ClaimPropertiesTest::closedFormHolds);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void eachProfile(Profile profile) {
        String only = System.getProperty("ncverify.profile");
        assumeTrue(only == null || only.equals(profile.name()), "-Dncverify.profile=" + only);
        PropertyRun.check(SELF + "#eachProfile", " -Dncverify.profile=" + profile, QtDraws.of(profile),
            perProfile(), ClaimPropertiesTest::closedFormHolds);
    }

    /**
     * SPEC section 3: under a true tie (a size repeated &gt;= 3 times) whose tied directions
     * survive, C5-C7 hold for consistent singular pairs only. Each of them that is in the
     * catalogue must report its independent-bases reading, as NOT_APPLICABLE or FAIL with a
     * note, never as a PASS. Skipped while none of C5-C7 is in the catalogue.
     */
    @Test
    void independentBasesAreNeverASilentPassOnSurvivingTies() {
        List<Claim> literal = Stream.of("C5", "C6", "C7").map(ClaimPropertiesTest::claim).flatMap(Optional::stream)
            .collect(Collectors.toList());
        assumeTrue(!literal.isEmpty(), "C5-C7 are not in Catalogue.all() yet");
        AtomicInteger applicable = new AtomicInteger();
        int examples = perProfile();
        PropertyRun.check(SELF + "#independentBasesAreNeverASilentPassOnSurvivingTies", "", QtDraws.of(Profile.TRUE_TIES),
            examples, s -> {
                ClosedForm cf = closedForm(s);
                if (!survivingTie(cf)) {
                    return;
                }
                applicable.incrementAndGet();
                Subject subject = Subject.ofClosedForm(cf);
                for (Claim c : literal) {
                    Verdict v = Catalogue.run(c, subject);
                    Optional<Reading> independent = v.readings().stream()
                        .filter(r -> r.name().equals(Reading.INDEPENDENT)).findFirst();
                    assertTrue(independent.isPresent(), () -> s.replay() + "\n" + v + "\nno independent-bases reading on a surviving tie");
                    assertNotEquals(Status.PASS, independent.get().status(),
                        () -> s.replay() + "\n" + v + "\nthe independent-bases reading PASSes silently on a surviving tie");
                    assertFalse(independent.get().note().isBlank(), () -> s.replay() + "\n" + v + "\nreading without a note");
                }
            });
        assertTrue(applicable.get() >= examples / 4,
            "only " + applicable.get() + " of " + examples + " TRUE_TIES instances had surviving tied directions");
    }

    @AfterAll
    static void summary() {
        synchronized (TALLY) {
            TALLY.forEach((id, n) -> System.out.printf("claim %s: %d PASS, %d NOT_APPLICABLE, %d FAIL%n", id, n[0], n[2], n[1]));
        }
    }

    /** Instances per profile: half of T split over the profiles. */
    static int perProfile() {
        return PropertyRun.share(1, 2 * Profile.values().length);
    }

    /** The property: no claim FAILs on the closed form; NOT_APPLICABLE has a reason; C12 only on equal sizes. */
    static void closedFormHolds(Sample s) {
        List<Verdict> verdicts = Catalogue.all().run(Subject.ofClosedForm(closedForm(s)));
        for (Verdict v : verdicts) {
            tally(v);
            assertNotEquals(Status.FAIL, v.status(), () -> s.replay() + "\n" + v);
            if (v.status() == Status.NOT_APPLICABLE) {
                assertFalse(v.detail() == null || v.detail().isBlank(), () -> s.replay() + "\n" + v + ": no reason given");
            }
            if (v.claimId().equals("C12") && !balanced(s.instance())) {
                assertEquals(Status.NOT_APPLICABLE, v.status(), () -> s.replay() + "\nC12 on unequal sizes: " + v);
            }
        }
    }

    /** The closed form at {@link #DIGITS}; a crash of the solver fails with the replay line. */
    static ClosedForm closedForm(Sample s) {
        try {
            return ClosedForm.of(s.instance(), Precision.of(DIGITS));
        } catch (RuntimeException e) {
            throw new AssertionError(s.replay() + "\nthe closed form could not be built: " + e, e);
        }
    }

    /** True when two or more directions of one tied block of s (a size repeated &gt;= 3 times) have p* &gt; 0. */
    static boolean survivingTie(ClosedForm cf) {
        YhatSpectrum sp = cf.spectrum();
        Map<Long, Integer> surviving = new TreeMap<>();
        for (int i = 0; i < sp.size(); i++) {
            if (sp.kind(i) == EigenKind.TIED_SIZE && cf.solutions().get(i).p().signum() > 0) {
                surviving.merge(sp.exactEigenvalue(i), 1, Integer::sum);
            }
        }
        return surviving.values().stream().anyMatch(c -> c >= 2);
    }

    static boolean balanced(Instance inst) {
        return Arrays.stream(inst.sizes()).distinct().count() == 1;
    }

    static Optional<Claim> claim(String id) {
        return Catalogue.all().claims().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static void tally(Verdict v) {
        synchronized (TALLY) {
            TALLY.computeIfAbsent(v.claimId(), k -> new int[3])[v.status().ordinal()]++;
        }
    }
}
