package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.claims.Catalogue;

/**
 * {@code ncverify report}: bad input refused at once (the default campaign too, before any of its
 * work); a real quick report written whole by a separate process on a pseudo-terminal with
 * CI=true, whose progress is one plain line per campaign step (no bar, no carriage return, no
 * escape sequence).
 */
class ReportCommandTest {
    private static final Pattern STEP = Pattern.compile("report: \\[(\\d+)/(\\d+)\\] .+ \\(\\d+\\.\\d s\\)");

    @TempDir
    Path dir;

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "mine");
        long t = System.nanoTime();
        CliRunner.assertBadInput("default campaign, --out is a file", "report --out " + file, "--out = " + file);
        assertTrue(System.nanoTime() - t < TimeUnit.SECONDS.toNanos(20), "refused before the campaign's work");
        CliRunner.assertBadInput("--out is a file", "report --quick --out " + file, "--out = " + file);
        CliRunner.assertBadInput("digits", "report --quick --digits 5 --out " + dir.resolve("b"), "--digits = 5");
        CliRunner.assertBadInput("per-profile", "report --quick --per-profile -1 --out " + dir.resolve("c"), "--per-profile = -1");
        CliRunner.assertBadInput("per-profile max", "report --per-profile 501 --out " + dir.resolve("c"), "--per-profile = 501");
        CliRunner.assertBadInput("hunt-count", "report --hunt-count 0 --out " + dir.resolve("d"), "--hunt-count = 0");
        CliRunner.assertBadInput("hunt-count quick", "report --quick --hunt-count 5 --out " + dir.resolve("d"), "--hunt-count");
        assertEquals("mine", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("b")) || Files.exists(dir.resolve("c")) || Files.exists(dir.resolve("d")));
    }

    @Test
    void quickReportInAProcessWithCiSetPrintsPlainProgressLines() throws Exception {
        Path out = dir.resolve("quick");
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), "org.ncverify.cli.Main", "report", "--quick", "--per-profile", "0",
            "--out", out.toString());
        boolean pty = new File("/usr/bin/script").canExecute();
        List<String> cmd = pty ? List.of("/usr/bin/script", "-qec", "'" + String.join("' '", java) + "'", "/dev/null") : java;
        Path log = dir.resolve("log.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CI", "true");
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the quick report took over 5 minutes");
        String text = Files.readString(log);
        assertEquals(0, p.exitValue(), text);
        assertFalse(text.contains("\u001b"), "an escape sequence (a bar) with CI=true: " + text);
        List<String> steps = new ArrayList<>();
        String wrote = null;
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            assertFalse(line.contains("\r"), "a carriage return (a bar redrawn) with CI=true: " + line);
            if (line.startsWith("wrote ")) {
                wrote = line;
            } else {
                assertTrue(STEP.matcher(line).matches(), "not a plain progress line: " + line);
                steps.add(line);
            }
        }
        assertTrue(wrote != null, text);
        assertEquals(7 + 0 + 1 + 2 + 1, steps.size(), "7 named cases, no sample, 1 optimizer case, 2 hunts, figures: " + text);
        for (int i = 0; i < steps.size(); i++) {
            Matcher m = STEP.matcher(steps.get(i));
            assertTrue(m.matches());
            assertEquals(i + 1, Integer.parseInt(m.group(1)));
            assertEquals(steps.size(), Integer.parseInt(m.group(2)));
        }
        String page = Files.readString(out.resolve("index.html"));
        for (String id : Catalogue.all().ids()) {
            assertTrue(page.contains("<td>" + id + "</td>"), "summary lacks " + id);
        }
        JsonNode s = new ObjectMapper().readTree(out.resolve("data/summary.json").toFile());
        assertEquals(1, s.get("schemaVersion").asInt());
        assertEquals(8, s.get("cases").size(), "the seven named cases and the optimizer's case");
        assertEquals("optimizer", s.get("cases").get(7).get("group").asText());
        assertEquals(40, s.get("run").get("digits").asInt());
        for (String f : new String[] {"spectrum.json", "scalar-law.json", "margins.json", "optimizer.json", "hunt-findings.json"}) {
            assertTrue(Files.size(out.resolve("data").resolve(f)) > 0, f);
        }
        assertEquals(15, page.split("<svg", -1).length - 1,
            "spectrum, three scalar laws, margins, nine theory charts, the optimizer's one panel");
    }
}
