package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The "Seen, to fix" items of issue 11, each a test that failed on the code before it (the
 * old behaviour is named in each javadoc): help, did-you-mean, too-large integers, @argfile,
 * exit codes, the command line in the header and in JSON, JSON nulls, scientific notation.
 */
class CliContractTest {
    private static final String INSTANCE = "--sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CliRunner run(String args) {
        return CliRunner.run(args.split(" "));
    }

    /** Was: "Unmatched argument" (help) and "Missing required options" (help solve), exit 2. */
    @ParameterizedTest
    @ValueSource(strings = {"help", "help solve", "help verify", "help optimize", "solve --help", "optimize --help"})
    void helpWorksAndStatesExamplesExitCodesAndLimits(String args) {
        CliRunner r = run(args);
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("Usage: ncverify"), r.out);
        assertTrue(r.out.contains("Examples:"), r.out);
        if (!args.equals("help")) {
            assertTrue(r.out.contains("Exit status:") && r.out.contains(" 3 ") && r.out.contains("inconclusive"), r.out);
            assertTrue(r.out.contains("K <= 2000") && r.out.contains("L <= 64") && r.out.contains("10..2000"), r.out);
        }
        if (args.contains("optimize")) {
            assertTrue(r.out.contains("1..10000") && r.out.contains("1..100000000") && r.out.contains("20000000 variables"), r.out);
        }
    }

    /**
     * A run of one command builds only that command's model (start-up); the root's help, {@code help},
     * an unknown command and an argument file see every command, and the one command's help is the same.
     */
    @Test
    void aRunOfOneCommandBuildsOnlyThatCommand() {
        java.io.InputStream in = java.io.InputStream.nullInputStream();
        assertEquals(java.util.Set.of("solve"), Main.commandLine(in, new String[] {"solve", "--help"}).getSubcommands().keySet());
        assertEquals(java.util.Set.of("hunt"), Main.commandLine(in, new String[] {"hunt", "merge"}).getSubcommands().keySet());
        java.util.List<String> all = java.util.List.of("solve", "verify", "optimize", "check", "sweep", "hunt", "report", "help",
            "completion");
        for (String[] args : new String[][] {{}, {"help", "solve"}, {"slove"}, {"@job.args"}, {"--help"}, {"completion"}}) {
            assertEquals(all, java.util.List.copyOf(Main.commandLine(in, args).getSubcommands().keySet()), String.join(" ", args));
        }
        java.io.StringWriter one = new java.io.StringWriter();
        java.io.StringWriter whole = new java.io.StringWriter();
        Main.commandLine(in, new String[] {"solve"}).getSubcommands().get("solve").usage(new java.io.PrintWriter(one));
        Main.commandLine(in).getSubcommands().get("solve").usage(new java.io.PrintWriter(whole));
        assertEquals(whole.toString(), one.toString());
    }

    /** Was: "Unmatched argument at index 0: 'slove'" with no list of the commands. */
    @Test
    void anUnknownCommandSuggestsAndListsTheCommands() {
        CliRunner.assertBadInput("unknown command", "slove", "did you mean solve");
        CliRunner r = run("slove");
        assertTrue(r.err.contains("the commands are solve, verify, optimize, "), r.err);
        for (String c : java.util.List.of("solve", "verify", "optimize", "check", "sweep", "hunt", "report", "help", "completion")) {
            assertTrue(r.err.contains(c), c + " missing from: " + r.err);
        }
    }

    /** Was: "Unknown option: '--dgits'" with no suggestion. */
    @Test
    void anUnknownOptionSuggestsTheClosest() {
        CliRunner.assertBadInput("unknown option", "solve " + INSTANCE + " --dgits 20", "unknown option '--dgits' for solve (did you mean --digits?)");
        CliRunner.assertBadInput("unknown option", "optimize " + INSTANCE + " --start 2", "did you mean --starts");
    }

    /** Was: "not an integer" for both. */
    @Test
    void hugeIntegersAreTooLargeNotNonIntegers() {
        CliRunner.assertBadInput("sizes", "solve --sizes 1000000000000000000000000000000,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3",
            "--sizes[0] = 1000000000000000000000000000000: too large (at most 9223372036854775807)");
        CliRunner.assertBadInput("dim", "solve --sizes 3,2 --dim 99999999999 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3",
            "--dim = 99999999999: too large (at most 2147483647)");
        CliRunner.assertBadInput("word", "solve --sizes 3,x --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3",
            "--sizes[1] = x: not an integer");
    }

    /** Was: "Missing required options" without naming the file. */
    @Test
    void aMissingArgumentFileIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("job.args").toString();
        CliRunner.assertBadInput("missing @file", "solve @" + missing, "no such argument file '" + missing + "'");
    }

    @Test
    void anArgumentFileRunsTheJobAndIsDocumented(@TempDir Path dir) throws Exception {
        Path args = dir.resolve("job.args");
        Files.writeString(args, "# a job\nsolve --sizes 3,2 --dim 2\n--depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20\n");
        CliRunner r = run("@" + args);
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.startsWith("ncverify solve --sizes 3,2 --dim 2 --depth 1"), r.out);
        assertTrue(run("--help").out.contains("@job.args reads arguments from job.args"));
    }

    /** Was: exit 1 ("a claim FAILs") for an unconverged run. */
    @Test
    void anExhaustedBudgetIsInconclusiveExitThree() {
        CliRunner r = run("optimize " + INSTANCE + " --starts 1 --max-iterations 1");
        assertEquals(3, r.status, r.err + r.out);
        assertTrue(r.out.contains("INCONCLUSIVE"), r.out);
    }

    /** Was: exit 1 when every run ended non-finite (--lambda-w 1e400): nothing was measured, nothing refuted. */
    @Test
    void nonFiniteRunsAreInconclusiveExitThree() {
        CliRunner r = run("optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e400 --lambda-h 1e-3 --digits 20 --starts 2");
        assertEquals(3, r.status, r.err + r.out);
        assertTrue(r.out.contains("no run ended at a finite value"), r.out);
    }

    @Test
    void soundRunsExitZero() {
        assertEquals(0, run("optimize " + INSTANCE + " --starts 1").status);
        assertEquals(0, run("verify " + INSTANCE).status);
    }

    /** Was: the optimize header dropped --digits, --polish, --starts, --seed, --init-scale. */
    @Test
    void theOptimizeHeaderNamesEveryOptionThatChangesTheResult() {
        CliRunner r = run("optimize --sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 25 --starts 2 --seed 7"
            + " --init-scale 0.5,2 --max-iterations 500 --polish --claims C13,C3");
        assertEquals(0, r.status, r.err);
        String header = r.out.lines().findFirst().orElseThrow();
        assertEquals("ncverify optimize --sizes 3,2 --dim 2 --depth 1 --lambda-w 0.001 --lambda-h 0.001 --digits 25 --starts 2"
            + " --seed 7 --init-scale 0.5,2.0 --max-iterations 500 --polish --claims C3,C13", header);
    }

    /**
     * The "command" of the JSON, pasted back (after "ncverify "), reruns the same job: the same
     * JSON up to timings. Was: no "command" field at all.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "solve --sizes 3,2,2 --dim 2 --depth 2 --widths 3 --lambda-w 1e-3,2e-3 --lambda-h 1/3000 --digits 15 --rotation-seed 4",
        "verify --sizes 4,2,1 --dim 3 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 15 --claims C12,C1",
        "optimize --sizes 4,2,1 --dim 3 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 15 --starts 2 --seed 9 --init-scale 0.3"})
    void theCommandRerunsTheSameJob(String args) throws Exception {
        CliRunner first = run(args + " --format json");
        assertEquals(0, first.status, first.err);
        JsonNode a = MAPPER.readTree(first.out);
        String command = a.get("command").asText();
        assertTrue(command.startsWith("ncverify "), command);
        CliRunner again = run(command.substring("ncverify ".length()));
        assertEquals(0, again.status, again.err);
        JsonNode b = MAPPER.readTree(again.out);
        assertEquals(withoutTimes(a), withoutTimes(b), command);
        assertEquals(command, b.get("command").asText(), "the command is a fixed point");
    }

    private static JsonNode withoutTimes(JsonNode n) {
        JsonNode c = n.deepCopy();
        strip(c);
        return c;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("seconds");
            o.remove("claimSeconds");
            o.remove("secondsToGap");
        }
        n.forEach(CliContractTest::strip);
    }

    /**
     * Was: NOT_APPLICABLE residuals "-", a missing time-to-gap null beside an iterationsToGap -1,
     * no lambdas in "instance", no schemaVersion.
     */
    @Test
    void jsonUsesNullForWhatIsMissingAndTheInstanceShape() throws Exception {
        JsonNode v = MAPPER.readTree(run("verify " + INSTANCE + " --claims C12 --format json").out);
        assertEquals(1, v.get("schemaVersion").asInt());
        JsonNode c12 = v.get("claims").get(0);
        assertEquals("NOT_APPLICABLE", c12.get("status").asText());
        assertTrue(c12.get("residual").isNull() && c12.get("tolerance").isNull(), c12.toString());
        assertEquals("0.001", v.get("instance").get("lambdaW").asText());
        assertEquals("0.001", v.get("instance").get("lambdaH").asText());
        JsonNode o = MAPPER.readTree(run("optimize " + INSTANCE + " --starts 1 --max-iterations 2 --format json").out);
        JsonNode run = o.get("runs").get(0);
        assertTrue(run.get("secondsToGap").isNull() && run.get("iterationsToGap").isNull(), run.toString());
    }

    /** Was: 270-character decimals for lambda_bar and s_crit. */
    @Test
    void hugeDecaysPrintInScientificNotation() {
        CliRunner r = run("solve --sizes 3,2 --dim 2 --depth 1 --lambda-w 1e400 --lambda-h 1e-3 --digits 20");
        assertEquals(0, r.status, r.err);
        for (String line : r.out.split("\\R")) {
            assertTrue(line.length() < 160, "a line of " + line.length() + " characters: " + line);
        }
        assertTrue(r.out.contains("lambda_bar = 3.162277660168379332e198   s_crit = 1.581138830084189666e199"), r.out);
        CliRunner plain = run("solve " + INSTANCE);
        assertTrue(plain.out.contains("s_crit = 0.10636591793889977233"), plain.out);
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        CliRunner r = run("completion");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("complete -F"), r.out.substring(0, Math.min(400, r.out.length())));
        for (String c : new String[] {"solve", "verify", "optimize", "--lambda-w", "--instance"}) {
            assertTrue(r.out.contains(c), c);
        }
        assertNotNull(run("help completion").out);
        assertTrue(run("help completion").out.contains("source <(ncverify completion)"));
    }

    @Test
    void missingInstanceFlagsAreOneLineNamingTheAlternatives() {
        CliRunner.assertBadInput("no flags", "solve", "--sizes (or --sizes-file or --preset) is missing");
        CliRunner.assertBadInput("no dim", "verify --sizes 3,2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3", "--dim is missing");
        assertFalse(run("solve").err.contains("Missing required"));
    }
}
