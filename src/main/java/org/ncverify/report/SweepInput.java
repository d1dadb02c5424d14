package org.ncverify.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ncverify.instance.InputException;
import org.ncverify.instance.InstanceJson;

/**
 * The rows of one {@code ncverify sweep --jsonl} file read back: one {@link CaseResult} per row
 * (group "sweep", its verdicts, the sweep's command as the replay) and one {@link SweepFigure}.
 * A row is {@code {schemaVersion, command, index, parameters, instance, digits,
 * survivingDirections, sCrit, fStar, verdicts}}; a missing or mistyped field is an
 * {@link InputException} naming the row, and so is a file whose rows come from different sweeps
 * (different commands).
 *
 * @param cases  the rows as cases, file order
 * @param figure the sweep's figure
 */
public record SweepInput(List<CaseResult> cases, SweepFigure figure) {
    public SweepInput {
        cases = List.copyOf(cases);
    }

    /** True for a sweep row. */
    public static boolean isRow(JsonNode o) {
        return o.path("command").asText("").startsWith("ncverify sweep ") && o.has("parameters");
    }

    /** The sweep of {@code rows} (each a sweep row), read from {@code source}; {@code id} is the figure's id. */
    public static SweepInput of(String source, String id, List<JsonNode> rows) {
        String command = RunInput.text(rows.get(0), "command", "[0]");
        List<CaseResult> cases = new ArrayList<>();
        List<Map<String, Double>> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            String where = "[" + i + "]";
            if (!command.equals(RunInput.text(r, "command", where))) {
                throw new InputException(where + ": a row of another sweep (its command differs from the first row's)");
            }
            JsonNode p = r.get("parameters");
            if (p == null || !p.isObject() || p.isEmpty()) {
                throw new InputException(where + ".parameters: missing or empty");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            StringBuilder label = new StringBuilder();
            p.fields().forEachRemaining(e -> {
                values.put(e.getKey(), number(e.getValue(), where + ".parameters." + e.getKey()));
                label.append(label.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
            });
            if (i == 0) {
                names.addAll(values.keySet());
            } else if (!names.equals(new ArrayList<>(values.keySet()))) {
                throw new InputException(where + ".parameters: not the parameters of the first row " + names);
            }
            params.add(values);
            long index = r.path("index").isIntegralNumber() ? r.get("index").asLong() : -1;
            if (index < 0) {
                throw new InputException(where + ": \"index\" missing or not a non-negative integer");
            }
            RunInput.integer(r, "survivingDirections", where);
            fStar(r, where);
            int digits = RunInput.integer(r, "digits", where);
            JsonNode instance = r.get("instance");
            if (instance == null) {
                throw new InputException(where + ": no \"instance\"");
            }
            cases.add(new CaseResult("sweep " + source + " row " + index + ": " + label + " (" + digits + " digits)", "sweep",
                null, InstanceJson.write(InstanceJson.read(instance, where + ".instance")), command,
                RunInput.verdicts(r.get("verdicts"), where + ".verdicts"), null));
        }
        return new SweepInput(cases, figure(source, id, command, rows, params, names));
    }

    private static SweepFigure figure(String source, String id, String command, List<JsonNode> rows,
                                      List<Map<String, Double>> params, List<String> names) {
        String x = names.get(0);
        for (String n : names) {
            if (params.stream().map(m -> m.get(n)).distinct().count() > 1) {
                x = n;
                break;
            }
        }
        Set<String> others = new LinkedHashSet<>();
        for (String n : names) {
            if (!n.equals(x) && params.stream().map(m -> m.get(n)).distinct().count() > 1) {
                others.add(n);
            }
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            StringBuilder key = new StringBuilder();
            for (String o : others) {
                key.append(key.length() == 0 ? "" : ", ").append(o).append('=')
                    .append(rows.get(i).get("parameters").get(o).asText());
            }
            groups.computeIfAbsent(key.length() == 0 ? "all rows" : key.toString(), k -> new ArrayList<>()).add(i);
        }
        final String xName = x;
        List<SweepFigure.Series> series = new ArrayList<>();
        boolean logX = true;
        boolean logF = true;
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> idx = new ArrayList<>(g.getValue());
            idx.sort(Comparator.comparingDouble(i -> params.get(i).get(xName)));
            int n = idx.size();
            double[] xs = new double[n];
            int[] surv = new int[n];
            double[] f = new double[n];
            long[] at = new long[n];
            for (int k = 0; k < n; k++) {
                JsonNode r = rows.get(idx.get(k));
                xs[k] = params.get(idx.get(k)).get(xName);
                surv[k] = r.get("survivingDirections").asInt();
                f[k] = fStar(r, "[" + idx.get(k) + "]");
                at[k] = r.get("index").asLong();
                logX &= xs[k] > 0;
                logF &= f[k] > 0;
                range[0] = Math.min(range[0], xs[k]);
                range[1] = Math.max(range[1], xs[k]);
                range[2] = Math.min(range[2], f[k]);
                range[3] = Math.max(range[3], f[k]);
            }
            series.add(new SweepFigure.Series(g.getKey(), xs, surv, f, at));
        }
        logX &= range[1] > 10 * range[0];
        logF &= range[3] > 10 * range[2];
        String caption = "Sweep " + source + ": surviving directions and f* against " + x
            + (others.isEmpty() ? "" : ", one series per " + String.join(", ", others)) + " (" + rows.size()
            + " rows; replay: " + command + "). Data: data/" + id + ".json.";
        return new SweepFigure(id, caption, source, command, x, logX, logF, series);
    }

    private static double fStar(JsonNode r, String where) {
        JsonNode f = r.get("fStar");
        if (f == null || !f.isTextual()) {
            throw new InputException(where + ": \"fStar\" missing or not a decimal string");
        }
        return number(f, where + ".fStar");
    }

    /** A parameter value: a JSON integer, a decimal string or "p/q", as a double (finite). */
    private static double number(JsonNode v, String where) {
        double d;
        try {
            if (v.isIntegralNumber()) {
                d = v.asDouble();
            } else if (v.isTextual() && v.asText().contains("/")) {
                String[] pq = v.asText().split("/", 2);
                d = new BigDecimal(pq[0]).divide(new BigDecimal(pq[1]), MathContext.DECIMAL64).doubleValue();
            } else if (v.isTextual()) {
                d = new BigDecimal(v.asText()).doubleValue();
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InputException(where + " = " + v + ": not an integer, a decimal string or p/q");
        }
        if (!Double.isFinite(d)) {
            throw new InputException(where + " = " + v.asText() + ": outside the range of a double, cannot be plotted");
        }
        return d;
    }
}
