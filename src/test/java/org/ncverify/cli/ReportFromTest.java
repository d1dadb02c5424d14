package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.report.Html;
import org.ncverify.report.HostileClaim;

/**
 * {@code ncverify report --from}: real inputs made in-process by the commands themselves (a hunt
 * of the false, hostile user conjecture {@link HostileClaim} whose journal holds FALSE_AS_STATED
 * findings; verify with it, a FAIL; an unconverged optimize, INCONCLUSIVE; a clean verify; a
 * small sweep), rendered alone and together; bad input refused with one line before anything is
 * written; the committed 10-minute journal rendered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFromTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String HOSTILE = "--claim-class org.ncverify.report.HostileClaim";
    private static final Pattern BLOCK = Pattern.compile("<script type=\"application/json\" id=\"data-([a-z0-9.-]+)\">(.*?)</script>",
        Pattern.DOTALL);

    /** Inputs and outputs of every test (one directory for the class, so the inputs are made once). */
    Path dir;
    Path journal;
    Path failing;
    Path clean;
    Path unconverged;
    Path sweep;
    Path solved;
    Path checked;

    @BeforeAll
    void makeInputs(@TempDir Path tmp) {
        dir = tmp;
        journal = dir.resolve("hunt<i>&'1.jsonl");
        CliRunner h = hunt("--journal", journal);
        assertEquals(1, h.status, h.err + h.out);
        assertTrue(h.out.contains("FALSE_AS_STATED 4"), h.out);
        failing = dir.resolve("fail.json");
        CliRunner v = run("verify --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20 --claims C3," + HostileClaim.ID + " "
            + HOSTILE + " --format json --output " + failing);
        assertEquals(1, v.status, v.err);
        clean = dir.resolve("clean.json");
        assertEquals(0, run("verify --sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20 --claims C2,C3"
            + " --format json --output " + clean).status);
        unconverged = dir.resolve("unconverged.json");
        assertEquals(3, run("optimize --sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3 --digits 30 --starts 1"
            + " --max-iterations 1 --format json --output " + unconverged).status);
        solved = dir.resolve("solve.json");
        Path npz = dir.resolve("minimizer.npz");
        assertEquals(0, run("solve --sizes 4,2,1 --dim 3 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 20 --export " + npz
            + " --format json --output " + solved).status);
        checked = dir.resolve("check.json");
        assertEquals(0, run("check --point " + npz + " --lambda-w 1e-3 --lambda-h 1e-3 --digits 20 --format json --output "
            + checked).status);
        sweep = dir.resolve("sweep.jsonl");
        CliRunner s = run("sweep --size-rule cifar-lt --classes 4 --n-max 50 --imbalance 1..20:log:3 --dim 4 --depth 1"
            + " --lambda-w 1e-3 --lambda-h 1e-3,1e-1 --digits 20 --claims C3,C10 --threads 1 --jsonl " + sweep);
        assertEquals(0, s.status, s.err);
    }

    /** The hunt of the hostile conjecture: 4 instances of the step profile, seed 1, batches of 2. */
    private static CliRunner hunt(String flag, Path file) {
        List<String> a = new ArrayList<>(List.of(("hunt --profile step --count 4 --batch 2 --seed 1 --digits 20 " + HOSTILE
            + " --claims").split(" ")));
        a.addAll(List.of(HostileClaim.ID, flag, file.toString()));
        return CliRunner.run(a.toArray(String[]::new));
    }

    private static CliRunner run(String line) {
        return CliRunner.run(line.split(" "));
    }

    private CliRunner report(String out, Path... files) {
        List<String> a = new ArrayList<>(List.of("report", "--from"));
        for (Path f : files) {
            a.add(f.toString());
        }
        a.add("--out");
        a.add(dir.resolve(out).toString());
        return CliRunner.run(a.toArray(String[]::new));
    }

    @Test
    void aFalseAsStatedFindingIsAtTheTopAndEveryUserStringIsEscaped() throws Exception {
        CliRunner r = report("hunt", journal);
        assertEquals(1, r.status, "a FALSE_AS_STATED finding: exit 1; " + r.err);
        String page = Files.readString(dir.resolve("hunt/index.html"));
        int counter = page.indexOf("4 FALSE_AS_STATED finding(s)");
        int firstSection = page.indexOf("<h2");
        assertTrue(counter > 0 && firstSection == page.indexOf("<h2 id=\"hunt-findings\">"), "findings are the first section");
        assertTrue(counter < page.indexOf("id=\"failures\"") && counter < page.indexOf("id=\"inputs\""));
        assertTrue(page.indexOf("<tr class=\"FAIL\"><td>FALSE_AS_STATED</td>") > counter);
        for (String hostile : List.of(HostileClaim.ID, HostileClaim.MESSAGE, journal.toString())) {
            assertFalse(page.contains(hostile), "raw: " + hostile);
            assertTrue(page.contains(Html.text(hostile)), "escaped: " + hostile);
        }
        assertFalse(page.contains("<img") || page.contains("<script>") || page.contains("<!--"));
        assertEquals(BLOCK.matcher(page).results().count(), page.split("<script", -1).length - 1,
            "the only script elements are the data blocks");
    }

    @Test
    void everyKindInOneReportAndTheEmbeddedDataEqualsTheDataFiles() throws Exception {
        CliRunner r = report("all", journal, failing, clean, unconverged, solved, checked, sweep);
        assertEquals(1, r.status, "a FAIL verdict and FALSE_AS_STATED findings: exit 1; " + r.err);
        Path out = dir.resolve("all");
        String page = Files.readString(out.resolve("index.html"));
        Matcher m = BLOCK.matcher(page);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            String file = Files.readString(out.resolve("data").resolve(m.group(1)));
            assertEquals(file, m.group(2).replace("\\u003c", "<"), m.group(1));
            assertEquals(M.readTree(file), M.readTree(m.group(2)), m.group(1));
            assertEquals(1, M.readTree(file).get("schemaVersion").asInt());
            names.add(m.group(1));
        }
        try (Stream<Path> files = Files.list(out.resolve("data"))) {
            assertEquals(files.map(p -> p.getFileName().toString()).sorted().toList(), names.stream().sorted().toList());
        }
        assertFalse(names.contains("spectrum.json") || names.contains("margins.json"), "no campaign, no campaign plots");
        JsonNode inputs = M.readTree(out.resolve("data/inputs.json").toFile()).get("inputs").get("files");
        Path[] given = {journal, failing, clean, unconverged, solved, checked, sweep};
        String[] kinds = {"hunt journal", "run output", "run output", "run output", "run output", "run output", "sweep JSONL"};
        for (int i = 0; i < given.length; i++) {
            assertEquals(given[i].toString(), inputs.get(i).get("path").asText());
            assertEquals(kinds[i], inputs.get(i).get("kind").asText());
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(given[i])));
            assertEquals(sha, inputs.get(i).get("sha256").asText());
            assertTrue(page.contains(sha));
        }
        JsonNode summary = M.readTree(out.resolve("data/summary.json").toFile());
        List<String> rows = Files.readAllLines(sweep);
        assertEquals(5 + rows.size(), summary.get("cases").size(), "verify, verify, optimize, solve, check, every sweep row");
        List<String> groups = new ArrayList<>();
        summary.get("cases").forEach(c -> groups.add(c.get("group").asText()));
        assertEquals(List.of("verify", "verify", "optimize", "solve", "check"), groups.subList(0, 5));
        assertEquals(M.readTree(Files.readString(checked)).get("command").asText(), summary.get("cases").get(4).get("replay").asText(),
            "check's replay is its command");
        assertEquals(M.readTree(Files.readString(solved)).get("instance"), summary.get("cases").get(3).get("instance"));
        JsonNode hostile = null;
        for (JsonNode t : summary.get("summary")) {
            hostile = t.get("claimId").asText().equals(HostileClaim.ID) ? t : hostile;
        }
        assertEquals(1, hostile.get("fail").asInt(), "the verify FAIL is counted");
        JsonNode fig = M.readTree(out.resolve("data/sweep-1.json").toFile()).get("figure");
        assertEquals("imbalance", fig.get("parameter").asText());
        assertEquals(2, fig.get("series").size(), "one series per lambdaH");
        int points = 0;
        for (JsonNode s : fig.get("series")) {
            for (int k = 0; k < s.get("rows").size(); k++) {
                JsonNode row = M.readTree(rows.get(s.get("rows").get(k).asInt()));
                assertEquals(row.get("survivingDirections").asInt(), s.get("surviving").get(k).asInt());
                assertEquals(Double.parseDouble(row.get("fStar").asText()), s.get("fStar").get(k).asDouble(), 0.0);
                points++;
            }
        }
        assertEquals(rows.size(), points);
        assertTrue(page.contains("id=\"plot-sweep-1-surviving\"") && page.contains("id=\"plot-sweep-1-fstar\""));
        assertEquals(2, page.split("<svg", -1).length - 1, "the sweep's two panels and no campaign plot");
    }

    @Test
    void exitStatusFollowsExitCodes() {
        assertEquals(0, report("clean", clean).status, "PASS only");
        assertEquals(3, report("inconclusive", clean, unconverged).status, "an INCONCLUSIVE verdict, no FAIL");
        assertEquals(1, report("failing", unconverged, failing).status, "a FAIL takes priority over 3");
    }

    @Test
    void aTornJournalIsReadAsResumeReadsItAndItsResumeRendersLikeTheWhole() throws Exception {
        List<String> lines = Files.readAllLines(journal);
        int secondBatch = -1;
        int findingsBeforeFirstBatch = 0;
        boolean seenBatch = false;
        for (int i = 0; i < lines.size(); i++) {
            boolean batch = lines.get(i).contains("\"type\":\"batch\"");
            if (batch && seenBatch) {
                secondBatch = i;
                break;
            }
            findingsBeforeFirstBatch += !seenBatch && lines.get(i).contains("\"type\":\"finding\"") ? 1 : 0;
            seenBatch |= batch;
        }
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < secondBatch; i++) {
            cut.append(lines.get(i)).append('\n');
        }
        cut.append(lines.get(secondBatch), 0, lines.get(secondBatch).length() / 2);
        Path torn = Files.writeString(dir.resolve("torn.jsonl"), cut);
        assertEquals(1, report("torn", torn).status);
        JsonNode j = M.readTree(dir.resolve("torn/data/inputs.json").toFile()).get("inputs").get("journals").get(0);
        assertEquals(2, j.get("instances").asLong(), "the first batch only");
        assertTrue(j.get("stop").isNull(), "no summary record");
        assertTrue(j.get("droppedLines").asInt() >= 1, "the torn line at least");
        JsonNode hunts = M.readTree(dir.resolve("torn/data/hunt-findings.json").toFile()).get("huntFindings");
        assertEquals(findingsBeforeFirstBatch, hunts.size(), "the uncommitted batch's findings are dropped");
        assertTrue(Files.readString(dir.resolve("torn/index.html")).contains("read as --resume reads it"));

        Path resumed = Files.copy(torn, dir.resolve("resumed.jsonl"));
        CliRunner h = hunt("--resume", resumed);
        assertEquals(1, h.status, h.err);
        assertEquals(0 + 1, report("whole", journal).status);
        assertEquals(1, report("resumed", resumed).status);
        JsonNode a = M.readTree(dir.resolve("whole/data/hunt-findings.json").toFile());
        JsonNode b = M.readTree(dir.resolve("resumed/data/hunt-findings.json").toFile());
        assertEquals(a.toString().replace(journal.toString(), "J"), b.toString().replace(resumed.toString(), "J"),
            "the resumed journal reports the findings of the uninterrupted one");
    }

    @Test
    void aFileOfNoKnownKindOrMalformedIsOneLineExitTwoAndTheReportIsUntouched() throws Exception {
        Path out = dir.resolve("kept");
        assertEquals(0, report("kept", clean).status);
        byte[] before = Files.readAllBytes(out.resolve("index.html"));
        String verify = Files.readString(failing);
        List<String> lines = Files.readAllLines(journal);
        List<String> damaged = new ArrayList<>(lines);
        damaged.set(1, "{not json");
        List<String> noBatch = new ArrayList<>(lines);
        noBatch.removeIf(l -> l.contains("\"type\":\"batch\"") && l.contains("\"first\":0"));
        Object[][] bad = {
            {"unknown.json", "{\"schemaVersion\":1,\"hello\":\"world\"}", "not a known kind of input"},
            {"truncated.json", "{\"schemaVersion\":1,\"type\":", "not JSON"},
            {"v2.json", verify.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2").replace("\"schemaVersion\":1",
                "\"schemaVersion\":2"), "\"schemaVersion\" is 2, expected 1"},
            {"status.json", verify.replace("\"FAIL\"", "\"MAYBE\""), "status = MAYBE"},
            {"residual.json", verify.replaceFirst("\"residual\" ?: ?\"[^\"]*\"", "\"residual\":\"lots\""), "not a decimal number"},
            {"empty.json", "", "empty"},
            {"array.json", "[1, 2]", "not a JSON object"},
            {"damaged.jsonl", String.join("\n", damaged) + "\n", "line 2 is not a JSON record"},
            {"disagrees.jsonl", String.join("\n", noBatch) + "\n", "disagrees with its batch and finding records"},
        };
        for (Object[] b : bad) {
            Path f = Files.writeString(dir.resolve((String) b[0]), (String) b[1]);
            CliRunner.assertBadInput((String) b[0], "report --from " + clean + " " + f + " --out " + out, f + ": ");
            CliRunner.assertBadInput((String) b[0], "report --from " + f + " --out " + out, (String) b[2]);
        }
        Path gz = dir.resolve("junk.jsonl.gz");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        CliRunner.assertBadInput("gzip", "report --from " + gz + " --out " + out, gz + ": not a readable gzip file");
        CliRunner.assertBadInput("missing", "report --from " + dir.resolve("nope.json") + " --out " + out, "no such file");
        CliRunner.assertBadInput("directory", "report --from " + dir + " --out " + out, "a directory");
        CliRunner.assertBadInput("with --quick", "report --from " + clean + " --quick --out " + out, "--quick cannot be combined");
        assertArrayEquals(before, Files.readAllBytes(out.resolve("index.html")), "the existing report is untouched");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".kept")), "no temporary left");
        }
    }

    @Test
    void aGzipJournalReadsLikeThePlainOne() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(Files.readAllBytes(journal));
        }
        Path gz = Files.write(dir.resolve("hunt.jsonl.gz"), b.toByteArray());
        assertEquals(1, report("plain", journal).status);
        assertEquals(1, report("gz", gz).status);
        String plain = Files.readString(dir.resolve("plain/data/hunt-findings.json")).replace(journal.toString(), "J");
        String zipped = Files.readString(dir.resolve("gz/data/hunt-findings.json")).replace(gz.toString(), "J");
        assertEquals(plain, zipped);
        assertTrue(M.readTree(dir.resolve("gz/data/inputs.json").toFile()).get("inputs").get("files").get(0).get("gzip").asBoolean());
    }

    @Test
    void theCommittedTenMinuteJournalRenders() throws Exception {
        Path committed = Path.of("reports/hunts/hunt-mixed-seed20261202-10m.jsonl.gz");
        CliRunner r = report("committed", committed);
        assertEquals(0, r.status, "HYPOTHESIS_NEEDED findings only: exit 0; " + r.err);
        JsonNode j = M.readTree(dir.resolve("committed/data/inputs.json").toFile()).get("inputs").get("journals").get(0);
        assertEquals(9344, j.get("instances").asLong());
        assertEquals("time", j.get("stop").asText());
        assertEquals(309, j.get("findingsByKind").get("HYPOTHESIS_NEEDED").asInt());
        assertEquals(0, j.get("droppedLines").asInt());
        String page = Files.readString(dir.resolve("committed/index.html"), StandardCharsets.UTF_8);
        assertEquals(309, page.split("<tr><td>HYPOTHESIS_NEEDED</td>", -1).length - 1);
        assertTrue(page.contains("No FALSE_AS_STATED finding."));
    }
}
