package org.ncverify.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.MemoryEstimate.Workload;

/** The memory model of {@link MemoryEstimate}: its terms, its dominant quantity, no overflow. */
class MemoryEstimateTest {
    private static final Aprational[] LW = {Rationals.parseDecimal("lambda", "1e-3")};

    private static Instance inst(long[] sizes, int dim, int[] widths, int depth) {
        return Instance.of(sizes, dim, widths, depth, LW, LW[0]);
    }

    @Test
    void theClosedFormTermsFollowTheModel() {
        // K = 4, d = 6, L = 2, widths (6): w = 6*6 + 4*6 = 60, r = 4, frames 6*4 + 6*4 = 48
        Instance i = inst(new long[] {10, 5, 3, 2}, 6, null, 2);
        double entries = 6 * 16 + 3 * (60 + 24) + 48;
        assertEquals(entries * (200 + 31), MemoryEstimate.of(i, 62, Workload.CLOSED_FORM).bytes(), 1e-6);
        // verify adds the Grams (36 + 36) and 2 K d
        assertEquals((entries + 72 + 48) * (200 + 31), MemoryEstimate.of(i, 62, Workload.ALL_CLAIMS).bytes(), 1e-6);
        // optimize adds d N + w entries and (2*10 + 8) n + K N doubles, n = 60 + 120 + 4
        double opt = (entries + 120 + 60) * (200 + 31) + 8 * (28.0 * 184 + 80);
        assertEquals(opt, MemoryEstimate.of(i, 62, Workload.FULL_OBJECTIVE).bytes(), 1e-6);
    }

    @Test
    void theDominantQuantityIsTheOneThatSavesMost() {
        assertEquals("dim", MemoryEstimate.of(inst(new long[] {3, 2}, 1_000_000_000, new int[] {2}, 2), 62,
            Workload.CLOSED_FORM).dominant());
        assertEquals("widths", MemoryEstimate.of(inst(new long[] {3, 2}, 4, new int[] {1_000_000_000}, 2), 62,
            Workload.CLOSED_FORM).dominant());
        assertEquals("sizes", MemoryEstimate.of(inst(new long[] {1_000_000_000L, 1}, 4, null, 1), 62,
            Workload.FULL_OBJECTIVE).dominant());
        assertEquals("digits", MemoryEstimate.of(inst(new long[] {3, 2}, 2, null, 1), 2012,
            Workload.CLOSED_FORM).dominant());
        // N never enters the closed form: classes are stored as means
        assertEquals(MemoryEstimate.of(inst(new long[] {3, 2}, 4, null, 2), 62, Workload.CLOSED_FORM).bytes(),
            MemoryEstimate.of(inst(new long[] {3_000_000_000L, 2}, 4, null, 2), 62, Workload.CLOSED_FORM).bytes());
    }

    @Test
    void hugeInstancesDoNotOverflow() {
        Instance huge = inst(new long[] {Long.MAX_VALUE / 4, 1}, Integer.MAX_VALUE, null, 64);
        double b = MemoryEstimate.of(huge, 2012, Workload.FULL_OBJECTIVE).bytes();
        assertTrue(b > 1e30 && Double.isFinite(b), () -> "estimate " + b);
        assertTrue(MemoryEstimate.of(huge, 2012, Workload.FULL_OBJECTIVE).exceeds(Long.MAX_VALUE));
        assertEquals("830 MiB", MemoryEstimate.format(830.0 * 1024 * 1024));
        assertEquals("1.5e+3 TiB", MemoryEstimate.format(1500.0 * Math.pow(1024, 4)));
    }
}
