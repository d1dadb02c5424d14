package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --instance FILE|-} and {@code --sizes-file FILE}: the same results as the flags, a list
 * gives one JSON line per instance (text: one result after another), stdin works, and every bad
 * file is one line before any work.
 */
class InstanceFileTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ONE = "{\"sizes\": [10, 5, 3, 2], \"dim\": 6, \"depth\": 2, \"lambdaW\": 0.001, \"lambdaH\": \"0.001\"}";
    private static final String FLAGS = "--sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3";

    private static CliRunner run(String args) {
        return CliRunner.run(args.split(" "));
    }

    private static String withoutSeconds(String text) {
        return text.replaceAll("\"(claimS|s)econds\" : [0-9.Ee-]+", "").replaceAll("\\d+\\.\\d+ s\\)", "T s)");
    }

    @Test
    void anObjectFileGivesWhatTheFlagsGive(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("one.json");
        Files.writeString(f, ONE);
        for (String format : new String[] {"text", "json"}) {
            CliRunner file = run("verify --instance " + f + " --digits 20 --format " + format);
            CliRunner flags = run("verify " + FLAGS + " --digits 20 --format " + format);
            assertEquals(0, file.status, file.err);
            assertEquals(withoutSeconds(flags.out), withoutSeconds(file.out));
        }
    }

    @Test
    void aListGivesOneJsonLinePerInstanceAndTextOneAfterAnother(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("list.json");
        Files.writeString(f, "[" + ONE + ", {\"sizes\": [8, 8, 8, 3, 1], \"dim\": 6, \"depth\": 2, \"lambdaW\": [\"1e-3\", \"2e-3\"],"
            + " \"lambdaH\": 0.001}]");
        CliRunner j = run("solve --instance " + f + " --digits 20 --format json");
        assertEquals(0, j.status, j.err);
        String[] lines = j.out.split("\\R");
        assertEquals(2, lines.length, j.out);
        assertEquals("[10,5,3,2]", MAPPER.readTree(lines[0]).get("instance").get("sizes").toString());
        JsonNode second = MAPPER.readTree(lines[1]);
        assertEquals("[\"0.001\",\"0.002\"]", second.get("instance").get("lambdaW").toString());
        assertTrue(second.get("command").asText().contains("--lambda-w 0.001,0.002"), second.toString());
        CliRunner t = run("solve --instance " + f + " --digits 20");
        assertEquals(2, t.out.lines().filter(l -> l.startsWith("ncverify solve ")).count(), t.out);
    }

    @Test
    void stdinIsRead() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute("solve --instance - --digits 20 --format json".split(" "), new PrintWriter(out, true),
            new PrintWriter(err, true), new ByteArrayInputStream(ONE.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("\"survivingDirections\" : 3"), out.toString());
    }

    /** A size vector longer than a command line takes (issue 11: K = 100000), read from a file; K beyond the limit is refused naming it. */
    @Test
    void sizesFileTakesLongVectors(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("sizes.txt");
        Files.writeString(small, "# CIFAR-like\n10\n5, 3\n2 # last\n");
        CliRunner r = run("solve --sizes-file " + small + " --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.startsWith("ncverify solve --sizes 10,5,3,2 "), r.out);
        Path big = dir.resolve("big.txt");
        Files.writeString(big, LongStream.rangeClosed(1, 100_001).mapToObj(Long::toString).collect(Collectors.joining("\n")));
        CliRunner.assertBadInput("K = 100001", "solve --sizes-file " + big + " --dim 6 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3",
            "K = 100001 classes: solve supports K <= 100000");
        CliRunner.assertBadInput("verify K = 100001", "verify --sizes-file " + big + " --dim 6 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3",
            "K = 100001 classes: verify supports K <= 2000");
    }

    @Test
    void badFilesAreOneLineBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.json");
        CliRunner.assertBadInput("missing", "solve --instance " + missing, "--instance = " + missing + ": no such file");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"sizes\": [3, 2], ");
        CliRunner.assertBadInput("broken", "solve --instance " + broken, "not valid JSON");
        Path second = dir.resolve("second.json");
        Files.writeString(second, "[" + ONE + ", {\"sizes\": [3, 0], \"dim\": 2, \"lambdaW\": 1, \"lambdaH\": 1}]");
        CliRunner.assertBadInput("second bad", "verify --instance " + second, "--instance " + second + " [1]: sizes[1] = 0");
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"sizes\": [3, 2], \"dim\": 2, \"lambdaW\": 1, \"lambdaH\": 1, \"lambdaX\": 1}");
        CliRunner.assertBadInput("unknown field", "solve --instance " + unknown, "unknown field 'lambdaX'");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "[]");
        CliRunner.assertBadInput("empty list", "solve --instance " + empty, "the list holds no instance");
        Path one = dir.resolve("one.json");
        Files.writeString(one, ONE);
        CliRunner.assertBadInput("both", "solve --instance " + one + " --dim 3", "not both");
        CliRunner.assertBadInput("sizes twice", "solve --sizes 3,2 --sizes-file " + one + " --dim 2 --depth 1 --lambda-w 1 --lambda-h 1",
            "--sizes, --sizes-file and --preset");
        CliRunner.assertBadInput("no sizes file", "solve --sizes-file " + missing + " --dim 2 --depth 1 --lambda-w 1 --lambda-h 1",
            "--sizes-file = " + missing + ": no such file");
    }
}
