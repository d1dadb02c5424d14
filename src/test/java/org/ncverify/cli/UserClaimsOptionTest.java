package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code verify --claim-class ... [--classpath ...]}: a user's claim beside or instead of the catalogue; bad input. */
class UserClaimsOptionTest {
    private static final String INSTANCE = "verify --sizes 9,4,4,1 --dim 3 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20";
    private static final String MUTANT = "org.ncverify.hunt.mutants.InterlacingSwapped";

    @Test
    void aUserClaimNamedByClaimsIsJudgedAndItsFailSetsTheExitStatus() {
        CliRunner r = CliRunner.run((INSTANCE + " --claims M3 --claim-class " + MUTANT).split(" "));
        assertEquals(1, r.status, r.err + r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("M3") && l.contains("FAIL")), r.out);
        assertTrue(r.out.contains("1 claims"), r.out);
    }

    @Test
    void catalogueAndUserClaimsTogether() {
        CliRunner r = CliRunner.run((INSTANCE + " --claims C8,M3 --claim-class " + MUTANT).split(" "));
        assertEquals(1, r.status, r.err + r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("C8") && l.contains("PASS")), r.out);
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("M3") && l.contains("FAIL")), r.out);
    }

    @Test
    void badInput() {
        CliRunner.assertBadInput("missing class", INSTANCE + " --claim-class com.example.Nope", "com.example.Nope not found");
        CliRunner.assertBadInput("not a claim", INSTANCE + " --claim-class java.lang.String", "does not implement");
        CliRunner.assertBadInput("classpath alone", INSTANCE + " --classpath /tmp", "without --claim-class");
        CliRunner.assertBadInput("missing path", INSTANCE + " --claim-class " + MUTANT + " --classpath /nonexistent/x.jar",
            "/nonexistent/x.jar does not exist");
        CliRunner.assertBadInput("unknown id", INSTANCE + " --claims M9 --claim-class " + MUTANT, "M9");
        CliRunner.assertBadInput("id taken", INSTANCE + " --claim-class org.ncverify.cli.UserClaimsOptionTest$TakenId",
            "'C3'");
    }

    /** A user claim whose id repeats a catalogue id. */
    public static final class TakenId implements org.ncverify.claims.Claim {
        public String id() {
            return "C3";
        }

        public String statement() {
            return "";
        }

        public String hypotheses() {
            return "";
        }

        public org.ncverify.claims.Verdict check(org.ncverify.claims.Subject s) {
            return org.ncverify.claims.Verdict.notApplicable("C3", "never");
        }
    }
}
