package org.ncverify.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ncverify.instance.InputException;
import org.ncverify.io.AtomicFile;

/**
 * {@code ncverify hunt merge OUT IN...}: the journals of the shards 0/m .. m-1/m of one hunt
 * (headers equal apart from the shard) combined into the journal of the unsharded hunt. The
 * instances are sorted by index and regrouped into batches of B consecutive indices (as the
 * unsharded hunt groups them); every finding is recorded once, at its first index, with repeat
 * records after it; the summary is recomputed from the merged records ({@link HuntState#replay}).
 * For the random strategy the result equals the unsharded run's journal, timings aside (merged
 * batches carry {@code "seconds": null}; the summary's seconds add up the shards'). The output
 * is written to a temporary file beside OUT and moved into place, and never replaces a file.
 */
public final class JournalMerge {
    private JournalMerge() {
    }

    /** Merges {@code inputs} into {@code out}; bad input (one line) for different hunts, missing or repeated shards. */
    public static HuntSummary merge(Path out, List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new InputException("hunt merge: no input journal given");
        }
        if (Files.exists(out)) {
            throw new InputException("hunt merge: " + out + " exists; name a new output file");
        }
        List<JournalFile> files = inputs.stream().map(JournalFile::read).toList();
        JournalFile first = files.get(0);
        int m = first.shard().count();
        Map<Integer, Path> seen = new TreeMap<>();
        for (JournalFile f : files) {
            String differs = !f.tool().equals(first.tool()) ? "written by " + f.tool() + ", not " + first.tool()
                : !f.options().equals(first.options()) ? sameHunt(f, first)
                : f.shard().count() != m ? "shard " + f.shard() + ", not one of " + m + " shards" : null;
            if (differs != null) {
                throw new InputException("hunt merge: " + f.path() + " is not the same hunt as " + first.path() + ": " + differs);
            }
            Path dup = seen.put(f.shard().index(), f.path());
            if (dup != null) {
                throw new InputException("hunt merge: " + f.path() + " and " + dup + " are both shard " + f.shard());
            }
        }
        for (int i = 0; i < m; i++) {
            if (!seen.containsKey(i)) {
                throw new InputException("hunt merge: shard " + i + "/" + m + " is missing (given: " + seen.keySet() + ")");
            }
        }
        List<JsonNode> records = mergedRecords(files, first.options().path("batch").asInt(HuntOptions.DEFAULT_BATCH));
        ObjectNode header = first.header().deepCopy();
        ObjectNode shard = header.putObject("shard");
        shard.put("index", 0);
        shard.put("count", 1);
        HuntSummary summary = HuntState.replay(records).summary(stop(files), seconds(files));
        write(out, header, records, summary);
        return summary;
    }

    private static String sameHunt(JournalFile f, JournalFile first) {
        for (var it = first.options().fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!first.options().get(k).equals(f.options().get(k))) {
                return k + " is " + f.options().get(k) + " there, " + first.options().get(k) + " here";
            }
        }
        return "its options differ";
    }

    /** The batch, finding and repeat records of the unsharded hunt, rebuilt from the shards' committed records. */
    private static List<JsonNode> mergedRecords(List<JournalFile> files, int batch) {
        TreeMap<Long, JsonNode> instances = new TreeMap<>();
        List<Occurrence> occurrences = new ArrayList<>();
        Map<String, JsonNode> findingByKey = new HashMap<>();
        for (JournalFile f : files) {
            for (JsonNode r : f.committed()) {
                switch (r.path("type").asText()) {
                    case Records.BATCH -> r.path("instances").forEach(i -> {
                        // re-encoded from its value, so that the output is what the engine writes (margins as doubles)
                        if (instances.put(i.path("index").asLong(), Records.instance(Records.instanceRecord(i))) != null) {
                            throw new InputException("hunt merge: instance " + i.path("index") + " appears twice");
                        }
                    });
                    case Records.FINDING -> {
                        // the first occurrence in index order is a finding record in its own shard
                        findingByKey.merge(r.path("key").asText(), r,
                            (a, b) -> a.path("index").asLong() <= b.path("index").asLong() ? a : b);
                        occurrences.add(new Occurrence(r.path("index").asLong(), occurrences.size(), r.path("key").asText()));
                    }
                    case Records.REPEAT ->
                        occurrences.add(new Occurrence(r.path("index").asLong(), occurrences.size(), r.path("key").asText()));
                    default -> {
                    }
                }
            }
        }
        occurrences.sort(Comparator.comparingLong(Occurrence::index).thenComparingInt(Occurrence::order));
        List<JsonNode> out = new ArrayList<>();
        Set<String> recorded = new HashSet<>();
        int next = 0;
        List<JsonNode> group = new ArrayList<>();
        long groupId = Long.MIN_VALUE;
        for (Map.Entry<Long, JsonNode> e : instances.entrySet()) {
            long g = Math.floorDiv(e.getKey(), (long) batch);
            if (g != groupId && !group.isEmpty()) {
                next = flush(out, group, occurrences, next, findingByKey, recorded);
            }
            groupId = g;
            group.add(e.getValue());
        }
        if (!group.isEmpty()) {
            flush(out, group, occurrences, next, findingByKey, recorded);
        }
        return out;
    }

    /** Writes the findings of the group's instances (first seen: finding; else repeat), then its batch record. */
    private static int flush(List<JsonNode> out, List<JsonNode> group, List<Occurrence> occ, int next,
                             Map<String, JsonNode> findingByKey, Set<String> recorded) {
        long last = group.get(group.size() - 1).path("index").asLong();
        int i = next;
        for (; i < occ.size() && occ.get(i).index() <= last; i++) {
            Occurrence o = occ.get(i);
            out.add(recorded.add(o.key()) ? Records.finding(Records.finding(findingByKey.get(o.key())))
                : Records.repeat(o.key(), o.index()));
        }
        out.add(Records.batch(List.copyOf(group), null));
        group.clear();
        return i;
    }

    private static String stop(List<JournalFile> files) {
        String stop = null;
        for (JournalFile f : files) {
            String s = f.summary() == null ? HuntSummary.INCOMPLETE : f.summary().path("stop").asText();
            stop = stop == null || stop.equals(s) ? s : HuntSummary.INCOMPLETE;
        }
        return stop.equals(HuntSummary.INTERRUPTED) ? HuntSummary.INCOMPLETE : stop;
    }

    private static Double seconds(List<JournalFile> files) {
        double s = 0;
        for (JournalFile f : files) {
            if (f.summary() == null || !f.summary().path("seconds").isNumber()) {
                return null;
            }
            s += f.summary().path("seconds").asDouble();
        }
        return s;
    }

    private static void write(Path out, JsonNode header, List<JsonNode> records, HuntSummary summary) {
        try (AtomicFile file = AtomicFile.open(out)) {
            Journal j = Journal.over(file.temp(), header);
            try {
                records.forEach(j::append);
                j.append(Records.summary(summary));
            } finally {
                j.close();
            }
            file.commit(false);
        } catch (IOException | RuntimeException e) {
            throw new InputException("hunt merge: cannot write " + out + ": " + e.getMessage());
        }
    }

    private record Occurrence(long index, int order, String key) {
    }
}
