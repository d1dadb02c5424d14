package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Status;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.InputException;
import org.ncverify.support.Instances;

/**
 * {@link ClaimLoader} and {@link UserClaim}: every loading problem is one line of bad input
 * naming the class or path; whatever a loaded claim's check does (throw, return null, another
 * id, NaN through {@link UserClaim#judge}), the hunt gets a FAIL with its message, never a crash
 * and never a PASS.
 */
class ClaimLoaderTest {
    /** A well-behaved user claim on the application class path. */
    public static final class Fine implements Claim {
        public String id() {
            return "U_FINE";
        }

        public String statement() {
            return "K >= 2";
        }

        public String hypotheses() {
            return "any";
        }

        public Verdict check(Subject s) {
            return Verdict.judge(id(), new Apfloat(s.instance().classes() >= 2 ? 0 : 1), Tolerance.exact("count"), "-", "K");
        }
    }

    /** Its check throws. */
    public static final class Throws implements Claim {
        public String id() {
            return "U_THROW";
        }

        public String statement() {
            return "throws";
        }

        public String hypotheses() {
            return "any";
        }

        public Verdict check(Subject s) {
            throw new IllegalStateException("my conjecture broke");
        }
    }

    /** Measures NaN. */
    public static final class Nan implements Claim {
        public String id() {
            return "U_NAN";
        }

        public String statement() {
            return "NaN";
        }

        public String hypotheses() {
            return "any";
        }

        public Verdict check(Subject s) {
            return UserClaim.judge(id(), Double.NaN, 1e-10, "-", "0/0");
        }
    }

    /** Returns null, or another claim's verdict, by id. */
    public static final class Sloppy implements Claim {
        private final String mode;

        public Sloppy() {
            this("null");
        }

        Sloppy(String mode) {
            this.mode = mode;
        }

        public String id() {
            return "U_SLOPPY";
        }

        public String statement() {
            return "sloppy";
        }

        public String hypotheses() {
            return "any";
        }

        public Verdict check(Subject s) {
            return mode.equals("null") ? null : Verdict.judge("C3", Apfloat.ZERO, Tolerance.exact("x"), "-", "wrong id");
        }
    }

    /** No public no-argument constructor. */
    public static final class NoDefault extends Wrapper {
        public NoDefault(int x) {
        }
    }

    /** Throws while constructed. */
    public static final class BadConstructor extends Wrapper {
        public BadConstructor() {
            throw new IllegalStateException("needs a config file");
        }
    }

    /** Blank id. */
    public static final class Blank extends Wrapper {
        @Override
        public String id() {
            return " ";
        }
    }

    /** A claim shell for the constructor cases. */
    public abstract static class Wrapper implements Claim {
        public String id() {
            return "U_W";
        }

        public String statement() {
            return "";
        }

        public String hypotheses() {
            return "";
        }

        public Verdict check(Subject s) {
            return null;
        }
    }

    private static final String P = ClaimLoaderTest.class.getName() + "$";

    private static Verdict judged(Claim c) {
        return Judge.closedForm(Instances.imbalanced(), c, 20);
    }

    @Test
    void loadsFromTheClassPathWrapped() {
        List<Claim> cs = ClaimLoader.load(List.of(P + "Fine"), List.of());
        assertEquals(1, cs.size());
        assertTrue(cs.get(0) instanceof UserClaim);
        assertEquals("U_FINE", cs.get(0).id());
        assertEquals(Status.PASS, judged(cs.get(0)).status());
    }

    @Test
    void badClassesAreOneLineOfBadInput() {
        assertBad(List.of("com.example.Missing"), List.of(), "com.example.Missing not found");
        assertBad(List.of("java.lang.String"), List.of(), "does not implement");
        assertBad(List.of(P + "Wrapper"), List.of(), "public, non-abstract");
        assertBad(List.of(P + "NoDefault"), List.of(), "no public no-argument constructor");
        assertBad(List.of(P + "BadConstructor"), List.of(), "needs a config file");
        assertBad(List.of(P + "Blank"), List.of(), "blank id");
        assertBad(List.of(P + "Fine"), List.of(Path.of("/nonexistent/claims.jar")), "/nonexistent/claims.jar does not exist");
    }

    @Test
    void aThrowingNullNanOrMisnamedCheckIsAFailWithItsMessage() {
        Verdict t = judged(ClaimLoader.load(List.of(P + "Throws"), List.of()).get(0));
        assertEquals(Status.FAIL, t.status());
        assertTrue(t.detail().contains("IllegalStateException: my conjecture broke"), t.detail());
        assertNull(t.residual());
        Verdict n = judged(ClaimLoader.load(List.of(P + "Nan"), List.of()).get(0));
        assertEquals(Status.FAIL, n.status());
        assertTrue(n.detail().contains("NaN"), n.detail());
        Verdict z = judged(UserClaim.of(new Sloppy()));
        assertEquals(Status.FAIL, z.status());
        assertTrue(z.detail().contains("no verdict"), z.detail());
        Verdict w = judged(UserClaim.of(new Sloppy("other")));
        assertEquals(Status.FAIL, w.status());
        assertEquals("U_SLOPPY", w.claimId());
        assertTrue(w.detail().contains("'C3'"), w.detail());
    }

    @Test
    void judgeOnDoublesPassesJustInsideAndFailsJustOutside() {
        assertEquals(Status.PASS, UserClaim.judge("U", 1e-12, 1e-10, "-", "").status());
        assertEquals(Status.FAIL, UserClaim.judge("U", 1e-8, 1e-10, "-", "").status());
        assertEquals(Status.FAIL, UserClaim.judge("U", Double.POSITIVE_INFINITY, 1e-10, "-", "").status());
        assertEquals(Status.FAIL, UserClaim.judge("U", 0, Double.NaN, "-", "").status());
        assertEquals(Status.FAIL, UserClaim.judge("U", -1, 1e-10, "-", "").status());
    }

    @Test
    void aThrowingUserClaimDoesNotStopTheAnalysis() {
        Claim t = ClaimLoader.load(List.of(P + "Throws"), List.of()).get(0);
        Catalogue c = Catalogue.ofClaims(List.of(t));
        List<Verdict> vs = Judge.closedForm(Instances.imbalanced(), c, 20);
        List<Finding> fs = new FindingAnalyzer(c, 20, 0).analyze(0, Instances.imbalanced(), vs);
        assertEquals(1, fs.size());
        assertEquals(FindingClass.FALSE_AS_STATED, fs.get(0).kind());
        assertTrue(fs.get(0).detail().contains("my conjecture broke"), fs.get(0).detail());
    }

    private static void assertBad(List<String> names, List<Path> cp, String mentions) {
        InputException e = assertThrows(InputException.class, () -> ClaimLoader.load(names, cp));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
    }
}
