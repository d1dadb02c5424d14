package org.ncverify.report;

import java.util.Objects;

/**
 * One file a report was built from ({@code ncverify report --from}): the path as given, what it
 * was read as, the SHA-256 of its bytes (as stored, before any decompression), and what was
 * read from it. The path is user-provided: escaped on the page.
 *
 * @param path    the path as given on the command line
 * @param kind    {@value #JOURNAL}, {@value #RUN} or {@value #SWEEP}
 * @param sha256  lower-case hex SHA-256 of the file's bytes
 * @param bytes   the file's size in bytes
 * @param gzip    true when it was gzip-compressed (a {@code .jsonl.gz} journal)
 * @param records JSON values read (lines of a journal, objects of a run output, rows of a sweep)
 * @param note    one line: what was read, e.g. "3 verify results" or "2 lines dropped as --resume drops them"
 */
public record InputFile(String path, String kind, String sha256, long bytes, boolean gzip, int records, String note) {
    /** A hunt journal (JSONL, optionally gzip-compressed). */
    public static final String JOURNAL = "hunt journal";
    /** The --format json output of solve, verify, optimize or check (one object or JSON Lines). */
    public static final String RUN = "run output";
    /** The --jsonl output of sweep. */
    public static final String SWEEP = "sweep JSONL";

    public InputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(note, "note");
    }
}
