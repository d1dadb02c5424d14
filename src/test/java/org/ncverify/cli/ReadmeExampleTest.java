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
 * Executable documentation: the worked example in README.md is run and its printed output
 * must be what the README shows (only the timing in the last line may differ).
 */
class ReadmeExampleTest {
    @Test
    void workedExampleOutputIsCurrent() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int start = -1;
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith("$ ./ncverify solve ")) {
                start = i;
                break;
            }
        }
        assertTrue(start >= 0, "README.md has no '$ ./ncverify solve' example");
        String[] args = readme.get(start).substring("$ ./ncverify ".length()).trim().split("\\s+");
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
        assertEquals(expected, actual, "README.md's worked example is out of date");
    }

    private static String withoutTiming(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\d+\\.\\d+ s\\)$|timing s\\)$", "T s)")).collect(Collectors.joining("\n"));
    }
}
