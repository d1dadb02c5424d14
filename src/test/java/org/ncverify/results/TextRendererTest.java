package org.ncverify.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ncverify.results.VerdictFixtures.fail;
import static org.ncverify.results.VerdictFixtures.inconclusive;
import static org.ncverify.results.VerdictFixtures.notApplicable;
import static org.ncverify.results.VerdictFixtures.pass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Status;

/** The text layout of verdicts: every status, INCONCLUSIVE with its reason, 3-digit residuals, the summary. */
class TextRendererTest {
    @Test
    void inconclusiveShowsItsReadingAndItsReasonOnceBelowTheTable() {
        String table = TextRenderer.table(List.of(pass(), fail(), inconclusive(), notApplicable(), inconclusive()));
        String[] rows = table.split("\n");
        assertEquals(7, rows.length, table);
        assertTrue(rows[1].startsWith("C3    PASS             2.02e-33    1e-30       definition vs formula"), rows[1]);
        assertTrue(rows[2].startsWith("C4    FAIL             2.02e-28"), rows[2]);
        assertTrue(rows[3].startsWith("C11   INCONCLUSIVE     2.02e-33    1e-30       " + inconclusive().reading()), rows[3]);
        assertTrue(rows[4].startsWith("C12   NOT_APPLICABLE   -           -           class sizes are not all equal"), rows[4]);
        assertTrue(rows[5].startsWith("C11   INCONCLUSIVE"), rows[5]);
        assertTrue(rows[6].startsWith("INCONCLUSIVE: not converged: the gradient norm"), rows[6]);
    }

    @Test
    void inconclusiveAloneDoesNotFailAResult() {
        VerifyResult ok = VerdictFixtures.verify(pass(), pass(), inconclusive(), notApplicable());
        assertFalse(ok.failed());
        VerifyResult bad = VerdictFixtures.verify(pass(), fail(), inconclusive(), notApplicable());
        assertTrue(bad.failed());
        assertEquals(Status.FAIL, bad.verdicts().get(1).status());
    }

    @Test
    void summaryCountsEveryStatus() {
        VerifyResult r = VerdictFixtures.verify(pass(), fail(), inconclusive(), notApplicable());
        assertEquals("4 claims: 1 PASS, 1 FAIL, 1 NOT_APPLICABLE, 1 INCONCLUSIVE", Verdicts.summary(r.verdicts()));
        assertEquals("2 claims: 1 PASS, 0 FAIL, 1 NOT_APPLICABLE", Verdicts.summary(List.of(pass(), notApplicable())));
        String text = r.render(new TextRenderer());
        assertTrue(text.startsWith("ncverify verify --sizes 10,5,3,2 ") && text.contains(" --digits 40 --claims C3,C4,C11,C12\n"), text);
        assertTrue(text.contains("\n4 claims: 1 PASS, 1 FAIL, 1 NOT_APPLICABLE, 1 INCONCLUSIVE (0.50 s)\n"), text);
    }
}
