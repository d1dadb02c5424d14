package org.ncverify.hunt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ncverify.instance.InputException;
import org.ncverify.instance.InstanceJson;

/**
 * A journal as read from disk: the header, the committed records (everything up to and
 * including the last batch record) and the byte length they occupy. A torn last line (no final
 * newline, or not JSON: the write a crash interrupted) is dropped; so are the records after the
 * last batch record (the findings of a batch that was never committed, and a summary), which a
 * resume judges or writes again. A line that is not JSON before the last one is damage, reported
 * as bad input. Immutable.
 *
 * @param path      where it was read
 * @param header    the header record
 * @param committed the header, then every record up to the last batch record, in file order
 * @param summary   the summary record after the last batch, or null
 * @param length    bytes of the committed records (where a resume truncates and appends)
 * @param dropped   lines dropped after the committed records (torn line, uncommitted findings, summary)
 */
public record JournalFile(Path path, JsonNode header, List<JsonNode> committed, JsonNode summary, long length, int dropped) {
    private static final ObjectMapper MAPPER = InstanceJson.mapper();

    public JournalFile {
        committed = List.copyOf(committed);
    }

    /** Reads and checks {@code path} (a header first, known record types). */
    public static JournalFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException(path + ": no such journal");
        } catch (IOException e) {
            throw new InputException(path + ": cannot read: " + e.getMessage());
        }
        return parse(path, bytes);
    }

    /**
     * The journal whose bytes are {@code bytes} (e.g. a {@code .jsonl.gz} after decompression),
     * checked and cut back exactly as {@link #read} does; {@code path} names it in messages.
     */
    public static JournalFile parse(Path path, byte[] bytes) {
        List<JsonNode> records = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        int start = 0;
        int lineNo = 0;
        int torn = 0;
        while (start < bytes.length) {
            lineNo++;
            int nl = start;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
            boolean last = nl >= bytes.length - 1;
            JsonNode node = parse(line);
            if (node == null || nl == bytes.length) {
                if (!last) {
                    throw new InputException(path + ": line " + lineNo + " is not a JSON record (the journal is damaged)");
                }
                torn = 1;
                break;
            }
            records.add(node);
            ends.add((long) nl + 1);
            start = nl + 1;
        }
        if (records.isEmpty() || !Records.HEADER.equals(records.get(0).path("type").asText())) {
            throw new InputException(path + ": not a hunt journal (its first line is not a header record)");
        }
        int lastBatch = 0;
        for (int i = 0; i < records.size(); i++) {
            String type = records.get(i).path("type").asText();
            if (!List.of(Records.HEADER, Records.BATCH, Records.FINDING, Records.REPEAT, Records.SUMMARY).contains(type)
                || (i > 0 && type.equals(Records.HEADER)) || records.get(i).path("schemaVersion").asInt() != 1) {
                throw new InputException(path + ": line " + (i + 1) + " is not a record of a schemaVersion 1 hunt journal");
            }
            if (type.equals(Records.BATCH)) {
                lastBatch = i;
            }
        }
        JsonNode summary = null;
        for (int i = lastBatch + 1; i < records.size(); i++) {
            if (records.get(i).path("type").asText().equals(Records.SUMMARY)) {
                summary = records.get(i);
            }
        }
        int dropped = records.size() - 1 - lastBatch + torn;
        return new JournalFile(path, records.get(0), records.subList(0, lastBatch + 1), summary, ends.get(lastBatch), dropped);
    }

    private static JsonNode parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The options the header records. */
    public JsonNode options() {
        return header.path("options");
    }

    /** The tool that wrote it. */
    public String tool() {
        return header.path("tool").asText();
    }

    /** The shard the header records. */
    public Shard shard() {
        JsonNode s = header.path("shard");
        return new Shard(s.path("index").asInt(), s.path("count").asInt(1));
    }

    /** The batch records, in file order. */
    public List<JsonNode> batches() {
        return committed.stream().filter(r -> Records.BATCH.equals(r.path("type").asText())).toList();
    }
}
