package org.ncverify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.ncverify.instance.InputException;

/**
 * A file written atomically: everything goes to a temporary file in the target's directory,
 * which {@link #commit} forces to disk and renames onto the target ({@code ATOMIC_MOVE}, replacing
 * it). Until then the target keeps its old content; {@link #close} without a commit deletes the
 * temporary file. So a reader sees the old file or the whole new one, never half of it.
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, Writer writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    /**
     * Checks, before any work, that {@code file} can be written (its directory exists and is
     * writable, it is not a directory); bad input naming {@code flag} otherwise.
     */
    static Path check(String flag, String file) {
        Path target = Path.of(file).toAbsolutePath();
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

    /** Opens a temporary file beside {@code target} (a path from {@link #check}). */
    static AtomicOutput open(Path target) {
        try {
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            return new AtomicOutput(target, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file beside " + target, e);
        }
    }

    /** Appends text to the temporary file. */
    void write(String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
    }

    /** Flushes, forces to disk and renames the temporary file onto the target. */
    void commit() {
        try {
            writer.close();
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new UncheckedIOException("the file system of " + target + " cannot rename atomically", e);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Deletes the temporary file unless it was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            writer.close();
        } catch (IOException ignored) {
            // the temporary file is deleted below either way
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the target is untouched
        }
    }
}
