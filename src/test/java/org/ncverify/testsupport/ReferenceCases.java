package org.ncverify.testsupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;

/**
 * The independent mpmath reference answers of {@code ../shared/reference-cases.json}
 * (directory from the system property {@code ncverify.shared}, set by surefire, else
 * {@code ../shared}). Decimal numbers are read from their JSON text (Jackson with
 * BigDecimal floats), never through a double, and become exact rationals.
 */
public final class ReferenceCases {
    private ReferenceCases() {
    }

    /** One case: its 1-based number, the instance, its digits and the expected decimal strings. */
    public record Case(int number, Instance instance, int digits, List<String> singularValues,
                       List<String> productSingularValues, String objective, List<String> bias,
                       String threshold, int rank) {
        @Override
        public String toString() {
            return "case " + number + " (" + instance.describe() + ")";
        }
    }

    /** The shared directory. */
    public static Path shared() {
        return Path.of(System.getProperty("ncverify.shared", "../shared"));
    }

    /** The reference file. */
    public static Path file() {
        return shared().resolve("reference-cases.json");
    }

    /** Every case of the file, in file order. */
    public static List<Case> all() {
        JsonNode root;
        try {
            root = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(file().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file().toAbsolutePath(), e);
        }
        List<Case> list = new ArrayList<>();
        for (int c = 0; c < root.size(); c++) {
            list.add(parse(c + 1, root.get(c)));
        }
        return list;
    }

    private static Case parse(int number, JsonNode node) {
        JsonNode in = node.get("instance");
        JsonNode sz = in.get("sizes");
        long[] sizes = new long[sz.size()];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = sz.get(k).longValue();
        }
        int[] widths = null;
        if (in.hasNonNull("widths")) {
            JsonNode w = in.get("widths");
            widths = new int[w.size()];
            for (int l = 0; l < widths.length; l++) {
                widths[l] = w.get(l).intValue();
            }
        }
        JsonNode lw = in.get("lambdaW");
        Aprational[] lambdaW;
        if (lw.isArray()) {
            lambdaW = new Aprational[lw.size()];
            for (int l = 0; l < lambdaW.length; l++) {
                lambdaW[l] = decimal("lambdaW[" + l + "]", lw.get(l));
            }
        } else {
            lambdaW = new Aprational[] {decimal("lambdaW", lw)};
        }
        Instance inst = Instance.of(sizes, in.get("dim").intValue(), widths, in.get("depth").intValue(), lambdaW,
            decimal("lambdaH", in.get("lambdaH")));
        JsonNode ex = node.get("expected");
        return new Case(number, inst, node.get("digits").intValue(), strings(ex.get("singularValues")),
            strings(ex.get("productSingularValues")), ex.get("objective").asText(), strings(ex.get("bias")),
            ex.get("threshold").asText(), ex.get("rank").intValue());
    }

    /** The exact rational of a JSON number (or numeric string), from its decimal text. */
    static Aprational decimal(String field, JsonNode n) {
        if (n.isNumber()) {
            return Rationals.of(n.decimalValue());
        }
        return Rationals.parseDecimal(field, n.asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /**
     * Significant digits to which {@code computed} matches the decimal string {@code expected}:
     * floor(-log10 |computed - expected| / |expected|), capped at the working precision; an
     * expected "0" is matched (to all digits) only by an exact zero, else 0 digits.
     */
    public static int digitsMatched(Apfloat computed, String expected, Precision p) {
        Apfloat e = new Apfloat(expected, p.working());
        if (e.signum() == 0) {
            return computed.signum() == 0 ? (int) p.working() : 0;
        }
        Apfloat diff = org.apfloat.ApfloatMath.abs(p.helper().subtract(computed, e));
        if (diff.signum() == 0) {
            return (int) p.working();
        }
        Apfloat rel = p.helper().divide(diff, org.apfloat.ApfloatMath.abs(e));
        // rel = m * 10^(scale-1) with 1 <= m < 10: -log10(rel) lies in (-scale, 1 - scale]
        return (int) Math.max(0, Math.min(p.working(), -rel.scale()));
    }
}
