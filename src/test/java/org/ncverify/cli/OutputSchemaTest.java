package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's JSON output validates against {@code schema/ncverify-output.schema.json}
 * (JSON Schema draft 2020-12, networknt json-schema-validator): solve, verify, optimize (a
 * converged run, and runs that all end non-finite), a file of instances (JSONL, one line per
 * instance), and a sweep row of the documented shape. The negative cases show the schema can
 * reject: the outputs before issue 11 (a "-" residual, a -1 iterationsToGap, no schemaVersion,
 * an instance without lambdas) are invalid.
 */
class OutputSchemaTest {
    private static final String INSTANCE = "--sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void load() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        schema = registry.getSchema(Files.readString(Path.of("schema/ncverify-output.schema.json")), InputFormat.JSON);
    }

    private static List<Error> errors(String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    private static void assertValid(String what, String json) {
        List<Error> e = errors(json);
        assertTrue(e.isEmpty(), what + ": " + e + "\n" + json);
    }

    private static String json(String args) {
        CliRunner r = CliRunner.run((args + " --format json").split(" "));
        assertTrue(r.status == 0 || r.status == 3, args + ": " + r.status + " " + r.err);
        return r.out;
    }

    @Test
    void solveVerifyAndOptimizeValidate() {
        assertValid("solve", json("solve " + INSTANCE));
        assertValid("solve rotated", json("solve " + INSTANCE + " --rotation-seed 3"));
        assertValid("verify", json("verify " + INSTANCE));
        assertValid("optimize", json("optimize " + INSTANCE + " --starts 2"));
        assertValid("optimize polish", json("optimize --sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20 --starts 1 --polish"));
    }

    /** Runs that end non-finite (--lambda-w 1e400): their doubles are null, not strings, and best is null. */
    @Test
    void nonFiniteRunsValidateWithNulls() throws Exception {
        String out = json("optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e400 --lambda-h 1e-3 --digits 20 --starts 1");
        assertValid("optimize non-finite", out);
        JsonNode j = MAPPER.readTree(out);
        assertTrue(j.get("best").isNull(), out);
        assertTrue(j.get("runs").get(0).get("value").isNull(), out);
    }

    @Test
    void aFileOfInstancesGivesOneValidLinePerInstance(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cases.json");
        Files.writeString(file, "[{\"sizes\": [3, 2], \"dim\": 2, \"depth\": 1, \"lambdaW\": 0.001, \"lambdaH\": \"1/1000\"},"
            + " {\"sizes\": [4, 2, 1], \"dim\": 3, \"depth\": 2, \"widths\": [3], \"lambdaW\": [\"0.001\", \"0.002\"], \"lambdaH\": 0.001}]");
        for (String command : new String[] {"solve", "verify", "optimize"}) {
            String out = json(command + " --instance " + file + " --digits 20" + (command.equals("optimize") ? " --starts 1" : ""));
            String[] lines = out.split("\\R");
            assertEquals(2, lines.length, out);
            for (String line : lines) {
                assertValid(command + " line", line);
            }
        }
    }

    @Test
    void aSweepRowOfTheDocumentedShapeValidates() throws Exception {
        ObjectNode verify = (ObjectNode) MAPPER.readTree(json("verify " + INSTANCE + " --claims C3,C10,C12"));
        ObjectNode row = MAPPER.createObjectNode();
        row.put("schemaVersion", 1);
        row.put("command", "ncverify sweep --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-5..1e-1:log:41");
        row.put("index", 0);
        row.putObject("parameters").put("lambdaH", "0.00001").put("depth", 2);
        row.set("instance", verify.get("instance"));
        row.put("digits", 20);
        row.put("survivingDirections", 3);
        row.put("sCrit", "0.10636591793889977233");
        row.put("fStar", "0.0071601214418120084976");
        row.set("verdicts", verify.get("claims"));
        assertValid("sweep row", row.toString());
        row.remove("sCrit");
        assertFalse(errors(row.toString()).isEmpty(), "a sweep row without sCrit must not validate");
    }

    /** Real `sweep --jsonl` lines (not a hand-built row) validate as sweepRow, every one of them. */
    @Test
    void sweepJsonlLinesValidate(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("rows.jsonl");
        CliRunner r = CliRunner.run(("sweep --sizes 10,5,3,2 --dim 6 --depth 1,2 --lambda-w 1e-3 --lambda-h 1e-4..1e-1:log:3"
            + " --digits 20 --claims C3,C8,C12 --quiet --jsonl " + jsonl).split(" "));
        assertTrue(r.status == 0 || r.status == 3, r.status + " " + r.err);
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(6, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            assertValid("sweep line", line);
        }
    }

    /**
     * Real `check --format json` output validates, for a right point (all PASS) and for the same
     * point judged under other decays (FAILs); its command, from a directory with a space in its
     * name, reruns to the same verdicts.
     */
    @Test
    void checkOutputValidatesAndItsCommandReruns(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectory(dir.resolve("my points"));
        Path f = sub.resolve("m.npz");
        CliRunner e = CliRunner.run(new String[] {"solve", "--sizes", "10,5,3,2", "--dim", "6", "--depth", "2",
            "--lambda-w", "1e-3", "--lambda-h", "1e-3", "--digits", "30", "-q", "--export", f.toString()});
        assertEquals(0, e.status, e.err);
        for (String lw : new String[] {"1e-3", "2e-3"}) {
            CliRunner r = CliRunner.run(new String[] {"check", "--point", f.toString(), "--sizes", "10,5,3,2",
                "--lambda-w", lw, "--lambda-h", "1e-3", "--format", "json"});
            assertEquals(lw.equals("1e-3") ? 0 : 1, r.status, r.err);
            assertValid("check --lambda-w " + lw, r.out);
            JsonNode a = MAPPER.readTree(r.out);
            String command = a.get("command").asText();
            assertTrue(command.contains("'" + f + "'"), command);
            CliRunner again = CliRunner.run(shellWords(command.substring("ncverify ".length())));
            JsonNode b = MAPPER.readTree(again.out);
            assertEquals(a.get("claims").findValuesAsText("status"), b.get("claims").findValuesAsText("status"));
            assertEquals(command, b.get("command").asText(), "the command is a fixed point");
        }
    }

    /** The words a POSIX shell (bash) makes of {@code line}. */
    private static String[] shellWords(String line) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "printf '%s\\0' " + line).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return out.split("\0");
    }

    /** The shapes issue 11 reported are rejected, so the checks above can fail. */
    @Test
    void theOldShapesAreRejected() throws Exception {
        ObjectNode verify = (ObjectNode) MAPPER.readTree(json("verify " + INSTANCE + " --claims C12"));
        assertValid("verify C12", verify.toString());
        ObjectNode dash = verify.deepCopy();
        ((ObjectNode) dash.get("claims").get(0)).put("residual", "-");
        assertFalse(errors(dash.toString()).isEmpty(), "a '-' residual must not validate");
        ObjectNode noVersion = verify.deepCopy();
        noVersion.remove("schemaVersion");
        assertFalse(errors(noVersion.toString()).isEmpty(), "an output without schemaVersion must not validate");
        ObjectNode noLambdas = verify.deepCopy();
        ((ObjectNode) noLambdas.get("instance")).remove("lambdaW");
        assertFalse(errors(noLambdas.toString()).isEmpty(), "an instance without lambdaW must not validate");
        ObjectNode optimize = (ObjectNode) MAPPER.readTree(json("optimize " + INSTANCE + " --starts 1 --max-iterations 2"));
        assertValid("optimize unconverged", optimize.toString());
        assertTrue(optimize.get("runs").get(0).get("iterationsToGap").isNull(), optimize.toString());
        ((ObjectNode) optimize.get("runs").get(0)).put("iterationsToGap", -1);
        assertFalse(errors(optimize.toString()).isEmpty(), "iterationsToGap = -1 must not validate");
        ObjectNode nan = (ObjectNode) MAPPER.readTree(json("optimize " + INSTANCE + " --starts 1 --max-iterations 2"));
        ((ObjectNode) nan.get("runs").get(0)).put("value", "NaN");
        assertFalse(errors(nan.toString()).isEmpty(), "a NaN string for a double must not validate");
    }
}
