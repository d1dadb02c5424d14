package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --output FILE} (atomic: the old file survives a refused run, no temporary file is left) and {@code --quiet}. */
class OutputFileTest {
    private static final String SOLVE = "solve --sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20";

    private static CliRunner run(String args) {
        return CliRunner.run(args.split(" "));
    }

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void outputGoesToTheFileAndANoteToStderr(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        CliRunner r = run(SOLVE + " --format json --output " + out);
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.isEmpty(), r.out);
        assertTrue(r.err.contains("wrote " + out), r.err);
        assertTrue(Files.readString(out).contains("\"schemaVersion\" : 1"));
        assertEquals(1, files(dir), "no temporary file left");
        CliRunner q = run(SOLVE + " --output " + out + " --quiet");
        assertEquals(0, q.status, q.err);
        assertTrue(q.out.isEmpty() && q.err.isEmpty(), q.out + q.err);
        assertTrue(Files.readString(out).startsWith("ncverify solve "), "replaced by the text output");
    }

    @Test
    void aRefusedRunLeavesTheOldFileWhole(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("keep.txt");
        Files.writeString(out, "earlier results\n");
        CliRunner r = run(SOLVE.replace("3,2", "3,0") + " --output " + out);
        assertEquals(2, r.status, r.err);
        assertEquals("earlier results\n", Files.readString(out));
        assertEquals(1, files(dir));
    }

    @Test
    void anUnwritableTargetIsBadInputBeforeAnyWork(@TempDir Path dir) {
        Path nowhere = dir.resolve("no-such-dir").resolve("r.json");
        CliRunner.assertBadInput("missing directory", SOLVE + " --output " + nowhere, "does not exist");
        CliRunner.assertBadInput("a directory", SOLVE + " --output " + dir, "is a directory");
    }

    @Test
    void quietPrintsNothingAndKeepsTheStatus() {
        CliRunner r = run(SOLVE + " --quiet");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.isEmpty() && r.err.isEmpty(), r.out + r.err);
        CliRunner bad = run("optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20 --starts 1"
            + " --max-iterations 1 -q");
        assertEquals(3, bad.status);
        assertTrue(bad.out.isEmpty(), bad.out);
    }
}
