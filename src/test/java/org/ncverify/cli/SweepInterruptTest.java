package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed by SIGTERM in the middle (a separate JVM, stopped once its temporary output
 * exists): the previous output is untouched and no temporary file is left behind.
 */
class SweepInterruptTest {
    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aKilledSweepLeavesThePreviousOutputAndNoTemporaryFile() throws Exception {
        Path csv = dir.resolve("out.csv");
        Files.writeString(csv, "precious\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.ncverify.cli.Main", "sweep",
            "--sizes", "10,5,3,2", "--dim", "6", "--depth", "2", "--lambda-w", "1e-3", "--lambda-h", "1e-6..1:log:2000",
            "--digits", "30", "--quiet", "--threads", "1", "--csv", csv.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        Files.delete(dir.resolve("log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (files().size() < 2 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the sweep ended before it could be stopped");
        assertEquals(2, files().size(), "no temporary file appeared: " + files());
        Thread.sleep(500);
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the sweep did not stop on SIGTERM");
        assertEquals("precious\n", Files.readString(csv));
        assertEquals(List.of("out.csv"), files());
    }
}
