package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;

class PoolTest {
    private static Instance x(long n) {
        Aprational l = Rationals.parseDecimal("test", "1e-3");
        return Instance.of(new long[] {n, 1}, 2, null, 1, new Aprational[] {l}, l);
    }

    private static List<Long> indices(Pool p) {
        return p.entries().stream().map(Pool.Entry::index).toList();
    }

    @Test
    void keepsTheCapacityBestEntriesBestFirst() {
        Pool p = Pool.empty(3);
        assertTrue(p.isEmpty());
        p = p.with(0, x(2), "C1", -9).with(1, x(3), "C1", -3).with(2, x(4), "C1", -12).with(3, x(5), "C1", 0.5);
        assertEquals(List.of(3L, 1L, 0L), indices(p), "highest margin first, the lowest (-12) dropped");
        Pool q = p.with(4, x(6), "C1", -20);
        assertSame(p, q, "an entry below a full claim's last leaves the pool unchanged");
    }

    /** Labelled targets: capacity per claim, so a claim with structurally larger margins takes no other claim's slots. */
    @Test
    void capacityIsPerClaim() {
        Pool p = Pool.empty(2).with(0, x(2), "C8", -2.7).with(1, x(3), "C8", -2.6).with(2, x(4), "C8", -2.5)
            .with(3, x(5), "C1", -9).with(4, x(2), "C1", -8);
        assertEquals(List.of(2L, 1L, 4L, 3L), indices(p), "C8's best two, then C1's two, all best first");
        assertEquals(List.of("C1", "C8"), p.claims());
        assertEquals(List.of(4L, 3L), p.entries("C1").stream().map(Pool.Entry::index).toList());
        assertEquals(4, p.with(5, x(6), "C1", -10).entries().size(), "below C1's last: unchanged");
    }

    @Test
    void equalMarginsAreOrderedByIndex() {
        Pool p = Pool.empty(2).with(7, x(2), "C1", -5).with(3, x(3), "C1", -5).with(5, x(4), "C1", -5);
        assertEquals(List.of(3L, 5L), indices(p));
        Pool inf = Pool.empty(2).with(1, x(2), null, Double.NEGATIVE_INFINITY).with(0, x(3), null, Double.NEGATIVE_INFINITY);
        assertEquals(List.of(0L, 1L), indices(inf));
    }

    @Test
    void anInstanceAlreadyHeldUnderItsClaimIsNotAddedAgain() {
        Pool p = Pool.empty(4).with(0, x(2), "C1", -5);
        assertSame(p, p.with(9, x(2), "C1", 3));
        assertEquals(1, p.entries().size());
        assertEquals(2, p.with(0, x(2), "C2", -7).entries().size(), "the same instance under another claim is another target");
    }

    @Test
    void nanRanksFirstAndInfinitiesAreOrdered() {
        Pool p = Pool.empty(4).with(0, x(2), "C1", Double.POSITIVE_INFINITY).with(1, x(3), "C1", Double.NaN)
            .with(2, x(4), "C1", 1).with(3, x(5), "C1", Double.NEGATIVE_INFINITY);
        assertEquals(List.of(0L, 1L, 2L, 3L), indices(p), "NaN ranks as +infinity, after the earlier +infinity");
    }

    @Test
    void isImmutable() {
        Pool empty = Pool.empty(2);
        Pool one = empty.with(0, x(2), "C1", -1);
        assertTrue(empty.isEmpty());
        assertEquals(1, one.entries().size());
        assertThrows(UnsupportedOperationException.class, () -> one.entries().clear());
        assertThrows(IllegalArgumentException.class, () -> Pool.empty(0));
    }
}
