package org.ncverify.polish;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ncverify.support.ReferenceCase;

/**
 * Profile only, never part of the suite: polish the first four reference cases at
 * {@code -Dncverify.polish.digits} (default 40) and print the figures of proofs-notes/polish.md:
 * <pre>
 *   mvn -B -o test -Dtest=PolishProfileTest -Dncverify.profile=true -Dncverify.polish.digits=100
 *       [-Dncverify.polish.damping=1] [-Dncverify.polish.perturbation=1e-6]
 * </pre>
 */
@EnabledIfSystemProperty(named = "ncverify.profile", matches = "true")
class PolishProfileTest {
    @Test
    void firstFourReferenceCases() {
        int digits = Integer.getInteger("ncverify.polish.digits", 40);
        double damping = Double.parseDouble(System.getProperty("ncverify.polish.damping", "1"));
        double size = Double.parseDouble(System.getProperty("ncverify.polish.perturbation", "1e-6"));
        PolishOptions options = PolishOptions.defaults().withDamping(damping);
        List<ReferenceCase> cases = ReferenceCase.all();
        for (int i = 0; i < 4; i++) {
            ReferenceCase rc = cases.get(i);
            PolishResult r = Polish.refine(PolishFixtures.doubleStart(rc.instance(), 8L + i, size), digits, options);
            System.out.println(rc + " at " + digits + " digits, damping " + damping + ", perturbation " + size
                + ": " + r);
            System.out.println(PolishFixtures.describe(PolishFixtures.agreement(rc, r), r));
        }
    }
}
