package org.ncverify.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.support.ExactThreshold;
import org.ncverify.support.Ties;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarLaw;

/** The generators keep their promises (the javadoc of each {@link Profile}) and replay from their seed. */
class ProfileTest {
    /** Seeds checked per profile. */
    private static final int SEEDS = 200;
    private static final Precision P80 = Precision.of(80);

    private static final Map<Profile, List<Instance>> CACHE = new java.util.EnumMap<>(Profile.class);

    /** The instances of seeds 0..SEEDS-1 (computed once per profile). */
    private static synchronized List<Instance> instances(Profile p) {
        return CACHE.computeIfAbsent(p, q -> LongStream.range(0, SEEDS)
            .mapToObj(seed -> InstanceSampler.sample(q, seed).instance()).collect(Collectors.toList()));
    }

    private static Map<Long, Long> counts(Instance inst) {
        return Arrays.stream(inst.sizes()).boxed().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
    }

    private static double ratio(Instance inst) {
        long[] n = inst.sizes();
        return (double) Arrays.stream(n).max().orElseThrow() / Arrays.stream(n).min().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyInstanceStaysInTheCommonBounds(Profile p) {
        for (Instance inst : instances(p)) {
            assertTrue(inst.classes() >= 2 && inst.classes() <= 60, inst::describe);
            assertTrue(inst.total() <= 1_000_000_000L, inst::describe);
            assertTrue(inst.dim() <= inst.classes() + 12, inst::describe);
            assertTrue(inst.depth() <= Profile.MAX_DEPTH, inst::describe);
            for (int l = 1; l < inst.depth(); l++) {
                assertTrue(inst.layerDim(l) <= Math.max(inst.dim(), inst.classes() + 3), inst::describe);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void sameSeedSameInstanceAndReplayLine(Profile p) {
        Set<Instance> distinct = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Sample a = InstanceSampler.sample(p, seed);
            Sample b = InstanceSampler.sample(p, seed);
            assertEquals(a.instance(), b.instance());
            assertEquals(a.replay(), b.replay());
            assertTrue(a.replay().contains("InstanceSampler.sample(Profile." + p + ", " + seed + "L)"), a::replay);
            assertTrue(a.replay().contains(a.instance().describe()), a::replay);
            distinct.add(a.instance());
        }
        assertTrue(distinct.size() >= 15, p + ": only " + distinct.size() + " distinct instances from 20 seeds");
    }

    @Test
    void mixedReplaysAsItsProfileAndSeed() {
        Set<Profile> seen = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            Sample m = InstanceSampler.mixed(seed);
            seen.add(m.profile());
            assertEquals(InstanceSampler.sample(m.profile(), seed).instance(), m.instance(), m::replay);
        }
        assertEquals(Set.of(Profile.values()), seen, "the mixed generator draws every profile");
    }

    @Test
    void quickTheoriesDrivesTheSameGenerators() {
        qt().withFixedSeed(1).withExamples(200).forAll(QtDraws.mixed())
            .checkAssert(s -> assertTrue(s.instance().classes() >= 2 && s.instance().total() <= 1_000_000_000L, s::replay));
    }

    @Test
    void balancedHasOneSize() {
        for (Instance inst : instances(Profile.BALANCED)) {
            assertEquals(1, counts(inst).size(), inst::describe);
        }
    }

    @Test
    void stepHasTwoLevels() {
        for (Instance inst : instances(Profile.STEP)) {
            long[] n = inst.sizes();
            assertEquals(2, counts(inst).size(), inst::describe);
            long a = n[0];
            long b = n[n.length - 1];
            assertTrue(a >= 2 * b && b >= a / 1000, inst::describe);
        }
    }

    @Test
    void longTailReachesButNeverExceedsAMillion() {
        List<Instance> all = instances(Profile.LONG_TAIL);
        for (Instance inst : all) {
            assertTrue(ratio(inst) <= Profile.MAX_RATIO && ratio(inst) >= 10, inst::describe);
        }
        assertTrue(all.stream().mapToDouble(ProfileTest::ratio).max().orElseThrow() >= 1e5, "ratios near 10^6 are drawn");
    }

    @Test
    void pairedTiesRepeatSizesExactlyTwiceAndLeaveSDistinct() {
        for (Instance inst : instances(Profile.PAIRED_TIES)) {
            Map<Long, Long> c = counts(inst);
            assertTrue(c.containsValue(2L) && c.values().stream().allMatch(m -> m <= 2), inst::describe);
            Apfloat[] s = YhatSpectrum.compute(inst.sizes(), Precision.of(30)).singularValues();
            for (int i = 0; i + 1 < s.length; i++) {
                assertTrue(s[i].compareTo(s[i + 1]) > 0, () -> inst.describe() + ": a tie in s");
            }
        }
    }

    @Test
    void trueTiesRepeatASizeThreeTimesAndTieS() {
        for (Instance inst : instances(Profile.TRUE_TIES)) {
            assertTrue(counts(inst).values().stream().anyMatch(m -> m >= 3), inst::describe);
            Apfloat[] s = YhatSpectrum.compute(inst.sizes(), Precision.of(30)).singularValues();
            assertTrue(IntStream.range(0, s.length - 1).anyMatch(i -> s[i].signum() > 0 && s[i].equals(s[i + 1])),
                () -> inst.describe() + ": no tie in s");
        }
    }

    @Test
    void trueTiesOftenKeepTheirTiedDirections() {
        long surviving = LongStream.range(0, 100).mapToObj(seed -> InstanceSampler.sample(Profile.TRUE_TIES, seed).instance())
            .filter(inst -> Ties.survivingTie(ClosedForm.of(inst, Precision.of(20)))).count();
        assertTrue(surviving >= 30, surviving + " of 100 TRUE_TIES instances keep two tied directions");
    }

    @Test
    void bottleneckCutsBelowKMinusOne() {
        for (Instance inst : instances(Profile.BOTTLENECK)) {
            assertTrue(inst.bottleneck() < inst.classes() - 1, inst::describe);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"BALANCED", "STEP", "LONG_TAIL", "PAIRED_TIES", "TRUE_TIES", "DEEP", "LAMBDAS",
        "NEAR_THRESHOLD"})
    void otherProfilesHaveNoBottleneck(Profile p) {
        for (Instance inst : instances(p)) {
            assertTrue(inst.bottleneck() >= inst.classes() - 1, inst::describe);
        }
    }

    @Test
    void deepReachesEightLayers() {
        List<Instance> all = instances(Profile.DEEP);
        for (Instance inst : all) {
            assertTrue(inst.depth() >= 4 && inst.depth() <= 8 && inst.classes() <= 20, inst::describe);
        }
        assertTrue(all.stream().anyMatch(i -> i.depth() == 8));
    }

    @Test
    void lambdasAreExactDecimalsLogUniformInTheirRange() {
        Aprational lo = new Aprational("1/100000000");
        double[] logs = instances(Profile.LAMBDAS).stream().flatMap(inst -> {
            List<Aprational> l = new java.util.ArrayList<>();
            for (int j = 1; j <= inst.depth(); j++) {
                l.add(inst.lambdaW(j));
            }
            l.add(inst.lambdaH());
            return l.stream();
        }).peek(x -> {
            assertTrue(x.compareTo(lo) >= 0 && x.compareTo(Aprational.ONE) <= 0, x::toString);
            assertTrue(new java.math.BigDecimal(org.ncverify.instance.Rationals.decimal(x)).precision() <= 3, x::toString);
        }).mapToDouble(x -> Math.log10(x.doubleValue())).toArray();
        double mean = Arrays.stream(logs).average().orElseThrow();
        assertTrue(Arrays.stream(logs).min().orElseThrow() < -7.5 && Arrays.stream(logs).max().orElseThrow() > -0.5);
        assertTrue(Math.abs(mean + 4) < 0.5, "log10 lambda averages -4 (log-uniform on [-8, 0]): " + mean);
    }

    @Test
    void nearThresholdPutsSomeSiWithinRelative1em20OfSCrit() {
        Apfloat promised = P80.pow10(-20);
        for (long seed = 0; seed < 60; seed++) {
            Sample sample = InstanceSampler.sample(Profile.NEAR_THRESHOLD, seed);
            Instance inst = sample.instance();
            YhatSpectrum sp = YhatSpectrum.compute(inst.sizes(), P80);
            Apfloat crit = exactThreshold(inst);
            Apfloat best = null;
            for (int i = 0; i < Math.min(inst.bottleneck(), inst.classes() - 1); i++) {
                Apfloat s = sp.singularValue(i);
                Apfloat rel = P80.helper().divide(ApfloatMath.abs(P80.helper().subtract(s, crit)), s);
                best = best == null || rel.compareTo(best) < 0 ? rel : best;
            }
            Apfloat found = best;
            assertTrue(found.compareTo(promised) <= 0, () -> sample.replay() + ": nearest s_i at relative " + found.precision(3));
            if (sample.note().contains("(1 + 0)")) {
                assertTrue(found.compareTo(P80.pow10(-58)) <= 0, () -> sample.replay() + ": exact mode at " + found.precision(3));
            }
        }
    }

    /** s_crit from the independent BigInteger reference (not from ScalarLaw, which it checks). */
    static Apfloat exactThreshold(Instance inst) {
        return ExactThreshold.threshold(inst, P80);
    }

    @Test
    void scaledLambdasPutTheThresholdAmongTheSingularValues() {
        ToDoubleFunction<Instance> survivingShare = inst -> {
            ScalarLaw law = ScalarLaw.of(inst, Precision.of(20));
            Apfloat[] s = YhatSpectrum.compute(inst.sizes(), Precision.of(20)).singularValues();
            return Arrays.stream(s).filter(x -> x.compareTo(law.threshold()) > 0).count() / (double) (s.length - 1);
        };
        double[] shares = instances(Profile.STEP).stream().mapToDouble(survivingShare).toArray();
        assertTrue(Arrays.stream(shares).anyMatch(x -> x == 0.0), "some instances collapse entirely");
        assertTrue(Arrays.stream(shares).anyMatch(x -> x == 1.0), "some keep every direction");
        assertTrue(Arrays.stream(shares).filter(x -> x > 0 && x < 1).count() >= 10, "some are partial");
    }
}
