package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ncverify optimize}: table, JSON with traces, determinism by seed, exit status, bad input. */
class OptimizeCommandTest {
    private static final String INSTANCE = "optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 30";

    private static CliRunner run(String args) {
        return CliRunner.run(args.split(" "));
    }

    @Test
    void textTableAndClaims() {
        CliRunner r = run(INSTANCE + " --starts 3");
        assertEquals(0, r.status, r.err + r.out);
        for (String s : new String[] {"final gap", "GLOBAL", "fraction reaching a global minimizer", "global minimizers have", "C3", "C11", "C13",
            "best run"}) {
            assertTrue(r.out.contains(s), "missing " + s + " in\n" + r.out);
        }
    }

    @Test
    void jsonCarriesRunsTracesCountsAndClaims() throws Exception {
        CliRunner r = run(INSTANCE + " --starts 2 --seed 5 --init-scale 0.5,2 --format json");
        assertEquals(0, r.status, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertEquals(2, j.get("runs").size());
        assertEquals(0.5, j.get("runs").get(0).get("initScale").asDouble());
        assertEquals(2.0, j.get("runs").get(1).get("initScale").asDouble());
        assertEquals(6, j.get("runs").get(1).get("seed").asLong());
        for (JsonNode run : j.get("runs")) {
            assertEquals(run.get("iterations").asInt() + 1, run.get("trace").size(), run.toString());
            assertEquals("GLOBAL", run.get("classification").asText());
            assertTrue(run.get("secondsToGap").asDouble() <= run.get("seconds").asDouble());
            assertTrue(Math.abs(run.get("relativeGap").asDouble()) < 1e-10);
        }
        assertEquals(2, j.get("counts").get("GLOBAL").asInt());
        assertEquals(1.0, j.get("globalFraction").asDouble());
        JsonNode last = j.get("claims").get(j.get("claims").size() - 1);
        assertEquals("C13", last.get("id").asText());
        assertEquals("PASS", last.get("status").asText());
        assertTrue(last.get("detail").asText().contains("no run below f*: PASS"), last.toString());
    }

    @Test
    void sameSeedSameRuns() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(run(INSTANCE + " --starts 2 --seed 3 --format json").out);
        JsonNode b = m.readTree(run(INSTANCE + " --starts 2 --seed 3 --format json").out);
        for (int i = 0; i < 2; i++) {
            assertEquals(a.get("runs").get(i).get("trace"), b.get("runs").get(i).get("trace"));
            assertEquals(a.get("runs").get(i).get("value"), b.get("runs").get(i).get("value"));
        }
        JsonNode c = m.readTree(run(INSTANCE + " --starts 1 --seed 4 --format json").out);
        assertFalse(a.get("runs").get(0).get("trace").equals(c.get("runs").get(0).get("trace")));
    }

    @Test
    void claimsSelectsTheVerdictsOfTheBestRun() throws Exception {
        CliRunner r = run(INSTANCE + " --starts 2 --claims C13,C3 --format json");
        assertEquals(0, r.status, r.err);
        JsonNode claims = new ObjectMapper().readTree(r.out).get("claims");
        assertEquals(2, claims.size(), claims.toString());
        assertEquals("C3", claims.get(0).get("id").asText());
        assertEquals("C13", claims.get(1).get("id").asText());
        assertEquals("PASS", claims.get(1).get("status").asText(), claims.toString());
    }

    @Test
    void anUnconvergedRunIsInconclusiveNeverPass() throws Exception {
        CliRunner r = run(INSTANCE + " --starts 1 --max-iterations 3");
        assertEquals(3, r.status, r.out);
        assertTrue(r.out.contains("NOT_CONVERGED") && r.out.contains("INCONCLUSIVE"), r.out);
        CliRunner j = run(INSTANCE + " --starts 1 --max-iterations 3 --format json");
        for (JsonNode c : new ObjectMapper().readTree(j.out).get("claims")) {
            String id = c.get("id").asText();
            String expected = id.equals("C8") || id.equals("C10") ? "PASS" : id.equals("C12") ? "NOT_APPLICABLE" : "INCONCLUSIVE";
            assertEquals(expected, c.get("status").asText(), c.toString());
            assertTrue(!expected.equals("INCONCLUSIVE") || c.get("detail").asText().contains("not converged"), c.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "starts zero|--starts 0|--starts = 0",
        "starts word|--starts many|--starts = many",
        "seed word|--seed x1|--seed = x1",
        "scale zero|--init-scale 0|--init-scale = 0",
        "scale negative|--init-scale 1,-2|--init-scale[1] = -2",
        "scale NaN|--init-scale NaN|--init-scale = NaN",
        "scale word|--init-scale big|--init-scale = big",
        "iterations zero|--max-iterations 0|--max-iterations = 0",
        "bad format|--format xml|--format = xml",
        "unknown claim|--claims C3,X|--claims = C3,X: unknown claim id 'X'",
    })
    void badInputExitsTwoWithOneLine(String name, String extra, String mentions) {
        CliRunner.assertBadInput(name, INSTANCE + " " + extra, mentions);
    }

    /** --polish refines the best run to a gradient below 10^-(P-5) and 30+ digits of the closed form. */
    @Test
    void polishRefinesTheBestRunAndJudgesIt() throws Exception {
        CliRunner r = run(INSTANCE.replace("--digits 30", "--digits 40") + " --starts 1 --polish --format json");
        assertEquals(0, r.status, r.err);
        JsonNode p = new ObjectMapper().readTree(r.out).get("polish");
        assertEquals("CONVERGED", p.get("stop").asText(), p.toString());
        assertTrue(Double.parseDouble(p.get("gradientNorm").asText()) < 1e-35, p.toString());
        for (String f : new String[] {"valueDigits", "productDigits", "weightGramDigits", "featureGramDigits"}) {
            assertTrue(p.get(f).asInt() >= 30, f + " in " + p);
        }
        assertEquals(40, p.get("candidateDigits").asInt());
        for (JsonNode c : p.get("claims")) {
            assertFalse(c.get("status").asText().equals("FAIL"), c.toString());
        }
    }

    @Test
    void polishOnALargeInstanceIsBadInput() {
        CliRunner r = run("optimize --sizes 40,30 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --polish");
        assertEquals(2, r.status, r.err + r.out);
        assertTrue(r.err.strip().startsWith("ncverify: --polish: N = 70"), r.err);
        assertFalse(r.err.strip().contains("\n"), r.err);
        assertTrue(r.out.isEmpty(), r.out);
    }

    @Test
    void tooManyVariablesIsBadInput() {
        CliRunner r = run("optimize --sizes 100000000,1 --dim 64 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("variables"), r.err);
    }

    @Test
    void instanceErrorsAreSharedWithSolve() {
        CliRunner r = run("optimize --sizes 3,0 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("--sizes[1] = 0"), r.err);
    }
}
