package org.ncverify.instance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Set;
import org.apfloat.Aprational;

/**
 * An instance as JSON, in the shape of {@code ../shared/reference-cases.json}'s {@code instance}
 * objects: {@code {"sizes": [...], "dim": d, "depth": L, "widths": [...], "lambdaW": x | [x, ...],
 * "lambdaH": x}}. Written with exact decimal strings for the decays ("p/q" when a decay is not a
 * finite decimal) so that reading what was written gives back an equal {@link Instance}; read
 * from numbers (their exact decimal text, never a double) or such strings. The one shape shared by
 * hunt journals, instance files and the JSON outputs.
 */
public final class InstanceJson {
    private static final Set<String> FIELDS = Set.of("sizes", "dim", "depth", "widths", "lambdaW", "lambdaH", "label");

    private InstanceJson() {
    }

    /**
     * A mapper that reads JSON numbers with a fraction or exponent as BigDecimal, so that a decay
     * written as a number ({@code 0.001}, or 40 significant digits) keeps its exact decimal value
     * in {@link #read}; a default mapper would round it to a double first.
     */
    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The instance as a JSON object; {@code lambdaW} is a single string when every layer has the same decay. */
    public static ObjectNode write(Instance instance) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode sizes = o.putArray("sizes");
        for (long n : instance.sizes()) {
            sizes.add(n);
        }
        o.put("dim", instance.dim());
        o.put("depth", instance.depth());
        ArrayNode widths = o.putArray("widths");
        for (int w : instance.widths()) {
            widths.add(w);
        }
        boolean same = true;
        for (int l = 2; l <= instance.depth(); l++) {
            same &= instance.lambdaW(l).equals(instance.lambdaW(1));
        }
        if (same) {
            o.put("lambdaW", Rationals.decimal(instance.lambdaW(1)));
        } else {
            ArrayNode lw = o.putArray("lambdaW");
            for (int l = 1; l <= instance.depth(); l++) {
                lw.add(Rationals.decimal(instance.lambdaW(l)));
            }
        }
        o.put("lambdaH", Rationals.decimal(instance.lambdaH()));
        return o;
    }

    /**
     * The instance described by {@code node}. {@code widths} may be absent (all equal to dim) and
     * {@code depth} may be absent (1 + the number of widths); an optional {@code label} is ignored.
     *
     * @param where names the input in error messages (a file and an index, say)
     * @throws InputException on a missing or malformed field, an unknown field, or an invalid instance
     */
    public static Instance read(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new InputException(where + ": an instance must be a JSON object with sizes, dim, lambdaW, lambdaH");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new InputException(where + ": unknown field '" + f + "' (expected " + String.join(", ",
                    new java.util.TreeSet<>(FIELDS)) + ")");
            }
        }
        long[] sizes = longs(required(node, "sizes", where), where + ".sizes");
        int dim = intValue(required(node, "dim", where), where + ".dim");
        int[] widths = node.has("widths") ? ints(node.get("widths"), where + ".widths") : null;
        int depth = node.has("depth") ? intValue(node.get("depth"), where + ".depth")
            : (widths == null ? 1 : widths.length + 1);
        if (widths != null && widths.length == 0 && depth > 1) {
            widths = null;
        }
        JsonNode lwNode = required(node, "lambdaW", where);
        Aprational[] lw;
        if (lwNode.isArray()) {
            lw = new Aprational[lwNode.size()];
            for (int l = 0; l < lw.length; l++) {
                lw[l] = rational(lwNode.get(l), where + ".lambdaW[" + l + "]");
            }
        } else {
            lw = new Aprational[] {rational(lwNode, where + ".lambdaW")};
        }
        Aprational lh = rational(required(node, "lambdaH", where), where + ".lambdaH");
        return Instance.of(sizes, dim, widths, depth, lw, lh);
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new InputException(where + ": the field '" + field + "' is missing");
        }
        return v;
    }

    /** An exact rational from a JSON number (its decimal text) or a string "x" (decimal) or "p/q". */
    public static Aprational rational(JsonNode v, String where) {
        if (v.isBigDecimal()) {
            return Rationals.of(v.decimalValue());
        }
        if (v.isIntegralNumber()) {
            return Rationals.of(new java.math.BigDecimal(v.bigIntegerValue()));
        }
        if (v.isNumber()) {
            throw new InputException(where + " = " + v + ": a number read as a double loses digits;"
                + " read with InstanceJson.mapper() or write it as a string");
        }
        if (!v.isTextual()) {
            throw new InputException(where + " = " + v + ": expected a number or a string holding one");
        }
        String t = v.asText().trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return Rationals.parseDecimal(where, t);
        }
        try {
            BigInteger p = new BigInteger(t.substring(0, slash).trim());
            BigInteger q = new BigInteger(t.substring(slash + 1).trim());
            if (q.signum() == 0) {
                throw new InputException(where + " = " + t + ": zero denominator");
            }
            return Rationals.of(p, q);
        } catch (NumberFormatException e) {
            throw new InputException(where + " = " + t + ": not a decimal number or a fraction p/q");
        }
    }

    private static long[] longs(JsonNode a, String where) {
        if (!a.isArray()) {
            throw new InputException(where + ": expected an array of integers");
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = a.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                throw new InputException(where + "[" + i + "] = " + e + ": not an integer of at most 19 digits");
            }
            out[i] = e.asLong();
        }
        return out;
    }

    private static int[] ints(JsonNode a, String where) {
        if (!a.isArray()) {
            throw new InputException(where + ": expected an array of integers");
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = intValue(a.get(i), where + "[" + i + "]");
        }
        return out;
    }

    private static int intValue(JsonNode e, String where) {
        if (!e.isIntegralNumber() || !e.canConvertToInt()) {
            throw new InputException(where + " = " + e + ": not an integer (at most " + Integer.MAX_VALUE + ")");
        }
        return e.asInt();
    }
}
