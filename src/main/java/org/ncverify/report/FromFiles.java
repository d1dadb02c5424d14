package org.ncverify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.ncverify.claims.Catalogue;
import org.ncverify.instance.InputException;
import org.ncverify.instance.InstanceJson;

/**
 * The report of {@code ncverify report --from FILE...}: every file is read, recognised and
 * checked completely before anything is written, and every number of the report comes from the
 * files. Kinds, recognised by content (a gzip file is decompressed first):
 * <ul>
 * <li>a hunt journal (its first line a {@code header} record): {@link JournalInput};</li>
 * <li>the {@code --format json} output of solve, verify, optimize (one object, or one a line for
 *     an instance file) or check: {@link RunInput}, one case per object;</li>
 * <li>the {@code --jsonl} output of sweep: {@link SweepInput}, its rows as cases and one figure.</li>
 * </ul>
 * A file of no known kind, or malformed (not JSON, {@code schemaVersion} not 1, a field missing),
 * is an {@link InputException} whose one line names the file and what is wrong. The report has
 * no campaign: no spectrum, scalar-law or margin plot; its run facts list the files with their
 * SHA-256 ({@link Inputs}).
 */
public final class FromFiles {
    /** Largest input accepted, after decompression. */
    public static final long MAX_BYTES = 1L << 30;
    private static final ObjectMapper MAPPER = InstanceJson.mapper();

    private FromFiles() {
    }

    /** The report of {@code paths}; the caller gives the tool version, git commit (or null) and command. */
    public static ReportData read(List<Path> paths, String toolVersion, String gitCommit, String command) {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        List<InputFile> files = new ArrayList<>();
        List<JournalSummary> journals = new ArrayList<>();
        List<HuntFindingRow> hunts = new ArrayList<>();
        List<CaseResult> cases = new ArrayList<>();
        List<FigureData> figures = new ArrayList<>();
        for (Path p : paths) {
            String source = p.toString();
            byte[] raw = bytes(p);
            try {
                boolean gzip = raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
                byte[] text = gzip ? gunzip(raw) : raw;
                String sha = sha256(raw);
                if (JournalInput.isHeader(firstLine(text))) {
                    JournalInput j = JournalInput.of(source, text);
                    journals.add(j.summary());
                    hunts.addAll(j.findings());
                    files.add(new InputFile(source, InputFile.JOURNAL, sha, raw.length, gzip, j.records(),
                        j.summary().instances() + " instances, " + j.findings().size() + " distinct findings"
                            + (j.summary().droppedLines() > 0 ? "; " + j.summary().droppedLines()
                            + " line(s) dropped as --resume drops them (torn or uncommitted)" : "")));
                    continue;
                }
                List<JsonNode> values = values(text);
                List<JsonNode> sweepRows = new ArrayList<>();
                int runs = 0;
                for (int i = 0; i < values.size(); i++) {
                    JsonNode o = values.get(i);
                    String where = "[" + i + "]";
                    if (!o.isObject()) {
                        throw new InputException(where + ": not a JSON object");
                    }
                    if (o.path("schemaVersion").asInt(-1) != 1 || !o.path("schemaVersion").isIntegralNumber()) {
                        throw new InputException(where + ": \"schemaVersion\" is " + o.path("schemaVersion")
                            + ", expected 1");
                    }
                    if (SweepInput.isRow(o)) {
                        sweepRows.add(o);
                    } else if (RunInput.isRun(o) || RunInput.isCheck(o)) {
                        cases.add(RunInput.of(source, where, o));
                        runs++;
                    } else {
                        throw new InputException(where + ": not a known kind of input (expected a hunt journal, the"
                            + " --format json output of solve, verify, optimize or check, or the --jsonl output of sweep)");
                    }
                }
                if (!sweepRows.isEmpty() && runs > 0) {
                    throw new InputException("mixes sweep rows with other results; give them as separate files");
                }
                if (!sweepRows.isEmpty()) {
                    SweepInput s = SweepInput.of(source, "sweep-" + (figures.size() + 1), sweepRows);
                    cases.addAll(s.cases());
                    figures.add(s.figure());
                    files.add(new InputFile(source, InputFile.SWEEP, sha, raw.length, gzip, values.size(),
                        values.size() + " sweep rows"));
                } else {
                    files.add(new InputFile(source, InputFile.RUN, sha, raw.length, gzip, values.size(),
                        values.size() + " result(s): " + kinds(cases.subList(cases.size() - runs, cases.size()))));
                }
            } catch (InputException e) {
                String m = e.getMessage();
                throw new InputException(m.startsWith(source + ":") ? m : source + ": " + m);
            } catch (RuntimeException e) {
                throw new InputException(source + ": malformed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        List<ClaimTally> summary = new ArrayList<>();
        for (String id : claimIds(cases)) {
            summary.add(ClaimTally.of(id, cases));
        }
        RunInfo run = new RunInfo(toolVersion, gitCommit, start.toString(), Campaign.machine(),
            (System.nanoTime() - t0) / 1e9, null, List.of(), command);
        return new ReportData(run, summary, cases, null, null, null, figures, hunts, new Inputs(files, journals));
    }

    /** The claim ids of the cases: the catalogue's first, in its order, then the others as they appear. */
    static List<String> claimIds(List<CaseResult> cases) {
        Set<String> seen = new LinkedHashSet<>();
        cases.forEach(c -> c.verdicts().forEach(v -> seen.add(v.claimId())));
        Set<String> ids = new LinkedHashSet<>();
        Catalogue.all().ids().stream().filter(seen::contains).forEach(ids::add);
        ids.addAll(seen);
        return List.copyOf(ids);
    }

    private static String kinds(List<CaseResult> cs) {
        return String.join(", ", cs.stream().map(CaseResult::group).distinct().toList());
    }

    private static byte[] bytes(Path p) {
        try {
            if (Files.isDirectory(p)) {
                throw new InputException(p + ": a directory, not a file");
            }
            if (Files.size(p) > MAX_BYTES) {
                throw new InputException(p + ": larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new InputException(p + ": no such file");
        } catch (IOException e) {
            throw new InputException(p + ": cannot read: " + e.getMessage());
        }
    }

    private static byte[] gunzip(byte[] raw) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
            if (out.length > MAX_BYTES) {
                throw new InputException("larger than " + (MAX_BYTES >> 20) + " MiB once decompressed");
            }
            return out;
        } catch (IOException e) {
            throw new InputException("not a readable gzip file: " + e.getMessage());
        }
    }

    private static JsonNode firstLine(byte[] text) {
        int nl = 0;
        while (nl < text.length && text[nl] != '\n') {
            nl++;
        }
        try {
            return MAPPER.readTree(new String(text, 0, nl, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static List<JsonNode> values(byte[] text) {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                out.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException("not JSON" + where(e) + ": " + firstLineOf(e.getMessage()));
        }
        if (out.isEmpty()) {
            throw new InputException("empty: no JSON value in it");
        }
        return out;
    }

    private static String where(Exception e) {
        Throwable t = e.getCause() instanceof JsonProcessingException && !(e instanceof JsonProcessingException) ? e.getCause() : e;
        if (t instanceof JsonProcessingException j && j.getLocation() != null) {
            return " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
        }
        return "";
    }

    private static String firstLineOf(String m) {
        return m == null ? "" : m.lines().findFirst().orElse("");
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
