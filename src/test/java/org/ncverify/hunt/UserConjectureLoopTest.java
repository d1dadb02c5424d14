package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Status;
import org.ncverify.cli.Main;
import org.ncverify.instance.Instance;
import org.ncverify.sampling.Profile;

/**
 * The README's worked user conjecture, in-process: scripts/conjecture-example/MyConjecture.java
 * compiled with the system Java compiler against the build's classes, loaded by
 * {@link ClaimLoader} from the output directory, hunted (a default-budget random hunt on the step
 * profile), its counterexample classified FALSE_AS_STATED and shrunk 1-minimal, and the
 * finding's replay line run through {@code ncverify verify} reproducing the FAIL (exit status 1).
 */
class UserConjectureLoopTest {
    static final Path SOURCE = Path.of("scripts/conjecture-example/MyConjecture.java");

    /** Compiles the example into {@code dir}; the compiler's messages on failure. */
    static void compile(Path dir) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = javac.run(null, null, err, "-cp", System.getProperty("java.class.path"), "-d", dir.toString(),
            SOURCE.toString());
        assertEquals(0, status, err.toString());
    }

    @Test
    void compileLoadHuntShrinkReplay(@TempDir Path dir) throws Exception {
        assertTrue(Files.readAllLines(SOURCE).size() <= 30, "the worked example should stay about a dozen lines of code");
        compile(dir);
        List<Claim> user = ClaimLoader.load(List.of("com.example.MyConjecture"), List.of(dir));
        assertEquals("ABOVE_AVG", user.get(0).id());
        // the analyzer as the engine builds it (no explicit user arguments): the replay line comes from the UserClaim
        TestHunt.Outcome o = TestHunt.run(Profile.STEP, 1L, 200, 30, Catalogue.ofClaims(user), null, f -> true);
        List<Finding> found = o.of("ABOVE_AVG", FindingClass.FALSE_AS_STATED);
        assertEquals(1, found.size(), "in " + o.judged().size() + " instances: " + o.findings());
        Finding f = found.get(0);
        assertTrue(f.detail().contains("(1-minimal)"), f.detail());
        for (Instance step : Shrinker.steps(f.shrunk())) {
            assertFalse(Judge.closedForm(step, user.get(0), 30).status() == Status.FAIL, step.describe());
        }
        String replay = f.replay();
        assertTrue(replay.startsWith("ncverify verify " + f.shrunk().describe() + " --digits 30 --claims ABOVE_AVG"
            + " --claim-class com.example.MyConjecture --classpath " + dir.toAbsolutePath().normalize()), replay);
        List<String> words = new ArrayList<>(Arrays.asList(replay.split(" ")));
        words.remove(0);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(words.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, status, out + "\n" + err);
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("ABOVE_AVG") && l.contains("FAIL")), out.toString());
        System.out.println("user conjecture: " + o.judged().size() + " instance(s); original " + f.original().describe()
            + "\nshrunk " + f.shrunk().describe() + "\n" + f.kind() + " residual " + f.residual() + " tolerance "
            + f.tolerance() + "; " + f.detail() + "\n$ " + replay + "\n" + out);
    }
}
