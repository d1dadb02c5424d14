package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.linalg.Precision;
import org.ncverify.support.ReferenceCase;
import org.ncverify.theory.ClosedForm;

/**
 * The catalogue of {@code ncverify solve}: its order and ids, and the acceptance run of this
 * issue: every claim PASSes on the closed form of every case of reference-cases.json at the
 * case's 60 digits, and the closed form reproduces the reference f*, s_crit and p*(s_i).
 */
class CatalogueTest {
    /** Significant digits the closed form must share with the mpmath reference. */
    private static final int REQUIRED_DIGITS = 55;

    @Test
    void orderAndIds() {
        List<String> ids = Catalogue.solve().claims().stream().map(Claim::id).collect(Collectors.toList());
        assertEquals(List.of("C3", "C4", "C8", "C10", "C11"), ids);
        for (Claim c : Catalogue.solve().claims()) {
            assertTrue(c.statement() != null && !c.statement().isBlank(), c.id() + " states its claim");
            assertTrue(c.hypotheses() != null && !c.hypotheses().isBlank(), c.id() + " states its hypotheses");
        }
    }

    @Test
    void allClaimsInIdOrder() {
        List<String> ids = Catalogue.all().claims().stream().map(Claim::id).collect(Collectors.toList());
        assertEquals(List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13"), ids);
        for (Claim c : Catalogue.all().claims()) {
            assertTrue(c.statement() != null && !c.statement().isBlank(), c.id() + " states its claim");
            assertTrue(c.hypotheses() != null && !c.hypotheses().isBlank(), c.id() + " states its hypotheses");
        }
    }

    /** The geometry claims C5-C7 (all three readings where they apply) on every reference case. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void geometryClaimsPassOnEveryReferenceCase(ReferenceCase c) {
        long start = System.nanoTime();
        Subject s = Subject.ofClosedForm(ClosedForm.of(c.instance(), Precision.of(c.digits())));
        for (Claim claim : List.of(new C5LeftGeometry(), new C6RightGeometry(), new C7Alignment())) {
            Verdict v = Catalogue.run(claim, s);
            System.out.println("  " + v);
            assertEquals(Status.PASS, v.status(), () -> c + ": " + v);
            VerdictAssertions.assertValid(v);
        }
        System.out.printf("C5-C7 on reference case %d: %d ms%n", c.number(), (System.nanoTime() - start) / 1_000_000);
    }

    static List<ReferenceCase> referenceCases() {
        List<ReferenceCase> all = ReferenceCase.all();
        assertEquals(8, all.size(), "reference-cases.json at " + ReferenceCase.file().toAbsolutePath());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void everyClaimPassesOnEveryReferenceCase(ReferenceCase c) {
        long start = System.nanoTime();
        Precision p = Precision.of(c.digits());
        ClosedForm cf = ClosedForm.of(c.instance(), p);
        List<Verdict> verdicts = Catalogue.solve().run(Subject.ofClosedForm(cf));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("catalogue on reference case %d (K = %d, d = %d, L = %d) at %d digits: %d ms%n", c.number(),
            c.instance().classes(), c.instance().dim(), c.instance().depth(), c.digits(), millis);
        assertEquals(List.of("C3", "C4", "C8", "C10", "C11"),
            verdicts.stream().map(Verdict::claimId).collect(Collectors.toList()));
        for (Verdict v : verdicts) {
            System.out.println("  " + v);
            assertEquals(Status.PASS, v.status(), () -> c + ": " + v);
            VerdictAssertions.assertValid(v);
        }
        int fDigits = ReferenceCase.digitsMatched(cf.objective(), c.objective(), p);
        assertTrue(fDigits >= REQUIRED_DIGITS, () -> c + ": f* matches " + fDigits + " digits of " + c.objective());
        int tDigits = ReferenceCase.digitsMatched(cf.threshold(), c.threshold(), p);
        assertTrue(tDigits >= REQUIRED_DIGITS, () -> c + ": s_crit matches " + tDigits + " digits");
        int worst = Integer.MAX_VALUE;
        for (int i = 0; i < c.productSingularValues().size(); i++) {
            int m = ReferenceCase.digitsMatched(cf.productSingularValues()[i], c.productSingularValues().get(i), p);
            int index = i;
            assertTrue(m >= REQUIRED_DIGITS, () -> c + ": p*(s_" + (index + 1) + ") matches " + m + " digits of "
                + c.productSingularValues().get(index));
            worst = Math.min(worst, m);
        }
        System.out.printf("  reference digits matched: f* %d, s_crit %d, p* >= %d%n", fDigits, tDigits, worst);
    }
}
