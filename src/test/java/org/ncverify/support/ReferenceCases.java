package org.ncverify.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads ../shared/reference-cases.json (60-digit answers from an independent
 * implementation). The directory comes from the system property {@code ncverify.shared}
 * (set by Surefire to ${project.basedir}/../shared), falling back to ../shared.
 * Numbers are read as exact decimals, never through double.
 */
public final class ReferenceCases {
    private ReferenceCases() {
    }

    /** The shared directory. */
    public static Path sharedDir() {
        return Path.of(System.getProperty("ncverify.shared", "../shared"));
    }

    /** Every case, in file order. */
    public static List<JsonNode> all() {
        Path file = sharedDir().resolve("reference-cases.json");
        ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try {
            JsonNode root = m.readTree(Files.readString(file));
            List<JsonNode> out = new ArrayList<>();
            root.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** The CLI instance flags of a case (without --digits and --format). */
    public static List<String> instanceArgs(JsonNode c) {
        JsonNode in = c.get("instance");
        List<String> a = new ArrayList<>();
        a.add("--sizes");
        a.add(join(in.get("sizes")));
        a.add("--dim");
        a.add(in.get("dim").asText());
        a.add("--depth");
        a.add(in.get("depth").asText());
        if (in.has("widths")) {
            a.add("--widths");
            a.add(join(in.get("widths")));
        }
        a.add("--lambda-w");
        a.add(in.get("lambdaW").isArray() ? join(in.get("lambdaW")) : decimal(in.get("lambdaW")));
        a.add("--lambda-h");
        a.add(decimal(in.get("lambdaH")));
        return a;
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.isIntegralNumber() ? n.asText() : decimal(n)));
        return parts.stream().collect(Collectors.joining(","));
    }

    private static String decimal(JsonNode n) {
        return n.isNumber() ? n.decimalValue().toPlainString() : n.asText();
    }

    /**
     * Significant digits to which {@code actual} matches {@code expected}:
     * -log10(|a - e| / |e|), Integer.MAX_VALUE when equal; "0" must be matched exactly.
     */
    public static int matchingDigits(String actual, String expected) {
        BigDecimal a = new BigDecimal(actual);
        BigDecimal e = new BigDecimal(expected);
        if (a.compareTo(e) == 0) {
            return Integer.MAX_VALUE;
        }
        if (e.signum() == 0 || a.signum() == 0) {
            return 0;
        }
        BigDecimal rel = a.subtract(e).abs().divide(e.abs(), MathContext.DECIMAL64);
        return (int) Math.floor(-Math.log10(rel.doubleValue()));
    }
}
