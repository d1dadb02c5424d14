package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.claims.Catalogue;

/** {@code ncverify report --quick}: bad input refused at once; a real quick report written whole. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        CliRunner.assertBadInput("no --quick", "report --out " + dir.resolve("a"), "--quick");
        Path file = Files.writeString(dir.resolve("f.txt"), "mine");
        CliRunner.assertBadInput("--out is a file", "report --quick --out " + file, "--out = " + file);
        CliRunner.assertBadInput("digits", "report --quick --digits 5 --out " + dir.resolve("b"), "--digits = 5");
        CliRunner.assertBadInput("per-profile", "report --quick --per-profile -1 --out " + dir.resolve("c"), "--per-profile = -1");
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void quickReportOfTheNamedCases() throws Exception {
        Path out = dir.resolve("quick");
        CliRunner r = CliRunner.run("report", "--quick", "--per-profile", "0", "--out", out.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.startsWith("wrote "), r.out);
        String page = Files.readString(out.resolve("index.html"));
        for (String id : Catalogue.all().ids()) {
            assertTrue(page.contains("<td>" + id + "</td>"), "summary lacks " + id);
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("data/summary.json").toFile());
        assertEquals(1, s.get("schemaVersion").asInt());
        assertEquals(7, s.get("cases").size(), "the seven named cases");
        assertEquals(40, s.get("run").get("digits").asInt());
        for (String f : new String[] {"spectrum.json", "scalar-law.json", "margins.json"}) {
            assertTrue(Files.size(out.resolve("data").resolve(f)) > 0, f);
        }
        assertEquals(14, page.split("<svg", -1).length - 1,
            "spectrum, three scalar laws, margins, nine theory charts (report-plots)");
    }
}
