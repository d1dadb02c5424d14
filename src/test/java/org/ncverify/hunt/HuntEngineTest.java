package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.instance.InputException;

/**
 * The engine's bookkeeping on a small hunt ({@link EngineFixtures}): the journal is a function of
 * the options (not of the threads), a journal cut anywhere resumes to the uninterrupted one, an
 * interrupted hunt closes with a summary and resumes, and the merged shards equal the unsharded
 * run. Journals are compared with their timing fields removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HuntEngineTest {
    @TempDir
    Path dir;

    private Path reference;
    private HuntSummary referenceSummary;

    @BeforeAll
    void uninterruptedRun(@TempDir Path refDir) {
        reference = refDir.resolve("reference.jsonl");
        referenceSummary = EngineFixtures.run(EngineFixtures.options(Shard.ALL), 2, reference, () -> false);
    }

    @Test
    void theReferenceHuntHasFindingsRepeatsAndASummaryThatAddsUp() {
        List<JsonNode> lines = Journals.withoutSeconds(reference);
        assertEquals("header", lines.get(0).path("type").asText());
        assertEquals("summary", lines.get(lines.size() - 1).path("type").asText());
        List<JsonNode> batches = Journals.ofType(reference, "batch");
        assertEquals(6, batches.size());
        for (int b = 0; b < batches.size(); b++) {
            assertEquals(4L * b, batches.get(b).path("first").asLong());
            for (int i = 0; i < 4; i++) {
                assertEquals(4L * b + i, batches.get(b).path("instances").get(i).path("index").asLong());
            }
        }
        long fails = referenceSummary.failsByClaim().get("K4");
        int findings = Journals.ofType(reference, "finding").size();
        int repeats = Journals.ofType(reference, "repeat").size();
        assertTrue(findings == 2 && repeats > 0, "the fixture must exercise dedupe: " + findings + " findings, " + repeats + " repeats");
        assertEquals(fails, findings + repeats);
        assertEquals(fails, referenceSummary.findings().stream().mapToInt(Finding::count).sum());
        assertEquals(24, referenceSummary.instances());
        assertEquals(HuntSummary.COUNT, referenceSummary.stop());
        assertTrue(referenceSummary.falseAsStated());
    }

    @Test
    void sameSeedGivesTheSameJournalWithOneAndTwoThreads() {
        Path one = dir.resolve("one-thread.jsonl");
        EngineFixtures.run(EngineFixtures.options(Shard.ALL), 1, one, () -> false);
        Journals.assertSame(reference, one, "one");
        Path other = dir.resolve("other-seed.jsonl");
        HuntOptions o = EngineFixtures.options(Shard.ALL);
        HuntOptions reseeded = new HuntOptions(o.profile(), 4, 0, o.seed() + 1, o.digits(), o.claims(), o.strategy(),
            false, List.of(), o.batch(), Shard.ALL);
        EngineFixtures.run(reseeded, 2, other, () -> false);
        assertNotEquals(Journals.ofType(reference, "batch").get(0).path("instances"),
            Journals.ofType(other, "batch").get(0).path("instances"));
    }

    @Test
    void aJournalCutMidLineOrAfterUncommittedFindingsResumesToTheUninterruptedOne() throws IOException {
        byte[] all = Files.readAllBytes(reference);
        String text = new String(all, StandardCharsets.UTF_8);
        // a cut inside a line (a torn last line) at about a third and two thirds of the file
        for (double fraction : new double[] {0.35, 0.7}) {
            int cut = (int) (all.length * fraction);
            while (all[cut - 1] == '\n') {
                cut++;
            }
            resumeAndCompare(Arrays.copyOf(all, cut), "cut at " + cut);
        }
        // a cut just after a finding record that follows a batch record: that batch's findings were never committed
        String[] lines = text.split("\n");
        int offset = 0;
        for (int i = 1; i < lines.length; i++) {
            offset += lines[i - 1].length() + 1;
            if (lines[i].contains("\"type\":\"finding\"") && lines[i - 1].contains("\"type\":\"batch\"")) {
                byte[] head = text.substring(0, offset + lines[i].length() + 1).getBytes(StandardCharsets.UTF_8);
                resumeAndCompare(head, "after uncommitted finding line " + (i + 1));
                return;
            }
        }
        throw new AssertionError("the reference journal has no finding right after a batch record");
    }

    private void resumeAndCompare(byte[] head, String what) throws IOException {
        Path f = dir.resolve("cut-" + head.length + ".jsonl");
        Files.write(f, head);
        EngineFixtures.resume(EngineFixtures.options(Shard.ALL), f);
        Journals.assertSame(reference, f, what);
    }

    @Test
    void resumingAFinishedJournalRewritesTheSameSummary() throws IOException {
        Path f = dir.resolve("finished.jsonl");
        Files.copy(reference, f);
        HuntSummary again = EngineFixtures.resume(EngineFixtures.options(Shard.ALL), f);
        Journals.assertSame(reference, f, "f");
        assertEquals(referenceSummary.findings(), again.findings());
    }

    @Test
    void anInterruptedHuntClosesWithASummaryAndResumes() {
        Path f = dir.resolve("interrupted.jsonl");
        AtomicInteger polls = new AtomicInteger();
        // the stop request arrives while the second batch is in flight
        HuntSummary s = EngineFixtures.run(EngineFixtures.options(Shard.ALL), 2, f,
            () -> Journals.ofType(f, "batch").size() >= 1 && polls.incrementAndGet() > 0);
        assertEquals(HuntSummary.INTERRUPTED, s.stop());
        List<JsonNode> lines = Journals.withoutSeconds(f);
        assertEquals("summary", lines.get(lines.size() - 1).path("type").asText());
        assertEquals(1, Journals.ofType(f, "batch").size());
        assertEquals(4, s.instances());
        EngineFixtures.resume(EngineFixtures.options(Shard.ALL), f);
        Journals.assertSame(reference, f, "f");
    }

    @Test
    void threeShardsMergedEqualTheUnshardedRun() {
        List<Path> shards = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path f = dir.resolve("shard" + i + ".jsonl");
            EngineFixtures.run(EngineFixtures.options(new Shard(i, 3)), 2, f, () -> false);
            assertEquals(i == 0 ? 8 : 8, Journals.ofType(f, "batch").stream().mapToInt(b -> b.path("instances").size()).sum());
            shards.add(f);
        }
        Path merged = dir.resolve("merged.jsonl");
        HuntSummary s = JournalMerge.merge(merged, List.of(shards.get(2), shards.get(0), shards.get(1)));
        Journals.assertSame(reference, merged, "merged");
        assertEquals(referenceSummary.findings(), s.findings());

        InputException exists = assertThrows(InputException.class, () -> JournalMerge.merge(merged, shards));
        assertTrue(exists.getMessage().contains("exists"), exists.getMessage());
        InputException missing = assertThrows(InputException.class,
            () -> JournalMerge.merge(dir.resolve("m2.jsonl"), shards.subList(0, 2)));
        assertTrue(missing.getMessage().contains("shard 2/3 is missing"), missing.getMessage());
        InputException twice = assertThrows(InputException.class,
            () -> JournalMerge.merge(dir.resolve("m3.jsonl"), List.of(shards.get(0), shards.get(1), shards.get(1))));
        assertTrue(twice.getMessage().contains("are both shard 1/3"), twice.getMessage());
        assertTrue(!Files.exists(dir.resolve("m2.jsonl")) && !Files.exists(dir.resolve("m3.jsonl")));
    }

    @Test
    void mergeAndResumeRefuseAnotherHunt() throws IOException {
        Path f = dir.resolve("seed12.jsonl");
        String text = Files.readString(reference).replaceFirst("\"seed\":11,", "\"seed\":12,");
        Files.writeString(f, text);
        InputException m = assertThrows(InputException.class, () -> JournalMerge.merge(dir.resolve("x.jsonl"), List.of(reference, f)));
        assertTrue(m.getMessage().contains("is not the same hunt") && m.getMessage().contains("seed is 12"), m.getMessage());
        assertTrue(!m.getMessage().contains("\n"));

        InputException r = assertThrows(InputException.class, () -> Hunt.resume(JournalFile.read(f), EngineFixtures.options(Shard.ALL)));
        assertTrue(r.getMessage().contains("not this hunt: seed is 12 in the journal, 11 here"), r.getMessage());
        InputException shard = assertThrows(InputException.class,
            () -> Hunt.resume(JournalFile.read(reference), EngineFixtures.options(new Shard(0, 2))));
        assertTrue(shard.getMessage().contains("shard 0/1 in the journal, 0/2 here"), shard.getMessage());
        Path tool = dir.resolve("tool.jsonl");
        Files.writeString(tool, Files.readString(reference).replaceFirst("ncverify 0.1.0", "ncverify 0.0.9"));
        assertThrows(InputException.class, () -> Hunt.resume(JournalFile.read(tool), EngineFixtures.options(Shard.ALL)));
    }
}
