package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.instance.InputException;
import org.ncverify.sampling.Sample;

/** Reading journals: what is committed, what a resume drops, what is damage; record round trips. */
class JournalFileTest {
    @TempDir
    Path dir;

    private static final HuntOptions OPTIONS = EngineFixtures.options(Shard.ALL);

    private static String header() {
        return Records.header(Hunt.TOOL, OPTIONS).toString();
    }

    private static String batch(long index) {
        Sample s = Draw.draw("step", 1, index);
        InstanceRecord r = new InstanceRecord(index, "step", 7L, s.note(), s.instance(), "C10", Double.NEGATIVE_INFINITY,
            Map.of("C10", "PASS"), Map.of(), null);
        return Records.batch(List.of(Records.instance(r)), 0.5).toString();
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "j", ".jsonl");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aTornLastLineAndRecordsAfterTheLastBatchAreNotCommitted() throws IOException {
        String committed = header() + "\n" + batch(0) + "\n";
        JournalFile clean = JournalFile.read(write(committed));
        assertEquals(2, clean.committed().size());
        assertEquals(committed.length(), clean.length());
        assertEquals(0, clean.dropped());

        JournalFile torn = JournalFile.read(write(committed + batch(1).substring(0, 40)));
        assertEquals(2, torn.committed().size());
        assertEquals(committed.length(), torn.length());
        assertEquals(1, torn.dropped());

        // a complete last record without its newline was torn too (the newline is part of the write)
        JournalFile noNewline = JournalFile.read(write(committed + batch(1)));
        assertEquals(2, noNewline.committed().size());

        String summary = "{\"schemaVersion\":1,\"type\":\"summary\",\"stop\":\"interrupted\"}";
        String repeat = Records.repeat("k", 1).toString();
        JournalFile after = JournalFile.read(write(committed + repeat + "\n" + summary + "\n"));
        assertEquals(committed.length(), after.length());
        assertEquals(2, after.dropped());
        assertEquals("interrupted", after.summary().path("stop").asText());
        assertNull(clean.summary());
    }

    @Test
    void damageBeforeTheLastLineAndForeignFilesAreBadInput() throws IOException {
        Path damaged = write(header() + "\n{oops\n" + batch(0) + "\n");
        InputException e = assertThrows(InputException.class, () -> JournalFile.read(damaged));
        assertTrue(e.getMessage().contains("line 2 is not a JSON record"), e.getMessage());
        Path noHeader = write(batch(0) + "\n");
        assertTrue(assertThrows(InputException.class, () -> JournalFile.read(noHeader)).getMessage().contains("not a hunt journal"));
        Path otherType = write(header() + "\n{\"schemaVersion\":1,\"type\":\"mystery\"}\n" + batch(0) + "\n");
        assertTrue(assertThrows(InputException.class, () -> JournalFile.read(otherType)).getMessage().contains("line 2"));
        Path v2 = write(header() + "\n" + batch(0).replace("\"schemaVersion\":1", "\"schemaVersion\":2") + "\n");
        assertThrows(InputException.class, () -> JournalFile.read(v2));
    }

    @Test
    void recordsRoundTripNonFiniteValuesAsNullWithTheirText() {
        Sample s = Draw.draw("true-ties", 3, 2);
        InstanceRecord r = new InstanceRecord(2, "true-ties", null, s.note(), s.instance(), "C7", Double.POSITIVE_INFINITY,
            Map.of("C7", "FAIL"), Map.of("C13", "PASS", "C7", "FAIL"), null);
        var json = Records.instance(r);
        assertTrue(json.path("worst").path("margin").isNull());
        assertEquals("Infinity", json.path("worst").path("marginText").asText());
        assertTrue(json.path("seed").isNull());
        assertEquals("PASS", json.path("optimizer").path("C13").asText());
        InstanceRecord back = Records.instanceRecord(json);
        assertEquals(r, back);

        Finding f = new Finding(FindingClass.FALSE_AS_STATED, "C7", null, s.instance(), s.instance(), "NaN", "-", 3, 2,
            "ncverify verify ...", "non-finite", 1);
        var fj = Records.finding(f);
        assertTrue(fj.path("residual").isNull() && fj.path("tolerance").isNull());
        assertEquals("NaN", fj.path("residualText").asText());
        assertEquals(f, Records.finding(fj));
        Finding g = new Finding(FindingClass.HYPOTHESIS_NEEDED, "C7", "literal, independent bases", s.instance(), s.instance(),
            "1.99", "1e-42", 3, 2, "ncverify verify ...", "detail", 1);
        assertEquals("1.99", Records.finding(g).path("residual").asText());
        assertEquals(g, Records.finding(Records.finding(g)));
    }
}
