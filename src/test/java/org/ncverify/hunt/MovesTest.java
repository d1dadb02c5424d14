package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

class MovesTest {
    private static final List<Instance> START = List.of(Instances.imbalanced(), Instances.bottleneck(), Instances.narrow(),
        Instances.balanced());

    @Test
    void mergeKeepsNAndDropsAClass() {
        Instance y = Moves.apply(Moves.Move.MERGE, Instances.imbalanced(), new SplittableRandom(1));
        assertEquals(3, y.classes());
        assertEquals(20, y.total());
        assertNull(Moves.apply(Moves.Move.MERGE, twoClasses(), new SplittableRandom(1)), "K = 2 cannot merge");
    }

    @Test
    void splitKeepsNAndAddsAClass() {
        Instance y = Moves.apply(Moves.Move.SPLIT, Instances.imbalanced(), new SplittableRandom(2));
        assertEquals(5, y.classes());
        assertEquals(20, y.total());
    }

    @Test
    void tieRaisesAMultiplicity() {
        for (long s = 0; s < 20; s++) {
            Instance x = Instances.imbalanced();
            Instance y = Moves.apply(Moves.Move.TIE, x, new SplittableRandom(s));
            assertTrue(NarrowMutants.maxMultiplicity(y.sizes()) >= 2, y.describe());
        }
    }

    @Test
    void bottleneckCutsBelowKMinusOne() {
        for (long s = 0; s < 20; s++) {
            Instance y = Moves.apply(Moves.Move.BOTTLENECK, Instances.imbalanced(), new SplittableRandom(s));
            assertTrue(y.bottleneck() < y.classes() - 1, y.describe());
        }
    }

    @Test
    void depthMovesByOne() {
        Instance x = Instances.imbalanced();
        for (long s = 0; s < 10; s++) {
            Instance y = Moves.apply(Moves.Move.DEPTH, x, new SplittableRandom(s));
            assertEquals(1, Math.abs(y.depth() - x.depth()), y.describe());
            assertEquals(x.lambdaH(), y.lambdaH());
        }
    }

    @Test
    void lambdaChangesOneDecayByAtMostTenfold() {
        Instance x = Instances.imbalanced();
        for (long s = 0; s < 20; s++) {
            Instance y = Moves.apply(Moves.Move.LAMBDA, x, new SplittableRandom(s));
            if (y == null) {
                continue;
            }
            int changed = 0;
            for (int l = 1; l <= x.depth() + 1; l++) {
                Aprational a = l <= x.depth() ? x.lambdaW(l) : x.lambdaH();
                Aprational b = l <= x.depth() ? y.lambdaW(l) : y.lambdaH();
                if (!a.equals(b)) {
                    changed++;
                    double ratio = Double.parseDouble(Rationals.decimal(b)) / Double.parseDouble(Rationals.decimal(a));
                    assertTrue(ratio >= 0.0999 && ratio <= 10.01, "ratio " + ratio);
                }
            }
            assertEquals(1, changed, y.describe());
        }
    }

    /** The threshold move puts some s_i within a relative 1e-20 of s_crit (checked on the 60-digit closed form). */
    @Test
    void thresholdMovesASingularValueOntoSCrit() {
        for (Instance x : START) {
            for (long s = 0; s < 3; s++) {
                Instance y = Moves.apply(Moves.Move.THRESHOLD, x, new SplittableRandom(s));
                assertNotNull(y);
                ClosedForm cf = ClosedForm.of(y, Precision.of(60));
                Apfloat crit = cf.threshold();
                double nearest = Double.POSITIVE_INFINITY;
                for (int i = 0; i < Math.min(y.bottleneck(), y.classes() - 1); i++) {
                    Apfloat d = ApfloatMath.abs(cf.spectrum().singularValue(i).subtract(crit)).divide(crit);
                    nearest = Math.min(nearest, d.doubleValue());
                }
                assertTrue(nearest <= 1e-20, y.describe() + ": nearest relative distance " + nearest);
            }
        }
    }

    /** Every move, many times from several starts: a valid instance within the ranges, or null; never the same instance. */
    @Test
    void everyMoveGivesAValidInstanceInRange() {
        SplittableRandom r = new SplittableRandom(42);
        for (Instance x : START) {
            Instance cur = x;
            for (int k = 0; k < 60; k++) {
                Moves.Move m = Moves.Move.values()[k % Moves.Move.values().length];
                if (m == Moves.Move.THRESHOLD) {
                    continue;
                }
                Instance y = Moves.apply(m, cur, r);
                if (y != null) {
                    assertTrue(Moves.inRange(y), y.describe());
                    assertTrue(!y.equals(cur));
                    Instance copy = Instance.of(y.sizes(), y.dim(), y.widths(), y.depth(), Moves.lambdaW(y), y.lambdaH());
                    assertEquals(y, copy, "the factory accepts it again");
                    cur = y;
                }
            }
            assertTrue(Arrays.stream(cur.sizes()).allMatch(n -> n >= 1));
        }
    }

    private static Instance twoClasses() {
        Aprational l = Rationals.parseDecimal("test", "1e-3");
        return Instance.of(new long[] {3, 2}, 2, null, 1, new Aprational[] {l}, l);
    }
}
