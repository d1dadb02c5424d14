package org.ncverify.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ncverify.instance.InputException;
import org.ncverify.io.AtomicFile;

/**
 * A text output file of a command ({@code --output}, a sweep's {@code --csv}/{@code --jsonl}),
 * written atomically through {@link AtomicFile}: the target is replaced by a complete file or
 * left as it was.
 */
final class AtomicOutput implements Closeable {
    private final AtomicFile file;
    private final Writer writer;

    private AtomicOutput(AtomicFile file) {
        this.file = file;
        this.writer = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
    }

    /**
     * Checks, before any work, that {@code file} can be written: its directory exists and is
     * writable, and the file itself is not a directory.
     *
     * @throws InputException one line naming the flag and the path
     */
    static Path check(String flag, String file) {
        Path target = Path.of(file).toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new InputException(flag + " = " + file + ": is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(flag + " = " + file + ": the directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(flag + " = " + file + ": the directory " + dir + " is not writable");
        }
        return target;
    }

    /** Opens a temporary file beside {@code target} (from {@link #check}) for writing, UTF-8. */
    static AtomicOutput open(Path target) {
        try {
            return new AtomicOutput(AtomicFile.open(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file beside " + target, e);
        }
    }

    /** The writer of the temporary file. */
    Writer writer() {
        return writer;
    }

    /** Writes {@code line} and a newline. */
    void line(String line) throws IOException {
        writer.write(line);
        writer.write('\n');
    }

    /** Appends {@code text} (no newline added). */
    void write(String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.temp(), e);
        }
    }

    /** Flushes, forces the temporary file to disk and renames it onto the target, replacing it, in one step. */
    void commit() {
        try {
            writer.flush();
            file.commit(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
        }
    }

    /** Without a commit: deletes the temporary file (the target stays as it was). */
    @Override
    public void close() {
        file.close();
    }
}
