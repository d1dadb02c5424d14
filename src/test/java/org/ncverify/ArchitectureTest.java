package org.ncverify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way (README): instance -> linalg -> model -> spectrum -> theory ->
 * optimizer -> claims -> hunt -> report -> cli. No package imports one to its right, and no
 * main class exceeds 600 lines.
 */
class ArchitectureTest {
    private static final List<String> ORDER = List.of("instance", "linalg", "model", "spectrum", "theory",
        "sampling", "optimizer", "claims", "hunt", "report", "cli");
    private static final Pattern IMPORT = Pattern.compile("org\\.ncverify\\.([a-z]+)\\.");

    @Test
    void noPackageImportsOneToItsRight() throws IOException {
        Path root = Path.of("src/main/java/org/ncverify");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String pkg = root.relativize(f).getName(0).toString();
                int own = ORDER.indexOf(pkg);
                assertTrue(own >= 0, "package " + pkg + " is not in the declared order " + ORDER);
                String src = Files.readString(f);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    int other = ORDER.indexOf(m.group(1));
                    if (other > own) {
                        violations.add(f + " uses org.ncverify." + m.group(1));
                    }
                }
                long lines = src.lines().count();
                if (lines > 600) {
                    violations.add(f + " has " + lines + " lines (> 600)");
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
