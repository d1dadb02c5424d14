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
        p = p.with(0, x(2), "C1", -9).with(1, x(3), "C2", -3).with(2, x(4), "C3", -12).with(3, x(5), "C4", 0.5);
        assertEquals(List.of(3L, 1L, 0L), indices(p), "highest margin first, the lowest (-12) dropped");
        assertEquals("C4", p.entries().get(0).claimId());
        Pool q = p.with(4, x(6), "C5", -20);
        assertSame(p, q, "an entry below a full pool's last leaves it unchanged");
    }

    @Test
    void equalMarginsAreOrderedByIndex() {
        Pool p = Pool.empty(2).with(7, x(2), "C1", -5).with(3, x(3), "C1", -5).with(5, x(4), "C1", -5);
        assertEquals(List.of(3L, 5L), indices(p));
        Pool inf = Pool.empty(2).with(1, x(2), null, Double.NEGATIVE_INFINITY).with(0, x(3), null, Double.NEGATIVE_INFINITY);
        assertEquals(List.of(0L, 1L), indices(inf));
    }

    @Test
    void anInstanceAlreadyHeldIsNotAddedAgain() {
        Pool p = Pool.empty(4).with(0, x(2), "C1", -5);
        assertSame(p, p.with(9, x(2), "C1", 3));
        assertEquals(1, p.entries().size());
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
