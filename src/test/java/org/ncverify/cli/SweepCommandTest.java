package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.instance.Instance;
import org.ncverify.instance.InstanceJson;
import org.ncverify.instance.Rationals;

/**
 * {@code ncverify sweep} end to end: the CSV header and rows, the JSONL rows (shape, instance,
 * agreement with {@code solve}), rows independent of the number of threads, the replay command,
 * atomic outputs, and bad input refused in one line before any work.
 */
class SweepCommandTest {
    /** 2 depths x 2 decays of a K = 4 instance at 20 digits: 4 points. */
    private static final String SMALL = "sweep --sizes 10,5,3,2 --dim 6 --depth 1,2 --lambda-w 1e-3 --lambda-h 1e-3,1e-2"
        + " --digits 20";
    private static final ObjectMapper MAPPER = InstanceJson.mapper();

    @TempDir
    Path dir;

    private static CliRunner run(String line) {
        return CliRunner.run(line.split(" "));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void csvHasAHeaderNamingUnitsAndOneRowPerPointInOrder() throws IOException {
        Path csv = dir.resolve("rows.csv");
        CliRunner r = run(SMALL + " --quiet --csv " + csv);
        assertEquals(0, r.status, r.err);
        assertEquals("", r.out + r.err);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("index,dim,depth,lambda_W,lambda_H,K,N[samples],n_min[samples],sizes[samples],r,surviving_directions,"
            + "s_crit[sqrt(samples)],f_star,C3_status,C3_residual,C3_tolerance,C4_status,C4_residual,C4_tolerance,"
            + "C8_status,C8_residual,C8_tolerance,C10_status,C10_residual,C10_tolerance", lines.get(0));
        assertEquals(5, lines.size());
        String[] expected = {"0,6,1,0.001,0.001", "1,6,1,0.001,0.01", "2,6,2,0.001,0.001", "3,6,2,0.001,0.01"};
        for (int j = 0; j < 4; j++) {
            String[] f = lines.get(j + 1).split(",", -1);
            assertEquals(25, f.length, lines.get(j + 1));
            assertTrue(lines.get(j + 1).startsWith(expected[j] + ",4,20,2,10;5;3;2,4,"), lines.get(j + 1));
            for (int c = 13; c < 25; c += 3) {
                assertEquals("PASS", f[c], lines.get(j + 1));
            }
        }
        assertEquals(List.of("rows.csv"), files());
    }

    @Test
    void jsonlRowsCarryTheInstanceAndAgreeWithSolve() throws IOException {
        Path jsonl = dir.resolve("rows.jsonl");
        CliRunner r = run(SMALL + " --jsonl " + jsonl);
        assertEquals(0, r.status, r.err);
        assertEquals("", r.out, "with --jsonl only, nothing on stdout");
        assertTrue(r.err.contains("sweep: 4 points, 16 verdicts: 16 PASS, 0 FAIL, 0 NOT_APPLICABLE"), r.err);
        List<String> lines = Files.readAllLines(jsonl);
        assertEquals(4, lines.size());
        for (int j = 0; j < 4; j++) {
            JsonNode o = MAPPER.readTree(lines.get(j));
            assertEquals(List.of("schemaVersion", "command", "index", "parameters", "instance", "digits",
                "survivingDirections", "sCrit", "fStar", "verdicts"), fieldNames(o));
            assertEquals(1, o.get("schemaVersion").asInt());
            assertEquals(j, o.get("index").asInt());
            assertEquals(20, o.get("digits").asInt());
            int depth = j < 2 ? 1 : 2;
            String lambdaH = j % 2 == 0 ? "0.001" : "0.01";
            assertEquals(depth, o.get("parameters").get("depth").asInt());
            assertTrue(o.get("parameters").get("depth").isInt());
            assertEquals(lambdaH, o.get("parameters").get("lambdaH").asText());
            Instance expected = Instance.of(new long[] {10, 5, 3, 2}, 6, null, depth,
                new Aprational[] {Rationals.parseDecimal("w", "1e-3")}, Rationals.parseDecimal("h", lambdaH));
            assertEquals(expected, InstanceJson.read(o.get("instance"), "row " + j));
            assertTrue(o.get("sCrit").isTextual() && o.get("fStar").isTextual(), lines.get(j));
            assertEquals(List.of("C3", "C4", "C8", "C10"), o.get("verdicts").findValuesAsText("id"));
            for (JsonNode v : o.get("verdicts")) {
                assertEquals("PASS", v.get("status").asText());
                assertTrue(v.has("residual") && v.has("tolerance") && v.has("statement"), v.toString());
            }
            CliRunner solve = CliRunner.run("solve", "--sizes", "10,5,3,2", "--dim", "6", "--depth", "" + depth,
                "--lambda-w", "1e-3", "--lambda-h", lambdaH, "--digits", "20", "--format", "json");
            JsonNode s = new ObjectMapper().readTree(solve.out);
            assertEquals(s.get("objective").asText(), o.get("fStar").asText());
            assertEquals(s.get("threshold").asText(), o.get("sCrit").asText());
            assertEquals(s.get("survivingDirections").asInt(), o.get("survivingDirections").asInt());
        }
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void rowsDoNotDependOnTheThreadsAndTheCommandReplaysThem() throws IOException {
        run(SMALL + " --quiet --threads 1 --csv " + dir.resolve("a.csv") + " --jsonl " + dir.resolve("a.jsonl"));
        run(SMALL + " --quiet --threads 3 --csv " + dir.resolve("b.csv") + " --jsonl " + dir.resolve("b.jsonl"));
        assertEquals(Files.readString(dir.resolve("a.csv")), Files.readString(dir.resolve("b.csv")));
        assertEquals(Files.readString(dir.resolve("a.jsonl")), Files.readString(dir.resolve("b.jsonl")));
        String command = MAPPER.readTree(Files.readAllLines(dir.resolve("a.jsonl")).get(0)).get("command").asText();
        assertEquals("ncverify " + SMALL + " --claims C3,C4,C8,C10", command);
        String[] words = command.split(" ");
        List<String> replay = new ArrayList<>(Arrays.asList(words).subList(1, words.length));
        replay.addAll(List.of("--quiet", "--jsonl", dir.resolve("c.jsonl").toString()));
        assertEquals(0, CliRunner.run(replay.toArray(new String[0])).status);
        assertEquals(Files.readString(dir.resolve("a.jsonl")), Files.readString(dir.resolve("c.jsonl")));
    }

    @Test
    void withoutOutputFilesTheCsvGoesToStdoutAndProgressToStderr() {
        CliRunner r = run(SMALL);
        assertEquals(0, r.status, r.err);
        String[] out = r.out.split("\n");
        assertEquals(5, out.length, r.out);
        assertTrue(out[0].startsWith("index,dim,depth,"), out[0]);
        assertTrue(r.err.startsWith("ncverify " + SMALL + " --claims C3,C4,C8,C10\nsweep: 2 x 2 = 4 (--depth x --lambda-h)"
            + " points on "), r.err);
        assertTrue(r.err.contains("sweep: 4/4 points (100%)"), r.err);
    }

    @Test
    void anExistingOutputIsReplacedOnlyOnSuccess() throws IOException {
        Path csv = dir.resolve("out.csv");
        Files.writeString(csv, "precious\n");
        CliRunner bad = run(SMALL.replace("1e-3,1e-2", "1e-2,1e-3,1e-2") + " --csv " + csv);
        assertEquals(2, bad.status, bad.err);
        assertEquals("precious\n", Files.readString(csv));
        assertEquals(List.of("out.csv"), files());
        assertEquals(0, run(SMALL + " --quiet --csv " + csv).status);
        assertTrue(Files.readString(csv).startsWith("index,"));
        assertEquals(List.of("out.csv"), files(), "no temporary file left behind");
    }

    @Test
    void badInputIsOneLineBeforeAnyWork() throws IOException {
        String ok = "sweep --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h ";
        String rule = "sweep --size-rule cifar-lt --classes 10 --n-max 50 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3"
            + " --imbalance ";
        CliRunner.assertBadInput("empty range", ok + "1e-1..1e-5:log:41", "empty range");
        CliRunner.assertBadInput("no points", ok + "1e-5..1e-1:log:0", "must be >= 1, got 0");
        CliRunner.assertBadInput("log through 0", ok + "0..1e-1:log:5", "cannot reach or cross 0");
        CliRunner.assertBadInput("too many points", ok.replace("--depth 2", "--depth 1,2,3") + "1e-5..1e-1:log:33334",
            "the sweep has 3 x 33334 = 100002 (--depth x --lambda-h) points, too many (at most 100000)");
        CliRunner.assertBadInput("too many points in one range", ok + "1e-5..1e-1:log:100001", "at most 100000");
        CliRunner.assertBadInput("zero size", rule + "1..51:lin:3", "floor(50 / 51) = 0");
        CliRunner.assertBadInput("ratio below 1", rule + "0.5", "below 1");
        CliRunner.assertBadInput("unknown rule", rule.replace("cifar-lt", "zipf") + "10", "--size-rule = zipf");
        CliRunner.assertBadInput("both", ok.replace("--sizes 10,5,3,2", "--sizes 3,2 --size-rule step") + "1e-3",
            "not both");
        CliRunner.assertBadInput("size", ok.replace("10,5,3,2", "10,0") + "1e-3", "--sizes[1] = 0");
        CliRunner.assertBadInput("claims", ok + "1e-3 --claims C3,C99", "--claims = C3,C99");
        CliRunner.assertBadInput("digits", ok + "1e-3 --digits 5", "--digits = 5");
        CliRunner.assertBadInput("threads", ok + "1e-3 --threads 0", "--threads = 0");
        CliRunner.assertBadInput("depth", ok.replace("--depth 2", "--depth 1..70:lin:70") + "1e-3", "at most 64");
        CliRunner.assertBadInput("decay", ok + "0,1e-3", "is not > 0");
        CliRunner.assertBadInput("no directory", ok + "1e-3 --csv " + dir.resolve("missing/out.csv"), "does not exist");
        CliRunner.assertBadInput("a directory", ok + "1e-3 --jsonl " + dir, "is a directory");
        CliRunner.assertBadInput("same file", ok + "1e-3 --csv " + dir.resolve("x") + " --jsonl " + dir.resolve("x"),
            "name the same file");
        CliRunner.assertBadInput("memory", ok.replace("--dim 6", "--dim 1000000000") + "1e-3", "of the JVM's heap");
        assertEquals(List.of(), files(), "bad input wrote nothing");
    }
}
