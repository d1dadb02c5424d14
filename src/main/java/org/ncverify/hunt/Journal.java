package org.ncverify.hunt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ncverify.instance.InputException;
import org.ncverify.instance.InstanceJson;

/**
 * The append-only JSONL file of a hunt: one record a line, each written whole and forced to
 * the device (fsync) before the next is written, so that a crash leaves at most one torn last
 * line ({@link JournalFile} drops it). A new journal never replaces an existing file; a resumed
 * one is first cut back to its committed records. Not thread-safe: the engine writes from one
 * thread.
 */
public final class Journal implements Closeable {
    private static final ObjectMapper MAPPER = InstanceJson.mapper();

    private final Path path;
    private final FileChannel channel;

    private Journal(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * A new journal at {@code path} holding {@code header}; parent directories are created. An
     * existing file is never touched: bad input.
     */
    public static Journal create(Path path, JsonNode header) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Journal j = new Journal(path, ch);
            j.append(header);
            return j;
        } catch (FileAlreadyExistsException e) {
            throw new InputException("--journal = " + path + ": the journal exists; continue it with --resume " + path
                + " or name another file");
        } catch (IOException e) {
            throw new InputException("--journal = " + path + ": cannot create: " + e.getMessage());
        }
    }

    /**
     * A journal written into the existing empty file {@code path} (an {@code io.AtomicFile}'s
     * temporary file, which the caller renames into place), holding {@code header}.
     */
    static Journal over(Path path, JsonNode header) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        Journal j = new Journal(path, ch);
        j.append(header);
        return j;
    }

    /**
     * Opens the journal that {@code file} was read from for appending after its committed
     * records: the file is first truncated to {@link JournalFile#length()} (dropping a torn last
     * line, uncommitted findings and a summary, which the resumed hunt writes again).
     */
    public static Journal reopen(JournalFile file) {
        try {
            FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.WRITE);
            ch.truncate(file.length());
            ch.force(true);
            ch.position(file.length());
            return new Journal(file.path(), ch);
        } catch (IOException e) {
            throw new InputException("--resume = " + file.path() + ": cannot write: " + e.getMessage());
        }
    }

    /** Writes {@code record} as one line and forces it to the device. */
    public void append(JsonNode record) {
        try {
            byte[] line = (MAPPER.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journal record does not serialize: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write the journal: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot close the journal: " + e.getMessage(), e);
        }
    }
}
