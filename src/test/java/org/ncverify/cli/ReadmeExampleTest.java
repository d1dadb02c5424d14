package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Executable documentation: the solve and verify examples in README.md are run and its printed output
 * must be what the README shows (only the timing in the last line may differ).
 */
class ReadmeExampleTest {
    /** Every "$ ./ncverify solve|verify ..." block of README.md prints what the README shows. */
    @Test
    void workedExamplesAreCurrent() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int checked = 0;
        for (int start = 0; start < readme.size(); start++) {
            String line = readme.get(start);
            if (!line.startsWith("$ ./ncverify solve ") && !line.startsWith("$ ./ncverify verify ")) {
                continue;
            }
            String[] args = line.substring("$ ./ncverify ".length()).trim().split("\\s+");
            int end = start + 1;
            while (!readme.get(end).startsWith("```")) {
                end++;
            }
            List<String> shown = readme.subList(start + 1, end);
            CliRunner r = CliRunner.run(args);
            assertEquals(0, r.status, r.err);
            List<String> printed = Arrays.asList(r.out.split("\\R", -1));
            String expected = withoutTiming(shown);
            String actual = withoutTiming(printed.subList(0, Math.min(printed.size(), shown.size())));
            assertEquals(expected, actual, "README.md's example '" + line + "' is out of date");
            checked++;
        }
        assertTrue(checked >= 2, "README.md has " + checked + " solve/verify examples, expected the solve and the verify one");
    }

    private static String withoutTiming(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\d+\\.\\d+ s\\)$|timing s\\)$", "T s)")).collect(Collectors.joining("\n"));
    }
}
