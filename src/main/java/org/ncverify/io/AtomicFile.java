package org.ncverify.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way ncverify writes a file that a user keeps (an {@code --output}, a sweep's CSV and
 * JSONL, an exported npz, a merged journal): everything goes to a hidden temporary file in the
 * target's directory; {@link #commit} forces it to disk and renames it onto the target in one
 * step (ATOMIC_MOVE). Until then the target is untouched. {@link #close} without a commit deletes
 * the temporary file, and a run ended by a signal deletes it at JVM shutdown
 * ({@link java.io.File#deleteOnExit}), so an interrupted or failed run never leaves a half-written
 * file and never loses the previous one. With {@code replace = false} an existing target is never
 * overwritten: the rename itself refuses it (no check-then-move race).
 */
public final class AtomicFile implements Closeable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private AtomicFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = Channels.newOutputStream(channel);
    }

    /** A new temporary file beside {@code target} (whose directory must exist). */
    public static AtomicFile open(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
            try {
                FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                temp.toFile().deleteOnExit();
                return new AtomicFile(abs, temp, ch);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** The temporary file (for a writer that opens the path itself; it must be closed before {@link #commit}). */
    public Path temp() {
        return temp;
    }

    /** The stream into the temporary file (unbuffered; wrap it). Closing it is harmless. */
    public OutputStream stream() {
        return stream;
    }

    /**
     * Forces the temporary file to disk and renames it onto the target in one step.
     *
     * @param replace whether an existing target is replaced; if not, an existing target is left as
     *                it is and {@link FileAlreadyExistsException} is thrown
     * @throws IOException also when the file system cannot rename atomically (never a silent copy)
     */
    public void commit(boolean replace) throws IOException {
        if (channel.isOpen()) {
            channel.force(true);
            channel.close();
        } else {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        try {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                createAbsent();
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target + " cannot rename atomically", e);
        }
        committed = true;
    }

    /** ATOMIC_MOVE alone replaces on POSIX: a hard link is the atomic create-if-absent (checked move where links are not supported). */
    private void createAbsent() throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Files.delete(temp);
    }

    /** Without a commit: closes and deletes the temporary file (the target stays as it was). */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the temporary file is deleted below either way
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary file " + temp, e);
        }
    }
}
