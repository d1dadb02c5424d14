package org.ncverify.npy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ncverify.instance.InputException;
import org.ncverify.io.AtomicFile;

/**
 * NumPy's NPZ archives ({@code numpy.savez}, {@code numpy.savez_compressed}: a zip file whose
 * entries {@code NAME.npy} are NPY arrays, stored or deflated), a single {@code .npy} file, or a
 * directory of {@code .npy} files, read into arrays by name. Every problem is bad input
 * ({@link InputException}) naming the file or the array: a missing or unreadable file, a file that
 * is not a zip archive, a truncated archive or entry, an entry that is not NPY.
 *
 * <p>{@link #write} stores float64, float32 and int64 arrays uncompressed (as {@code numpy.savez}) into a temporary
 * file beside the target and moves it into place atomically, so a reader never sees half a file;
 * an existing target is refused, never overwritten.
 */
public final class Npz {
    private Npz() {
    }

    /** The arrays of {@code path} (an .npz, a .npy or a directory of .npy files), in file order. */
    public static Map<String, NpyArray> read(Path path) {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return readDirectory(path, file);
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException(file, ": no such file");
        }
        try {
            if (file.endsWith(".npy")) {
                String name = file.substring(0, file.length() - 4);
                return Map.of(name, Npy.read(name, Files.readAllBytes(path)));
            }
            return readZip(path, file);
        } catch (AccessDeniedException e) {
            throw new InputException(file, ": not readable (permission denied)");
        } catch (IOException e) {
            throw new InputException(file, ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Map<String, NpyArray> readZip(Path path, String file) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new InputException(file, ": not a zip archive, or a truncated one (an .npz is a zip of .npy entries)");
        }
        try (zip) {
            for (ZipEntry e : Collections.list((Enumeration<ZipEntry>) zip.entries())) {
                String entry = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                String name = entry.endsWith(".npy") ? entry.substring(0, entry.length() - 4) : entry;
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                } catch (ZipException | java.io.EOFException ex) {
                    throw new InputException(file + ":" + name, ": truncated or corrupt zip entry (" + ex.getMessage() + ")");
                }
                if (e.getSize() >= 0 && bytes.length != e.getSize()) {
                    throw new InputException(file + ":" + name, ": truncated zip entry (" + bytes.length + " of "
                        + e.getSize() + " bytes)");
                }
                out.put(name, Npy.read(name, bytes));
            }
        }
        return out;
    }

    private static Map<String, NpyArray> readDirectory(Path dir, String file) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".npy")).sorted()::iterator) {
                String f = p.getFileName().toString();
                String name = f.substring(0, f.length() - 4);
                out.put(name, Npy.read(name, Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new InputException(file, ": cannot be read (" + e.getMessage() + ")");
        }
        if (out.isEmpty()) {
            throw new InputException(file, ": a directory without .npy files");
        }
        return out;
    }

    /**
     * Refuses a target that exists or whose directory does not (bad input naming the file), before
     * any work is done.
     */
    public static void checkWritable(Path target) {
        String file = String.valueOf(target.getFileName());
        if (Files.exists(target)) {
            throw new InputException(file, ": exists; remove it or name another file (it is never overwritten)");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new InputException(file, ": its directory " + dir + " does not exist or is not writable");
        }
    }

    /** Writes {@code arrays} (float64, float32 or int64) as an uncompressed npz at {@code target}, atomically; refuses an existing target. */
    public static void write(Path target, List<NpyArray> arrays) {
        checkWritable(target);
        try (AtomicFile file = AtomicFile.open(target)) {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file.stream()))) {
                for (NpyArray a : arrays) {
                    byte[] bytes = Npy.write(a);
                    ZipEntry e = new ZipEntry(a.name() + ".npy");
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(bytes.length);
                    e.setCompressedSize(bytes.length);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    e.setCrc(crc.getValue());
                    zip.putNextEntry(e);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
            file.commit(false);
        } catch (FileAlreadyExistsException e) {
            throw new InputException(String.valueOf(target.getFileName()), ": appeared while it was written; not overwritten");
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new InputException(String.valueOf(target.getFileName()), ": cannot be written (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
