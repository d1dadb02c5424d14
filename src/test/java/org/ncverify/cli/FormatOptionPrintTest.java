package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.results.VerifyResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@link FormatOption#print}, the one-result path other commands (check) use: the exit status of
 * {@link ExitCodes} (3 for an INCONCLUSIVE verdict, 1 over 3), --output atomic, --quiet, the
 * reconstructed command line as header.
 */
class FormatOptionPrintTest {
    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        @Mixin
        FormatOption output;

        @Spec
        CommandSpec spec;

        private final VerifyResult result;

        Probe(VerifyResult result) {
            this.result = result;
        }

        @Override
        public Integer call() {
            return output.print(spec, result);
        }
    }

    private static VerifyResult result(Verdict c4) {
        Instance inst = Instance.of(new long[] {3, 2}, 2, null, 1, new org.apfloat.Aprational[] {Rationals.of(1, 1000)},
            Rationals.of(1, 1000));
        Verdict pass = Verdict.judge("C3", Apfloat.ZERO, Tolerance.fromDigits(30, 10), "r", "d");
        return new VerifyResult(inst, Precision.of(30), OptionalLong.empty(), 1, Catalogue.of(List.of("C3", "C4")).claims(),
            List.of(pass, c4), 0.1);
    }

    private static int run(VerifyResult r, StringWriter out, String... args) {
        CommandLine cl = new CommandLine(new Probe(r));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void statusFollowsTheExitCodeTable() {
        Verdict inconclusive = Verdict.inconclusive("C4", Apfloat.ONE, Tolerance.fromDigits(30, 10), "r", "not converged");
        Verdict fail = Verdict.fail("C4", Apfloat.ONE, Tolerance.fromDigits(30, 10), "r", "d");
        StringWriter out = new StringWriter();
        assertEquals(3, run(result(inconclusive), out));
        assertTrue(out.toString().startsWith("ncverify verify --sizes 3,2 --dim 2 --depth 1 --lambda-w 0.001 --lambda-h 0.001 --digits 30"),
            out.toString());
        assertEquals(1, run(result(fail), new StringWriter()));
    }

    @Test
    void outputAndQuietApply(@TempDir Path dir) throws Exception {
        Verdict pass = Verdict.judge("C4", Apfloat.ZERO, Tolerance.fromDigits(30, 10), "r", "d");
        Path file = dir.resolve("p.json");
        StringWriter out = new StringWriter();
        assertEquals(0, run(result(pass), out, "--format", "json", "--output", file.toString(), "--quiet"));
        assertTrue(out.toString().isEmpty(), out.toString());
        assertTrue(Files.readString(file).contains("\"schemaVersion\" : 1"));
    }
}
