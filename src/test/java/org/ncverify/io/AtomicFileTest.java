package org.ncverify.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void theTargetIsUntouchedUntilTheCommitAndThenWhole() throws IOException {
        Path t = dir.resolve("out.txt");
        Files.writeString(t, "old");
        try (AtomicFile f = AtomicFile.open(t)) {
            f.stream().write("new text".getBytes(StandardCharsets.UTF_8));
            assertEquals("old", Files.readString(t));
            assertEquals(2, listing().size());
            f.commit(true);
        }
        assertEquals("new text", Files.readString(t));
        assertEquals(List.of(t), listing());
    }

    @Test
    void closeWithoutCommitDeletesTheTemporaryFileAndKeepsTheTarget() throws IOException {
        Path t = dir.resolve("out.txt");
        Files.writeString(t, "old");
        try (AtomicFile f = AtomicFile.open(t)) {
            f.stream().write(1);
        }
        assertEquals("old", Files.readString(t));
        assertEquals(List.of(t), listing());
    }

    @Test
    void withoutReplaceAnExistingTargetIsRefusedAndKept() throws IOException {
        Path t = dir.resolve("keep.npz");
        try (AtomicFile f = AtomicFile.open(t)) {
            f.stream().write(7);
            Files.writeString(t, "appeared meanwhile");
            assertThrows(FileAlreadyExistsException.class, () -> f.commit(false));
        }
        assertEquals("appeared meanwhile", Files.readString(t));
        assertEquals(List.of(t), listing());
        Path u = dir.resolve("fresh.npz");
        try (AtomicFile f = AtomicFile.open(u)) {
            f.stream().write(7);
            f.commit(false);
        }
        assertEquals(1, Files.size(u));
        assertFalse(listing().stream().anyMatch(p -> p.getFileName().toString().startsWith(".")));
    }
}
