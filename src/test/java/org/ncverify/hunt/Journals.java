package org.ncverify.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ncverify.instance.InstanceJson;

/** Test helper: a journal's lines as JSON with every timing field ("seconds") removed, for comparisons. */
public final class Journals {
    private Journals() {
    }

    /** Every line of {@code path} parsed, "seconds" removed at the top level of each record. */
    public static List<JsonNode> withoutSeconds(Path path) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                JsonNode n = InstanceJson.mapper().readTree(line);
                ((ObjectNode) n).remove("seconds");
                out.add(n);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that two journals hold the same records, timings aside; the message names the first
     * line that differs and shows both (cut to 300 characters), never the whole journals.
     */
    public static void assertSame(Path expected, Path actual, String what) {
        List<JsonNode> e = withoutSeconds(expected);
        List<JsonNode> a = withoutSeconds(actual);
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            if (!e.get(i).equals(a.get(i))) {
                String x = e.get(i).toString();
                String y = a.get(i).toString();
                int d = 0;
                while (d < Math.min(x.length(), y.length()) && x.charAt(d) == y.charAt(d)) {
                    d++;
                }
                int from = Math.max(0, d - 120);
                throw new AssertionError(what + ": line " + (i + 1) + " differs at character " + d + ":\n expected ..."
                    + x.substring(from, Math.min(x.length(), d + 120)) + "\n actual   ..." + y.substring(from, Math.min(y.length(), d + 240)));
            }
        }
        if (e.size() != a.size()) {
            throw new AssertionError(what + ": " + a.size() + " lines, expected " + e.size());
        }
    }

    /** The records of {@code path} of one type. */
    public static List<JsonNode> ofType(Path path, String type) {
        return withoutSeconds(path).stream().filter(n -> type.equals(n.path("type").asText())).toList();
    }
}
