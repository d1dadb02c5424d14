package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.InstanceJson;

/** Counts and worst margins of the summary, from real verdicts on both sides of the tolerance. */
class ClaimTallyTest {
    private static final Tolerance TOL = Tolerance.of(new Apfloat("1e-42", 50), "test");

    private static CaseResult c(String label, Verdict... v) {
        return new CaseResult(label, "named", null, InstanceJson.write(NamedCase.of(new long[] {3, 2}, 2, 1, "1e-3")),
            "replay", List.of(v).stream().map(VerdictRow::of).toList(), 0);
    }

    @Test
    void hundredfoldEitherSideOfTheTolerance() {
        CaseResult inside = c("inside", Verdict.judge("C1", new Apfloat("1e-44", 50), TOL, "r", ""));
        CaseResult past = c("past", Verdict.judge("C1", new Apfloat("1e-40", 50), TOL, "r", ""));
        assertEquals("PASS", inside.verdicts().get(0).status());
        assertEquals(-2.0, inside.verdicts().get(0).margin(), 1e-9);
        assertEquals("FAIL", past.verdicts().get(0).status());
        assertEquals(2.0, past.verdicts().get(0).margin(), 1e-9);
        ClaimTally t = ClaimTally.of("C1", List.of(inside, past));
        assertEquals(1, t.pass());
        assertEquals(1, t.fail());
        assertEquals(2.0, t.worstMargin(), 1e-9);
        assertEquals("past", t.worstCase());
        assertTrue(past.fails());
    }

    @Test
    void aNonFiniteFailHasANullMarginAndSaysWhy() {
        CaseResult nan = c("nan", Verdict.nonFinite("C2", "NaN in the gradient"));
        CaseResult fine = c("fine", Verdict.judge("C2", new Apfloat("1e-44", 50), TOL, "r", ""));
        VerdictRow row = nan.verdicts().get(0);
        assertEquals("FAIL", row.status());
        assertNull(row.margin());
        assertEquals("FAIL without a finite measurement", row.marginNote());
        ClaimTally t = ClaimTally.of("C2", List.of(fine, nan));
        assertEquals(1, t.fail());
        assertNull(t.worstMargin(), "a finite margin must not hide a non-finite FAIL");
        assertEquals("nan", t.worstCase());
    }

    @Test
    void notApplicableIsCountedApart() {
        ClaimTally t = ClaimTally.of("C12", List.of(c("a", Verdict.notApplicable("C12", "sizes differ"))));
        assertEquals(0, t.pass());
        assertEquals(1, t.notApplicable());
        assertNull(t.worstMargin());
    }
}
