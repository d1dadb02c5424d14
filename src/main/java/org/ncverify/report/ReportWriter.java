package org.ncverify.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.ncverify.instance.InputException;

/**
 * Writes a report directory so that no reader ever sees half of one: every file goes into a
 * fresh sibling directory {@code .NAME.tmp-*}, which is then renamed onto {@code NAME}. An
 * existing report is first renamed aside ({@code .NAME.old-*}) and deleted only after the new
 * one is in place; if the final rename fails it is renamed back. (Between the two renames the
 * path is briefly absent; it never holds a partial report.) A path that exists and is not a
 * report (a file, or a non-empty directory without index.html) is refused, never replaced.
 */
public final class ReportWriter {
    /** The file whose presence marks a directory as a report. */
    public static final String INDEX = "index.html";

    private ReportWriter() {
    }

    /**
     * Refuses, before any work, an output path that cannot take a report.
     *
     * @throws InputException naming --out and the reason
     */
    public static void check(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        if (abs.getFileName() == null) {
            throw new InputException("--out = " + out + ": not a directory name");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new InputException("--out = " + out + ": exists and is not a directory");
        }
        if (Files.isDirectory(abs) && !Files.exists(abs.resolve(INDEX)) && !isEmpty(abs)) {
            throw new InputException("--out = " + out + ": a non-empty directory without " + INDEX
                + " (not a report); refusing to replace it");
        }
        Path parent = abs.getParent();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new InputException("--out = " + out + ": cannot create it (" + existing + " is not a writable directory)");
        }
    }

    /**
     * Writes {@code files} (relative path to UTF-8 text) as the directory {@code out}, atomically
     * as described above.
     */
    public static void write(Path out, Map<String, String> files) throws IOException {
        check(out);
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String name = abs.getFileName().toString();
        Path tmp = Files.createTempDirectory(parent, "." + name + ".tmp-");
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = tmp.resolve(f.getKey()).normalize();
                if (!p.startsWith(tmp)) {
                    throw new IllegalArgumentException("report file " + f.getKey() + " escapes the report directory");
                }
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            replace(tmp, abs, parent, name);
        } finally {
            if (Files.exists(tmp)) {
                delete(tmp);
            }
        }
    }

    private static void replace(Path tmp, Path abs, Path parent, String name) throws IOException {
        if (!Files.exists(abs)) {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.delete(old);
        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        delete(old);
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) w.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
