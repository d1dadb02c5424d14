package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.support.Instances;

/** {@link Shrinker}: the steps, their order and validity, 1-minimality, the budget. */
class ShrinkerTest {
    private static Instance deep() {
        return Instance.of(new long[] {40, 7, 7, 3}, 6, new int[] {5, 4}, 3,
            new Aprational[] {Instances.dec("0.0123"), Instances.dec("0.002"), Instances.dec("0.0456")},
            Instances.dec("0.000789"));
    }

    @Test
    void stepsAreValidDistinctSmallerAndInTheDocumentedOrder() {
        Instance x = deep();
        List<Instance> steps = Shrinker.steps(x);
        assertEquals(steps.size(), new HashSet<>(steps).size(), "duplicates");
        assertFalse(steps.contains(x));
        // drop a class first (dropping either 7 gives the same instance, kept once)
        assertEquals(List.of(7L, 7L, 3L), asList(steps.get(0).sizes()));
        assertEquals(List.of(40L, 7L, 3L), asList(steps.get(1).sizes()));
        assertEquals(List.of(40L, 7L, 7L), asList(steps.get(2).sizes()));
        // then every size halved at once, then n_1 halved, cut by a quarter, ...
        assertEquals(List.of(20L, 4L, 4L, 2L), asList(steps.get(3).sizes()));
        assertEquals(List.of(20L, 7L, 7L, 3L), asList(steps.get(4).sizes()));
        assertEquals(List.of(30L, 7L, 7L, 3L), asList(steps.get(5).sizes()));
        for (Instance s : steps) {
            boolean smaller = s.classes() < x.classes() || s.total() < x.total() || s.depth() < x.depth()
                || s.dim() < x.dim() || sum(s.widths()) < sum(x.widths()) || roundDecays(s) > roundDecays(x);
            assertTrue(smaller, s.describe());
        }
        // the decays: each layer's rounded in turn (they differ), lambda_H, then L lowered, d and widths
        assertTrue(steps.stream().anyMatch(s -> s.lambdaW(1).equals(Instances.dec("0.01"))));
        assertTrue(steps.stream().anyMatch(s -> s.lambdaH().equals(Instances.dec("0.0008"))));
        assertTrue(steps.stream().anyMatch(s -> s.depth() == 2 && s.widths()[0] == 4 && s.lambdaW(1).equals(Instances.dec("0.002"))));
        assertTrue(steps.stream().anyMatch(s -> s.dim() == 3));
        assertTrue(steps.stream().anyMatch(s -> s.widths().length == 2 && s.widths()[1] == 3));
    }

    @Test
    void theSmallestInstanceHasNoStep() {
        Instance one = Instance.of(new long[] {1, 1}, 1, null, 1, new Aprational[] {Instances.dec("0.001")},
            Instances.dec("0.002"));
        assertEquals(List.of(), Shrinker.steps(one));
    }

    @Test
    void lowerAndOneDigit() {
        assertEquals(List.of(), Shrinker.lower(1));
        assertEquals(List.of(1L), Shrinker.lower(2));
        assertEquals(List.of(5L, 8L, 9L), Shrinker.lower(10));
        assertEquals(Instances.dec("0.05"), Shrinker.oneDigit(Instances.dec("0.04749")));
        assertEquals(Instances.dec("3E-23"), Shrinker.oneDigit(Instances.dec("3.43257618131617384323762441984464019286E-23")));
        assertEquals(Instances.dec("0.3"), Shrinker.oneDigit(org.ncverify.instance.Rationals.of(1, 3)));
    }

    @Test
    void shrinkReachesAOneMinimalInstance() {
        // fails while K >= 3, N >= 30 and L >= 2: the 1-minimal instances have K = 3, N = 30, L = 2
        Predicate<Instance> fails = s -> s.classes() >= 3 && s.total() >= 30 && s.depth() >= 2;
        Shrinker.Result r = Shrinker.run(deep(), fails, 10_000);
        assertTrue(r.minimal());
        Instance m = r.instance();
        assertTrue(fails.test(m));
        assertEquals(3, m.classes());
        assertEquals(30, m.total());
        assertEquals(2, m.depth());
        assertEquals(1, m.dim());
        for (Instance s : Shrinker.steps(m)) {
            assertFalse(fails.test(s), s.describe());
        }
    }

    @Test
    void theBudgetBoundsTheEvaluationsAndAThrowingPredicateDoesNotFail() {
        AtomicInteger calls = new AtomicInteger();
        Shrinker.Result r = Shrinker.run(deep(), s -> calls.incrementAndGet() > 0, 5);
        assertEquals(5, calls.get());
        assertEquals(5, r.evaluations());
        assertFalse(r.minimal());
        assertNotEquals(deep(), r.instance());
        Shrinker.Result t = Shrinker.run(deep(), s -> {
            throw new IllegalStateException("boom");
        }, 1000);
        assertEquals(deep(), t.instance());
        assertTrue(t.minimal());
    }

    private static List<Long> asList(long[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    private static int sum(int[] a) {
        return java.util.Arrays.stream(a).sum();
    }

    private static int roundDecays(Instance x) {
        int n = Shrinker.oneDigit(x.lambdaH()).equals(x.lambdaH()) ? 1 : 0;
        for (int l = 1; l <= x.depth(); l++) {
            n += Shrinker.oneDigit(x.lambdaW(l)).equals(x.lambdaW(l)) ? 1 : 0;
        }
        return n;
    }
}
