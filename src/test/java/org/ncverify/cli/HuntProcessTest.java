package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.hunt.Journals;

/**
 * A real hunt process ({@code java -cp <test class path> org.ncverify.cli.Main hunt ...}): killed
 * with destroyForcibly mid-run and resumed, its journal equals an uninterrupted run of the same
 * seed (timings aside); sent SIGINT, it closes the journal with a summary and exits 130.
 */
class HuntProcessTest {
    /** 40 mixed instances in batches of 4: long enough to be caught mid-run, cheap to finish in-process. */
    private static final String HUNT = "hunt --profile mixed --count 40 --batch 4 --digits 10 --claims C10 --seed 9";

    @TempDir
    Path dir;

    private static Process start(String args, Path journal, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "org.ncverify.cli.Main"));
        cmd.addAll(List.of(args.split(" ")));
        cmd.addAll(List.of("--journal", journal.toString(), "--threads", "2"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CI", "true");
        return pb.start();
    }

    /** Waits until the journal holds {@code batches} batch records (or the process ends, or 180 s pass). */
    private static void awaitBatches(Process p, Path journal, int batches, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(journal) && Files.readString(journal).split("\"type\":\"batch\"", -1).length - 1 >= batches) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the hunt process did not write " + batches + " batches while alive: "
            + (Files.exists(log) ? Files.readString(log) : "(no output)"));
    }

    @Test
    void aHuntKilledMidRunResumesToTheUninterruptedJournal() throws Exception {
        Path journal = dir.resolve("killed.jsonl");
        Path log = dir.resolve("killed.log");
        Process p = start(HUNT, journal, log);
        try {
            awaitBatches(p, journal, 2, log);
        } finally {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        assertFalse(Files.readString(journal).contains("\"type\":\"summary\""),
            "the process finished before it was killed: the test did not interrupt it");
        CliRunner resumed = CliRunner.run((HUNT + " --resume " + journal).split(" "));
        assertEquals(0, resumed.status, resumed.err + resumed.out);
        assertTrue(resumed.out.startsWith("40 instances judged (stop: count)"), resumed.out);

        Path whole = dir.resolve("uninterrupted.jsonl");
        CliRunner r = CliRunner.run((HUNT + " --journal " + whole).split(" "));
        assertEquals(0, r.status, r.err);
        Journals.assertSame(whole, journal, "killed and resumed");
    }

    @Test
    void sigintClosesTheJournalWithASummaryAndExits130() throws Exception {
        assumeFalse(sigintIgnored(), "SIGINT is ignored by this process (and so by its children): the JVM installs no handler");
        Path journal = dir.resolve("interrupted.jsonl");
        Path log = dir.resolve("interrupted.log");
        Process p = start(HUNT.replace("--count 40", "--count 4000"), journal, log);
        try {
            awaitBatches(p, journal, 1, log);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the hunt did not stop after SIGINT");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(130, p.exitValue(), Files.readString(log));
        var lines = Journals.withoutSeconds(journal);
        var last = lines.get(lines.size() - 1);
        assertEquals("summary", last.path("type").asText(), "the journal's last record");
        assertEquals("interrupted", last.path("stop").asText());
        assertEquals(4L * Journals.ofType(journal, "batch").size(), last.path("instances").asLong());
        assertTrue(Files.readString(log).contains("(stop: interrupted)"), Files.readString(log));
        assertTrue(Files.readString(journal).endsWith("\n"), "a torn last line after SIGINT");
    }

    /** True when SIGINT (signal 2, bit 1 of SigIgn) is ignored by this JVM, as under nohup or a background job. */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status) || File.separatorChar != '/') {
            return true;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2L) != 0;
            }
        }
        return true;
    }
}
