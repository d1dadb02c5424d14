package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The report's progress off a terminal: exactly one plain line per step, nothing else. */
class ReportProgressTest {
    @Test
    void plainLinesOnePerStep() {
        StringWriter w = new StringWriter();
        try (ReportProgress p = ReportProgress.start(new PrintWriter(w, true), false, 3)) {
            p.step(1, 3, "named: balanced");
            p.step(2, 3, "optimizer: ties, 8 starts (8 GLOBAL)");
            p.step(3, 3, "figures");
        }
        String[] lines = w.toString().split("\n", -1);
        assertEquals(4, lines.length, w.toString());
        assertEquals("", lines[3]);
        assertTrue(lines[0].matches("report: \\[1/3\\] named: balanced \\(\\d+\\.\\d s\\)"), lines[0]);
        assertTrue(lines[1].matches("report: \\[2/3\\] optimizer: ties, 8 starts \\(8 GLOBAL\\) \\(\\d+\\.\\d s\\)"), lines[1]);
        assertTrue(lines[2].startsWith("report: [3/3] figures ("), lines[2]);
    }
}
