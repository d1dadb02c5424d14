package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;

/**
 * The hidden-hypothesis check of {@link ClaimPropertiesTest} can fail: it rejects a verdict
 * whose independent-bases reading is missing, PASSes, or has no note, and accepts
 * NOT_APPLICABLE or FAIL with a note.
 */
class HiddenHypothesisCheckTest {
    private static final Tolerance TOL = Tolerance.fromDigits(40, 10);
    private static final Reading CONSISTENT = Reading.judge(Reading.CONSISTENT, Apfloat.ZERO, TOL, "consistent pair");

    private static Verdict with(Reading... readings) {
        return Verdict.judge("C7", Apfloat.ZERO, TOL, "basis-free", "test").withReadings(List.of(readings));
    }

    @Test
    void rejectsAMissingOrPassingOrSilentReading() {
        assertThrows(AssertionError.class, () -> ClaimPropertiesTest.assertIndependentReadingDocumented(with(CONSISTENT), "t"));
        assertThrows(AssertionError.class, () -> ClaimPropertiesTest.assertIndependentReadingDocumented(
            with(CONSISTENT, Reading.judge(Reading.INDEPENDENT, Apfloat.ZERO, TOL, "rotated V")), "t"));
        assertThrows(AssertionError.class, () -> ClaimPropertiesTest.assertIndependentReadingDocumented(
            with(CONSISTENT, Reading.notApplicable(Reading.INDEPENDENT, " ")), "t"));
        // a FAIL of (b) under a holding claim that does not say it is a finding
        assertThrows(AssertionError.class, () -> ClaimPropertiesTest.assertIndependentReadingDocumented(
            with(CONSISTENT, Reading.judge(Reading.INDEPENDENT, Apfloat.ONE, TOL, "cosine 0.76 after rotating V")), "t"));
    }

    @Test
    void acceptsNotApplicableOrFailWithANote() {
        assertDoesNotThrow(() -> ClaimPropertiesTest.assertIndependentReadingDocumented(
            with(CONSISTENT, Reading.notApplicable(Reading.INDEPENDENT, "tie: bases not unique")), "t"));
        assertDoesNotThrow(() -> ClaimPropertiesTest.assertIndependentReadingDocumented(
            with(CONSISTENT, Reading.judge(Reading.INDEPENDENT, Apfloat.ONE, TOL,
                "hypothesis needed: consistent pair; cosine 0.76 after rotating V")), "t"));
    }
}
