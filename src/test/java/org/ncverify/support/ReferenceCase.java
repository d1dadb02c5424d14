package org.ncverify.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;

/**
 * One case of ../shared/reference-cases.json (read by {@link ReferenceCases#all()}) as an
 * {@link Instance} and its expected decimal strings. Weight decays are exact rationals of
 * their JSON decimal text (BigDecimal nodes), never read through a double.
 *
 * @param number 1-based position in the file
 */
public record ReferenceCase(int number, Instance instance, int digits, List<String> singularValues,
                            List<String> productSingularValues, String objective, List<String> bias,
                            String threshold, int rank) {

    /** Every case of the file, in file order. */
    public static List<ReferenceCase> all() {
        List<JsonNode> nodes = ReferenceCases.all();
        List<ReferenceCase> list = new ArrayList<>();
        for (int c = 0; c < nodes.size(); c++) {
            list.add(parse(c + 1, nodes.get(c)));
        }
        return list;
    }

    /** The reference file (for messages). */
    public static Path file() {
        return ReferenceCases.sharedDir().resolve("reference-cases.json");
    }

    private static ReferenceCase parse(int number, JsonNode node) {
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
        return new ReferenceCase(number, inst, node.get("digits").intValue(), strings(ex.get("singularValues")),
            strings(ex.get("productSingularValues")), ex.get("objective").asText(), strings(ex.get("bias")),
            ex.get("threshold").asText(), ex.get("rank").intValue());
    }

    /** The exact rational of a JSON number (or numeric string), from its decimal text. */
    private static Aprational decimal(String field, JsonNode n) {
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
     * Significant digits to which {@code computed} matches the decimal string {@code expected},
     * at the working precision of p: {@link Precision#digitsMatched} of the parsed decimal.
     */
    public static int digitsMatched(Apfloat computed, String expected, Precision p) {
        return p.digitsMatched(computed, p.ofDecimal(expected));
    }

    @Override
    public String toString() {
        return "case " + number + " (" + instance.describe() + ")";
    }
}
