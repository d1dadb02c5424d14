package org.ncverify.optimizer;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ncverify.linalg.Precision;
import org.ncverify.support.ReferenceCase;

/**
 * Profile only (run with -Dncverify.profile=true): polish the first four reference cases and
 * print the figures of proofs-notes/polish.md.
 */
@EnabledIfSystemProperty(named = "ncverify.profile", matches = "true")
class PolishProfileTest {
    @Test
    void firstFourReferenceCases() {
        List<ReferenceCase> cases = ReferenceCase.all();
        int only = Integer.getInteger("ncverify.case", -1);
        for (int i = 0; i < 4; i++) {
            if (only >= 0 && only != i) {
                continue;
            }
            ReferenceCase rc = cases.get(i);
            PolishResult r = Polish.refine(PolishFixtures.doubleStart(rc.instance(), 7L), 40);
            System.out.println(rc + ": " + r);
            StringBuilder t = new StringBuilder("  trace:");
            r.trace().forEach(g -> t.append(' ').append(Precision.formatScientific(g, 2)));
            System.out.println(t);
        }
    }
}
