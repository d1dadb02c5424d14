package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every judged verdict carries, asserted by the claim contract ({@link AbstractClaimContract})
 * and by the tests of single checkers: a non-negative residual, a tolerance with its origin, a
 * reading and a detail, and for C5-C7 the three readings of SPEC section 3.
 */
final class VerdictAssertions {
    private VerdictAssertions() {
    }

    /** A judged verdict: non-negative residual, a tolerance with its origin, a reading and a detail. */
    static void assertValid(Verdict v) {
        assertNotEquals(Status.NOT_APPLICABLE, v.status(), () -> "unexpected NOT_APPLICABLE: " + v);
        assertNotNull(v.residual(), () -> "no residual: " + v);
        assertTrue(v.residual().signum() >= 0, () -> "negative residual: " + v);
        assertNotNull(v.tolerance(), () -> "no tolerance: " + v);
        assertTrue(v.tolerance().value().signum() >= 0, () -> "negative tolerance: " + v);
        assertFalse(v.tolerance().origin().isBlank(), () -> "tolerance without origin: " + v);
        assertNotNull(v.reading(), () -> "no reading: " + v);
        assertFalse(v.reading().isBlank() || v.reading().equals("-"), () -> "no reading: " + v);
        assertNotNull(v.detail(), () -> "no detail: " + v);
        assertReadings(v);
    }

    /** Claims that report the three readings of SPEC section 3. */
    static final Set<String> WITH_READINGS = Set.of("C5", "C6", "C7");

    /**
     * C5-C7: three readings (consistent pair, independent bases, basis-free), each with its
     * name, a status and a non-blank note; a judged reading carries residual and tolerance, and
     * the status follows (a) and (c). Other claims carry none.
     */
    static void assertReadings(Verdict v) {
        if (!WITH_READINGS.contains(v.claimId())) {
            assertTrue(v.readings().isEmpty(), () -> "unexpected readings: " + v);
            return;
        }
        List<Reading> r = v.readings();
        assertEquals(List.of(Reading.CONSISTENT, Reading.INDEPENDENT, Reading.BASIS_FREE),
            r.stream().map(Reading::name).collect(Collectors.toList()), v::toString);
        for (Reading x : r) {
            assertNotNull(x.status(), v::toString);
            assertFalse(x.note().isBlank(), () -> "reading without note: " + x);
            assertEquals(x.status() == Status.NOT_APPLICABLE, x.residual() == null, x::toString);
        }
        assertNotEquals(Status.NOT_APPLICABLE, r.get(2).status(), () -> "the basis-free reading always applies: " + v);
        boolean fails = r.get(0).status() == Status.FAIL || r.get(2).status() == Status.FAIL;
        assertEquals(fails ? Status.FAIL : Status.PASS, v.status(), () -> "status must follow (a) and (c): " + v);
    }
}
