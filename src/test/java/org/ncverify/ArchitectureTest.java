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
 * Data flows one way (README, "Packages"): instance -> npy -> linalg -> model -> spectrum -> theory -> external -> metrics
 * -> sampling -> optim -> polish -> runs -> claims -> results -> hunt -> report -> cli
 * ({@code results}, {@code hunt} and {@code report} are declared slots: a package in them is
 * checked as soon as it exists). No package imports one to its right, and no main class exceeds
 * 600 lines (STYLE.md's ceiling for an orchestration class; the project aims at ~400). The optimizer of claim C13 is independent of the
 * theory: {@code optim} (L-BFGS, line search, the double full objective) imports only
 * {@code instance} and {@code model}, never {@code spectrum}, {@code theory} or {@code claims}.
 */
class ArchitectureTest {
    private static final List<String> ORDER = List.of("io", "instance", "npy", "linalg", "model", "spectrum", "theory", "external", "metrics",
        "sampling", "optim", "polish", "runs", "claims", "results", "hunt", "report", "cli");
    private static final Pattern IMPORT = Pattern.compile("org\\.ncverify\\.([a-z]+)\\.");

    /** The packages {@code optim} may use: the independence of C13's optimizer is a checked property. */
    private static final List<String> OPTIM_MAY_USE = List.of("instance", "model", "optim");

    @Test
    void optimSeesNeitherTheSpectrumNorTheTheory() throws IOException {
        Path root = Path.of("src/main/java/org/ncverify/optim");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (!OPTIM_MAY_USE.contains(m.group(1))) {
                        violations.add(f + " uses org.ncverify." + m.group(1));
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

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
