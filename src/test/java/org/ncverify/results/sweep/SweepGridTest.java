package org.ncverify.results.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;

/** The cartesian product: its order, the instances it makes, and the checks made before any work. */
class SweepGridTest {
    private static Map<Axis, Range> axes(String... flagValue) {
        Map<Axis, Range> m = new EnumMap<>(Axis.class);
        for (int i = 0; i < flagValue.length; i += 2) {
            for (Axis a : Axis.values()) {
                if (a.flag().equals(flagValue[i])) {
                    m.put(a, Range.parse(a.flag(), flagValue[i + 1], a.kind()));
                }
            }
        }
        return m;
    }

    private static final long[] SIZES = {10, 5, 3, 2};

    private static String refusal(long[] sizes, SizeRule rule, Map<Axis, Range> axes) {
        return assertThrows(InputException.class, () -> SweepGrid.of(sizes, rule, axes)).getMessage();
    }

    @Test
    void theLastAxisVariesFastest() {
        SweepGrid g = SweepGrid.of(SIZES, null, axes("--lambda-h", "1e-3,2e-3,3e-3", "--depth", "1,2", "--dim", "6",
            "--lambda-w", "1e-3"));
        assertEquals(6, g.size());
        assertEquals(List.of(Axis.DIM, Axis.DEPTH, Axis.LAMBDA_W, Axis.LAMBDA_H), g.axes());
        String[] expected = {"1 0.001", "1 0.002", "1 0.003", "2 0.001", "2 0.002", "2 0.003"};
        for (int j = 0; j < 6; j++) {
            SweepPoint p = g.point(j);
            assertEquals(j, p.index());
            assertEquals(expected[j], p.parameters().get(Axis.DEPTH) + " " + Range.format(p.parameters().get(Axis.LAMBDA_H)));
            assertEquals(p.parameters().get(Axis.DEPTH).intValue(), p.instance().depth());
            assertEquals(Rationals.of(p.parameters().get(Axis.LAMBDA_H)), p.instance().lambdaH());
        }
        assertEquals("2 x 3 = 6 (--depth x --lambda-h)", g.describe());
    }

    @Test
    void aSizeRuleMakesEachPointsSizesAndTheWidthFillsEveryHiddenLayer() {
        SweepGrid g = SweepGrid.of(null, SizeRule.CIFAR_LT, axes("--classes", "10", "--n-max", "5000", "--imbalance",
            "1,100", "--dim", "16", "--depth", "3", "--width", "4", "--lambda-w", "1e-3", "--lambda-h", "1e-3"));
        Instance balanced = g.point(0).instance();
        Instance longTail = g.point(1).instance();
        assertEquals(50000, balanced.total());
        assertArrayEquals(new long[] {5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50}, longTail.sizes());
        assertArrayEquals(new int[] {4, 4}, longTail.widths());
        assertEquals(4, longTail.bottleneck());
        assertEquals(50000, g.largest().total());
    }

    @Test
    void aZeroClassSizeIsRefusedJustPastNmaxEqualsRho() {
        SweepGrid ok = SweepGrid.of(null, SizeRule.STEP, axes("--classes", "4", "--n-max", "100", "--imbalance", "1..100:log:3",
            "--dim", "4", "--depth", "2", "--lambda-w", "1e-3", "--lambda-h", "1e-3"));
        assertEquals(1, ok.point(2).instance().size(3));
        String m = refusal(null, SizeRule.STEP, axes("--classes", "4", "--n-max", "100,1000", "--imbalance", "1..100.5:log:3",
            "--dim", "4", "--depth", "2", "--lambda-w", "1e-3", "--lambda-h", "1e-3"));
        assertTrue(m.contains("--n-max 100 and --imbalance 100.5 makes a class of size floor(100 / 100.5) = 0"), m);
    }

    @Test
    void thePointLimitIsSharp() {
        Map<Axis, Range> exactly = axes("--dim", "1..10:lin:10", "--depth", "1", "--lambda-w", "1..2:log:100",
            "--lambda-h", "1..2:log:100");
        assertEquals(SweepGrid.MAX_POINTS, SweepGrid.of(SIZES, null, exactly).size());
        Map<Axis, Range> over = axes("--dim", "1..11:lin:11", "--depth", "1", "--lambda-w", "1..2:log:100",
            "--lambda-h", "1..2:log:100");
        String m = refusal(SIZES, null, over);
        assertTrue(m.contains("too many (at most 100000)"), m);
    }

    @Test
    void everyLimitIsCheckedOnEveryValueBeforeAnyPointIsMade() {
        String[] base = {"--dim", "4", "--depth", "2", "--lambda-w", "1e-3", "--lambda-h", "1e-3"};
        assertTrue(refusal(SIZES, null, axes("--dim", "4", "--depth", "1,65", "--lambda-w", "1e-3", "--lambda-h", "1e-3"))
            .contains("--depth = 1,65: the value 65 is too large (at most 64)"));
        assertTrue(refusal(SIZES, null, axes("--dim", "0,4", "--depth", "2", "--lambda-w", "1e-3", "--lambda-h", "1e-3"))
            .contains("--dim = 0,4: the value 0 is too small"));
        assertTrue(refusal(SIZES, null, axes("--dim", "4", "--depth", "2", "--lambda-w", "0..1:lin:3", "--lambda-h", "1e-3"))
            .contains("the value 0 is not > 0"));
        assertTrue(refusal(null, SizeRule.CIFAR_LT, axes("--classes", "2001", "--n-max", "10", "--imbalance", "1", "--dim", "4",
            "--depth", "2", "--lambda-w", "1e-3", "--lambda-h", "1e-3")).contains("at most 2000"));
        assertTrue(refusal(null, SizeRule.CIFAR_LT, axes("--classes", "3", "--n-max", "10", "--imbalance", "0.5", "--dim", "4",
            "--depth", "2", "--lambda-w", "1e-3", "--lambda-h", "1e-3")).contains("below 1"));
        assertTrue(refusal(SIZES, SizeRule.STEP, axes(base)).contains("not both"));
        assertTrue(refusal(null, null, axes(base)).contains("not neither"));
        assertTrue(refusal(SIZES, null, axes("--imbalance", "10", "--dim", "4", "--depth", "2", "--lambda-w", "1e-3",
            "--lambda-h", "1e-3")).contains("--imbalance belongs to --size-rule"));
        assertTrue(refusal(null, SizeRule.CIFAR_LT, axes(base)).contains("needs --classes"));
        assertTrue(refusal(SIZES, null, axes("--depth", "2", "--lambda-w", "1e-3", "--lambda-h", "1e-3"))
            .contains("--dim is missing"));
        InputException e = assertThrows(InputException.class, () -> SweepGrid.of(new long[] {3, 0}, null, axes(base)));
        assertEquals("sizes", e.quantity());
    }

    @Test
    void aPointOutsideTheGridIsAnError() {
        SweepGrid g = SweepGrid.of(SIZES, null, axes("--dim", "4", "--depth", "2", "--lambda-w", "1e-3", "--lambda-h", "1e-3"));
        assertEquals(1, g.size());
        assertEquals("1", g.describe());
        assertEquals("3 (--lambda-h)", SweepGrid.of(SIZES, null, axes("--dim", "4", "--depth", "2", "--lambda-w", "1e-3",
            "--lambda-h", "1,2,3")).describe());
        assertThrows(IndexOutOfBoundsException.class, () -> g.point(1));
        assertEquals(BigDecimal.valueOf(4), g.point(0).parameters().get(Axis.DIM));
    }
}
