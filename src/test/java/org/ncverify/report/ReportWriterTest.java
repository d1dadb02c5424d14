package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.instance.InputException;

/** A report directory is replaced only by a complete one; what is not a report is never touched. */
class ReportWriterTest {
    @TempDir
    Path dir;

    private static Map<String, String> report(String marker) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("data/a.json", "{\"schemaVersion\": 1, \"m\": \"" + marker + "\"}\n");
        f.put("index.html", "<p>" + marker + "</p>");
        return f;
    }

    @Test
    void writesThenReplacesAndLeavesNoTemporaries() throws IOException {
        Path out = dir.resolve("r");
        ReportWriter.write(out, report("one"));
        assertEquals("<p>one</p>", Files.readString(out.resolve("index.html")));
        ReportWriter.write(out, report("two"));
        assertEquals("<p>two</p>", Files.readString(out.resolve("index.html")));
        assertTrue(Files.readString(out.resolve("data/a.json")).contains("two"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList(), "no .tmp- or .old- directory is left behind");
        }
    }

    @Test
    void aFailedWriteKeepsTheOldReport() throws IOException {
        Path out = dir.resolve("r");
        ReportWriter.write(out, report("old"));
        Map<String, String> bad = report("new");
        bad.put("../escape.txt", "x");
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(out, bad));
        assertEquals("<p>old</p>", Files.readString(out.resolve("index.html")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.toList());
        }
    }

    @Test
    void refusesWhatIsNotAReport() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        InputException e = assertThrows(InputException.class, () -> ReportWriter.check(file));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
        Path mine = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "keep");
        assertThrows(InputException.class, () -> ReportWriter.write(mine, report("x")));
        assertEquals("keep", Files.readString(mine.resolve("thesis.tex")));
        ReportWriter.check(Files.createDirectory(dir.resolve("empty")));
        ReportWriter.check(dir.resolve("new/deeper"));
    }
}
