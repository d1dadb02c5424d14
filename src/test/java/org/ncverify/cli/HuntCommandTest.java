package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.hunt.Journals;

/**
 * {@code ncverify hunt} in-process: bad input is one line and exit status 2 before any work (no
 * journal is written), a small hunt prints its totals and writes a journal whose header records
 * the options, and three shards merged by {@code hunt merge} equal the unsharded run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HuntCommandTest {
    /** A small, cheap hunt: 24 mixed instances in batches of 4, C10 at 10 digits. */
    static final String SMALL = "hunt --profile mixed --count 24 --batch 4 --digits 10 --claims C10 --seed 5";

    @TempDir
    Path dir;

    private Path reference;

    @BeforeAll
    void unshardedRun(@TempDir Path refDir) {
        reference = refDir.resolve("reference.jsonl");
        CliRunner r = CliRunner.run((SMALL + " --journal " + reference).split(" "));
        assertEquals(0, r.status, r.err + r.out);
        assertTrue(r.out.startsWith("24 instances judged (stop: count); findings: FALSE_AS_STATED 0"), r.out);
        assertTrue(r.out.contains("journal: " + reference), r.out);
    }

    @Test
    void theJournalRecordsTheHuntsOptionsAndEveryInstance() {
        var header = Journals.withoutSeconds(reference).get(0);
        assertEquals("mixed", header.path("options").path("profile").asText());
        assertEquals(24, header.path("options").path("count").asInt());
        assertEquals(5, header.path("options").path("seed").asInt());
        assertEquals("[\"C10\"]", header.path("options").path("claims").toString());
        assertEquals(4, header.path("options").path("batch").asInt());
        assertEquals(6, Journals.ofType(reference, "batch").size());
        assertEquals(24, Journals.ofType(reference, "summary").get(0).path("instances").asInt());
    }

    @Test
    void aTimedHuntStopsOnItsBudgetAndPrintsPlainProgressLinesOffATerminal() {
        Path j = dir.resolve("timed.jsonl");
        CliRunner r = CliRunner.run(("hunt --profile step --time 1s --batch 2 --digits 10 --claims C10 --journal " + j).split(" "));
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("(stop: time)"), r.out);
        var options = Journals.withoutSeconds(j).get(0).path("options");
        assertTrue(options.path("count").isNull());
        assertEquals(1, options.path("time").asInt());
        long n = Journals.ofType(j, "summary").get(0).path("instances").asLong();
        assertTrue(n >= 2 && n % 2 == 0, "whole batches only: " + n);
        // no console in a test: plain lines, the first after the first batch, not a progress bar
        assertTrue(r.err.startsWith("hunt: 2 instances, "), r.err);
        assertFalse(r.err.contains("\r"), r.err);
    }

    @Test
    void badInputIsOneLineAndExitTwoBeforeAnyWork() throws IOException {
        Path j = dir.resolve("never.jsonl");
        String tail = " --journal " + j;
        String[][] cases = {
            {"no profile", "hunt --count 5" + tail, "--profile is missing"},
            {"unknown profile", "hunt --profile ties --count 5" + tail, "--profile = ties: unknown profile; expected one of balanced"},
            {"count 0", "hunt --profile step --count 0" + tail, "--count = 0"},
            {"count and time", "hunt --profile step --count 5 --time 1m" + tail, "--count and --time"},
            {"bad time", "hunt --profile step --time 10x" + tail, "--time = 10x"},
            {"bad shard", "hunt --profile step --count 5 --shard 3/3" + tail, "--shard = 3/3"},
            {"bad digits", "hunt --profile step --count 5 --digits 5" + tail, "--digits = 5"},
            {"bad strategy", "hunt --profile step --count 5 --strategy greedy" + tail, "--strategy = greedy"},
            {"unknown claim", "hunt --profile step --count 5 --claims C5,C99" + tail, "unknown claim id 'C99'"},
            {"bad batch", "hunt --profile step --count 5 --batch 0" + tail, "--batch = 0"},
            {"bad threads", "hunt --profile step --count 5 --threads 0" + tail, "--threads = 0"},
            {"not a number", "hunt --profile step --count many" + tail, "many"},
            {"no resume file", "hunt --profile step --count 5 --resume " + dir.resolve("absent.jsonl"), "no such journal"},
        };
        for (String[] c : cases) {
            CliRunner.assertBadInput(c[0], c[1], c[2]);
            assertFalse(Files.exists(j), c[0] + ": a journal was written");
        }
        Path existing = dir.resolve("existing.jsonl");
        Files.writeString(existing, "a user's file\n");
        CliRunner.assertBadInput("journal exists", "hunt --profile step --count 5 --journal " + existing, "the journal exists");
        assertEquals("a user's file\n", Files.readString(existing));
    }

    @Test
    void resumeRefusesAJournalOfAnotherHunt() throws IOException {
        Path copy = dir.resolve("copy.jsonl");
        Files.copy(reference, copy);
        String before = Files.readString(copy);
        CliRunner.assertBadInput("other seed", SMALL.replace("--seed 5", "--seed 6") + " --resume " + copy,
            "not this hunt: seed is 5 in the journal, 6 here");
        CliRunner.assertBadInput("other count", SMALL.replace("--count 24", "--count 25") + " --resume " + copy,
            "not this hunt: count is 24 in the journal, 25 here");
        CliRunner.assertBadInput("journal and resume", SMALL + " --resume " + copy + " --journal " + dir.resolve("x.jsonl"),
            "give --resume alone");
        Files.writeString(dir.resolve("garbage.jsonl"), "not json\n{}\n");
        CliRunner.assertBadInput("not a journal", SMALL + " --resume " + dir.resolve("garbage.jsonl"), "line 1 is not a JSON record");
        assertEquals(before, Files.readString(copy), "a refused resume must not touch the journal");
    }

    @Test
    void threeShardsMergedByTheCliEqualTheUnshardedRun() {
        List<String> merge = new ArrayList<>(List.of("hunt", "merge", dir.resolve("merged.jsonl").toString()));
        for (int i = 0; i < 3; i++) {
            Path f = dir.resolve("shard" + i + ".jsonl");
            CliRunner r = CliRunner.run((SMALL + " --shard " + i + "/3 --journal " + f).split(" "));
            assertEquals(0, r.status, r.err);
            assertTrue(r.out.startsWith("8 instances judged"), r.out);
            merge.add(f.toString());
        }
        CliRunner m = CliRunner.run(merge.toArray(String[]::new));
        assertEquals(0, m.status, m.err);
        assertTrue(m.out.startsWith("24 instances judged (stop: count)"), m.out);
        Journals.assertSame(reference, dir.resolve("merged.jsonl"), "merged");

        CliRunner.assertBadInput("merge onto an existing file", "hunt merge " + reference + " " + merge.get(3), "exists");
        CliRunner.assertBadInput("merge of different hunts", "hunt merge " + dir.resolve("m2.jsonl") + " " + reference + " "
            + merge.get(3), "is not the same hunt");
    }
}
