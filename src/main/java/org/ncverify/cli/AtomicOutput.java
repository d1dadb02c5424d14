package org.ncverify.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import org.ncverify.instance.InputException;

/**
 * An output file written atomically: everything goes to a hidden temporary file in the target's
 * directory, which {@link #commit} renames onto the target in one step (ATOMIC_MOVE, replacing an
 * existing file). Until then the target is untouched; {@link #close} without a commit deletes the
 * temporary file, so an interrupted or failed run never leaves a half-written output or loses the
 * previous one; a run ended by a signal deletes it at JVM shutdown ({@link java.io.File#deleteOnExit}).
 */
final class AtomicOutput implements Closeable {
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
            return openTemp(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file beside " + target, e);
        }
    }

    private static AtomicOutput openTemp(Path target) throws IOException {
        Path dir = target.getParent();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
            try {
                Files.createFile(temp);
                // a sweep stopped by a signal (Ctrl-C, SIGTERM) runs no finally block but does run the
                // shutdown hooks: the temporary file goes then too (after a commit it no longer exists)
                temp.toFile().deleteOnExit();
                return new AtomicOutput(target, temp, new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8)));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
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
            throw new UncheckedIOException("cannot write " + temp, e);
        }
    }

    /**
     * Flushes, closes, forces the temporary file to disk and renames it onto the target in one
     * step (ATOMIC_MOVE; a file system that cannot rename atomically is an error, not a silent
     * copy).
     */
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

    /** Without a commit: closes and deletes the temporary file (the target stays as it was). */
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
