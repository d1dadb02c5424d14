package org.ncverify.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a report shows of one hunt journal: its header (tool, options, shard) and its outcome as
 * {@code ncverify hunt --resume} would rebuild it from the committed records (instances judged,
 * errors, distinct findings per class, FAIL count per claim, judging seconds), with the stop
 * reason of its summary record, or null when the journal has none after its last batch (torn,
 * interrupted or still running).
 *
 * @param source          the journal's path as given (escaped on the page)
 * @param tool            the tool that wrote it
 * @param options         the header's options object, as recorded
 * @param shard           "i/m"
 * @param instances       instances judged (committed batches)
 * @param errors          instances whose judgement threw
 * @param stop            the summary record's stop reason, or null without a summary record
 * @param seconds         judging seconds summed over the committed batches, or null when none recorded one
 * @param findingsByKind  distinct findings per class, every class listed
 * @param failsByClaim    claim id to instances whose closed form FAILs it
 * @param droppedLines    lines dropped as --resume drops them: a torn last line and the records of an uncommitted
 *                        batch (the summary record, read for its stop reason, is not counted)
 */
public record JournalSummary(String source, String tool, JsonNode options, String shard, long instances, long errors,
                             String stop, Double seconds, Map<String, Integer> findingsByKind,
                             Map<String, Long> failsByClaim, int droppedLines) {
    public JournalSummary {
        Objects.requireNonNull(source, "source");
        findingsByKind = Collections.unmodifiableMap(new LinkedHashMap<>(findingsByKind));
        failsByClaim = Collections.unmodifiableMap(new LinkedHashMap<>(failsByClaim));
    }

    /** The number of FALSE_AS_STATED findings. */
    public int falseAsStated() {
        return findingsByKind.getOrDefault("FALSE_AS_STATED", 0);
    }
}
