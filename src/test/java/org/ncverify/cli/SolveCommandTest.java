package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CLI contract of SPEC section 7: output fields, exit status, one-line errors. */
class SolveCommandTest {
    private static final String[] README_EXAMPLE = {"solve", "--sizes", "10,5,3,2", "--dim", "6", "--depth", "2",
        "--lambda-w", "1e-3", "--lambda-h", "1e-3", "--digits", "50", "--format", "json"};

    @Test
    void readmeExamplePrintsTheContractFields() throws Exception {
        CliRunner r = CliRunner.run(README_EXAMPLE);
        assertEquals(0, r.status, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        for (String f : new String[] {"singularValues", "productSingularValues", "objective", "bias", "threshold", "claims"}) {
            assertTrue(j.has(f), "missing " + f);
        }
        assertEquals(4, j.get("singularValues").size());
        assertEquals("0", j.get("singularValues").get(3).asText());
        for (JsonNode c : j.get("claims")) {
            assertTrue(c.has("id") && c.has("status") && c.has("residual") && c.has("tolerance"), c.toString());
        }
        // 50 significant digits in a non-trivial value
        String s1 = j.get("singularValues").get(0).asText().replace(".", "").replaceFirst("^0+", "");
        assertTrue(s1.length() >= 49, s1);
    }

    @Test
    void textOutputHasTheTable() {
        String[] args = java.util.Arrays.copyOf(README_EXAMPLE, README_EXAMPLE.length - 2);
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("p*(s_i)") && r.out.contains("surviving") && r.out.contains("C11"), r.out);
    }

    @Test
    void perLayerLambdasAndWidths() throws Exception {
        CliRunner r = CliRunner.run("solve", "--sizes", "7,5,2", "--dim", "4", "--depth", "3", "--widths", "3,2",
            "--lambda-w", "1e-3,2e-3,5e-4", "--lambda-h", "1e-3", "--digits", "30", "--format", "json");
        assertEquals(0, r.status, r.err);
        JsonNode j = new ObjectMapper().readTree(r.out);
        assertEquals(2, j.get("bottleneck").asInt());
        assertEquals("0", j.get("productSingularValues").get(2).asText());
    }

    @Test
    void tooManyClassesIsBadInput() {
        String sizes = String.join(",", java.util.Collections.nCopies(SolveCommand.SOLVE_MAX_CLASSES + 1, "3"));
        CliRunner r = CliRunner.run("solve", "--sizes", sizes, "--dim", "2", "--depth", "1", "--lambda-w", "1e-3",
            "--lambda-h", "1e-3");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.strip().startsWith("ncverify: --sizes has K = 100001"), r.err);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "size zero|--sizes 3,0,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3|--sizes[1] = 0",
        "negative size|--sizes 3,-1 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3|--sizes[1] = -1",
        "size not an integer|--sizes 3,2.5 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3|--sizes[1] = 2.5",
        "one class|--sizes 3 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3|K >= 2",
        "missing flag|--sizes 3,2 --dim 2 --lambda-w 1e-3 --lambda-h 1e-3|--depth",
        "lambda zero|--sizes 3,2 --dim 2 --depth 1 --lambda-w 0 --lambda-h 1e-3|--lambda-w = 0",
        "lambda negative|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h -1|--lambda-h = -1",
        "lambda NaN|--sizes 3,2 --dim 2 --depth 1 --lambda-w NaN --lambda-h 1e-3|--lambda-w = NaN",
        "lambda word|--sizes 3,2 --dim 2 --depth 1 --lambda-w abc --lambda-h 1e-3|--lambda-w = abc",
        "lambda count|--sizes 3,2 --dim 2 --depth 3 --lambda-w 1e-3,1e-3 --lambda-h 1e-3|--lambda-w has 2",
        "widths count|--sizes 3,2 --dim 2 --depth 3 --widths 2 --lambda-w 1e-3 --lambda-h 1e-3|--widths has 1",
        "digits low|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 9|--digits = 9",
        "digits high|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 2001|--digits = 2001",
        "dim word|--sizes 3,2 --dim x --depth 1 --lambda-w 1e-3 --lambda-h 1e-3|--dim = x",
        "bad format|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --format xml|--format = xml",
        "unknown flag|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --bogus 1|--bogus",
    })
    void badInputExitsTwoWithOneLine(String name, String args, String mentions) {
        CliRunner.assertBadInput(name, "solve " + args, mentions);
    }
}
