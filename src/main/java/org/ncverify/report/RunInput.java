package org.ncverify.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ncverify.instance.InputException;
import org.ncverify.instance.InstanceJson;

/**
 * The cases of {@code --format json} outputs read back: one {@link CaseResult} per result object
 * of {@code solve}, {@code verify}, {@code optimize} ({@code "type"}) or {@code check}
 * ({@code "command": "check"}), with its instance, its verdicts ({@code "claims"}) and its command
 * ({@code "command"}; in check output before 2026-12-02, {@code "replay"}) as the replay. Also the verdict rows of a
 * sweep row ({@link SweepInput}). Every value comes from the file; the margin
 * log10(residual/tolerance) is computed from the file's decimal strings by the rule of
 * {@code hunt.Margin}: none (null, with the reason) when a residual or tolerance is missing, the
 * tolerance is not positive or the residual is zero. A field missing or of the wrong type is an
 * {@link InputException} naming the element ("[i].claims[2].status: ...").
 */
public final class RunInput {
    /** The {@code "type"} values of solve, verify and optimize output. */
    public static final Set<String> TYPES = Set.of("solve", "verify", "optimize");
    private static final Set<String> STATUSES = Set.of("PASS", "FAIL", "NOT_APPLICABLE", "INCONCLUSIVE");

    private RunInput() {
    }

    /** True for a check result object. */
    public static boolean isCheck(JsonNode o) {
        return "check".equals(o.path("type").asText(null)) || oldCheck(o);
    }

    /** check's shape before 2026-12-02: {@code "command": "check"} and the rerun line in {@code "replay"}. */
    private static boolean oldCheck(JsonNode o) {
        return "check".equals(o.path("command").asText(null));
    }

    /** True for a solve, verify or optimize result object. */
    public static boolean isRun(JsonNode o) {
        return TYPES.contains(o.path("type").asText(""));
    }

    /** The case of result object {@code o}, element {@code where} of file {@code source}. */
    public static CaseResult of(String source, String where, JsonNode o) {
        String kind = isCheck(o) ? "check" : o.path("type").asText();
        String replay = text(o, oldCheck(o) ? "replay" : "command", where);
        int digits = integer(o, "digits", where);
        JsonNode instance = o.get("instance");
        if (instance == null) {
            throw new InputException(where + ": no \"instance\"");
        }
        String label = kind + " " + source + (where.isEmpty() ? "" : " " + where) + " (" + digits + " digits)";
        JsonNode seconds = o.path("seconds");
        return new CaseResult(label, kind, null, InstanceJson.write(InstanceJson.read(instance, where + ".instance")),
            replay, verdicts(o.get("claims"), where + ".claims"), seconds.isNumber() ? seconds.asDouble() : null);
    }

    /** The verdict rows of a {@code claims} / {@code verdicts} array. */
    public static List<VerdictRow> verdicts(JsonNode claims, String where) {
        if (claims == null || !claims.isArray()) {
            throw new InputException(where + ": missing or not an array of verdicts");
        }
        List<VerdictRow> rows = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            rows.add(verdict(claims.get(i), where + "[" + i + "]"));
        }
        return rows;
    }

    private static VerdictRow verdict(JsonNode v, String where) {
        String id = text(v, "id", where);
        String status = status(v, where);
        BigDecimal residual = decimal(v, "residual", where);
        BigDecimal tolerance = decimal(v, "tolerance", where);
        double m = margin(status, residual, tolerance);
        String note = "";
        if (m == Double.POSITIVE_INFINITY) {
            note = "FAIL without a finite measurement";
        } else if (m == Double.NEGATIVE_INFINITY) {
            note = residual != null && residual.signum() == 0 ? "exact zero residual" : "no numeric comparison";
        }
        List<String> failing = new ArrayList<>();
        JsonNode readings = v.path("readings");
        for (int i = 0; i < readings.size(); i++) {
            JsonNode r = readings.get(i);
            String w = where + ".readings[" + i + "]";
            String rs = status(r, w);
            double rm = margin(rs, decimal(r, "residual", w), decimal(r, "tolerance", w));
            if (rs.equals("FAIL")) {
                failing.add(text(r, "name", w) + " (margin " + String.format(Locale.ROOT, "%.2f", Math.max(m, rm)) + ")");
            }
        }
        return new VerdictRow(id, status, residual == null ? null : v.get("residual").asText(),
            tolerance == null ? null : v.get("tolerance").asText(), Double.isFinite(m) ? m : null, note,
            v.path("reading").isTextual() ? v.get("reading").asText() : "", failing);
    }

    /** log10(residual / tolerance), or +-infinity as {@code hunt.Margin} scores a verdict with nothing to compare. */
    static double margin(String status, BigDecimal residual, BigDecimal tolerance) {
        if (residual == null || tolerance == null || tolerance.signum() <= 0 || residual.signum() == 0) {
            return status.equals("FAIL") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return log10(residual.abs()) - log10(tolerance);
    }

    /** log10 of a positive decimal of any exponent, to double accuracy. */
    static double log10(BigDecimal x) {
        long exponent = (long) x.precision() - x.scale() - 1;
        double mantissa = x.scaleByPowerOfTen((int) -exponent).doubleValue();
        return exponent + Math.log10(mantissa);
    }

    private static String status(JsonNode v, String where) {
        String s = text(v, "status", where);
        if (!STATUSES.contains(s)) {
            throw new InputException(where + ".status = " + s + ": not one of PASS, FAIL, NOT_APPLICABLE, INCONCLUSIVE");
        }
        return s;
    }

    private static BigDecimal decimal(JsonNode v, String field, String where) {
        JsonNode n = v.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InputException(where + "." + field + ": not a decimal string or null");
        }
        try {
            return new BigDecimal(n.asText());
        } catch (NumberFormatException e) {
            throw new InputException(where + "." + field + " = " + n.asText() + ": not a decimal number");
        }
    }

    static String text(JsonNode o, String field, String where) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new InputException(where + ": \"" + field + "\" missing or not a string");
        }
        return n.asText();
    }

    static int integer(JsonNode o, String field, String where) {
        JsonNode n = o.get(field);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new InputException(where + ": \"" + field + "\" missing or not an integer");
        }
        return n.asInt();
    }
}
