package org.ncverify.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncverify.hunt.Finding;
import org.ncverify.hunt.HuntState;
import org.ncverify.hunt.HuntSummary;
import org.ncverify.hunt.JournalFile;
import org.ncverify.instance.InputException;

/**
 * A hunt journal read back the way {@code ncverify hunt --resume} reads it: {@link JournalFile#parse}
 * (a torn last line dropped, the records after the last batch dropped, damage before the last
 * line bad input), then {@link HuntState#replay} of the committed records gives the instances,
 * the distinct findings with their counts and the FAIL counts. A summary record after the last
 * batch gives the stop reason and must agree with the replay (instances, distinct findings),
 * else the journal is bad input.
 *
 * @param summary  what the page shows of the journal
 * @param findings its findings as rows, first occurrence first
 * @param records  the lines read (committed and dropped)
 */
public record JournalInput(JournalSummary summary, List<HuntFindingRow> findings, int records) {
    public JournalInput {
        findings = List.copyOf(findings);
    }

    /** True when the first line of a file is a journal header record. */
    public static boolean isHeader(JsonNode first) {
        return first != null && "header".equals(first.path("type").asText(null));
    }

    /** The journal whose (decompressed) bytes are {@code bytes}, named {@code source}. */
    public static JournalInput of(String source, byte[] bytes) {
        JournalFile file = JournalFile.parse(Path.of(source), bytes);
        HuntState state = HuntState.replay(file.committed());
        JsonNode s = file.summary();
        HuntSummary replayed = state.summary(s == null ? null : s.path("stop").asText(), null);
        if (s != null && (s.path("instances").asLong(-1) != replayed.instances()
            || s.path("findings").size() != replayed.findings().size())) {
            throw new InputException("its summary record (" + s.path("instances").asLong(-1) + " instances, "
                + s.path("findings").size() + " findings) disagrees with its batch and finding records ("
                + replayed.instances() + " instances, " + replayed.findings().size() + " findings)");
        }
        Map<String, Integer> byKind = new LinkedHashMap<>();
        replayed.findingsByKind().forEach((k, n) -> byKind.put(k.name(), n));
        List<HuntFindingRow> rows = new ArrayList<>();
        for (Finding f : replayed.findings()) {
            rows.add(HuntFindingRow.of(source, f));
        }
        boolean timed = file.batches().stream().anyMatch(b -> b.path("seconds").isNumber());
        JournalSummary summary = new JournalSummary(source, file.tool(), file.options(),
            file.shard().index() + "/" + file.shard().count(), replayed.instances(), replayed.errors(),
            replayed.stop(), timed ? state.seconds() : null, byKind, replayed.failsByClaim(),
            file.dropped() - (s == null ? 0 : 1));
        return new JournalInput(summary, rows, file.committed().size() + file.dropped());
    }
}
