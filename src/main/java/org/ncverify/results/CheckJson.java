package org.ncverify.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.ToDoubleFunction;
import org.ncverify.external.ExternalPoint;
import org.ncverify.linalg.Precision;
import org.ncverify.metrics.CollapseMetrics;

/**
 * The JSON layout of {@code check}: one object with {@code "schemaVersion": 1},
 * {@code "type": "check"} and {@code "command"} (the shell-quoted line that reruns it); high-precision values as decimal strings (P digits, residuals and
 * tolerances with all their digits), doubles (the measured singular values, the metrics) as
 * numbers, and a missing or undefined value as null (never "-").
 */
final class CheckJson {
    private CheckJson() {
    }

    static String render(CheckResult r, ObjectMapper mapper) {
        Precision p = r.precision();
        ExternalPoint x = r.point();
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("type", "check");
        root.put("command", "ncverify check " + x.flags() + " --digits " + p.digits() + " --format json");
        root.put("source", x.source());
        root.put("arrays", x.dtypes());
        root.put("featuresRows", x.featuresRows());
        root.put("regroupedByLabel", !x.grouped());
        ArrayNode ign = root.putArray("ignoredArrays");
        x.ignored().forEach(ign::add);
        JsonRenderer.instance(root, r.instance());
        root.put("digits", p.digits());
        root.put("survivingDirections", r.survivingDirections());
        root.put("objective", p.format(r.objective()));
        root.put("threshold", p.format(r.threshold()));
        root.put("lambdaBar", p.format(r.lambdaBar()));
        root.put("value", p.format(r.value()));
        root.put("relativeGap", JsonRenderer.fullDigits(r.gap()));
        root.put("gradientNorm", JsonRenderer.fullDigits(r.gradientNorm()));
        ArrayNode bias = root.putArray("bias");
        for (CheckResult.BiasRow row : r.bias()) {
            bias.addObject().put("measured", p.format(row.measured())).put("target", p.format(row.target()));
        }
        ArrayNode sp = root.putArray("spectrum");
        for (CheckResult.DirectionRow row : r.spectrum()) {
            sp.addObject().put("singularValue", p.format(row.singularValue())).put("predicted", p.format(row.predicted()))
                .put("measured", row.measured()).put("surviving", row.surviving());
        }
        ArrayNode claims = root.putArray("claims");
        JsonRenderer.verdicts(claims, r.verdicts());
        for (JsonNode c : claims) {
            nullDashes((ObjectNode) c);
            if (c.has("readings")) {
                c.get("readings").forEach(o -> nullDashes((ObjectNode) o));
            }
        }
        if (r.inconclusiveReason() == null) {
            root.putNull("inconclusiveReason");
        } else {
            root.put("inconclusiveReason", r.inconclusiveReason());
        }
        root.put("summary", Verdicts.summary(r.verdicts()));
        ObjectNode metrics = root.putObject("metrics");
        metric(metrics, "nc1", r, CollapseMetrics::nc1);
        metric(metrics, "equinorm", r, CollapseMetrics::equinorm);
        metric(metrics, "equiangularity", r, CollapseMetrics::equiangular);
        metric(metrics, "etfAngle", r, CollapseMetrics::maxAngle);
        metric(metrics, "selfDuality", r, CollapseMetrics::selfDuality);
        metrics.putObject("rankSigmaB").put("point", r.measured().rankSigmaB()).put("theory", r.predicted().rankSigmaB());
        root.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void metric(ObjectNode metrics, String name, CheckResult r, ToDoubleFunction<CollapseMetrics> f) {
        ObjectNode o = metrics.putObject(name);
        number(o, "point", f.applyAsDouble(r.measured()));
        number(o, "theory", f.applyAsDouble(r.predicted()));
        o.put("balancedEtf", 0.0);
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
            o.put(field + "Note", "undefined at this point (a zero centred mean, W = 0 or Sigma_B = 0)");
        }
    }

    /** The shared verdict layout writes "-" for a missing residual or tolerance; this layout writes null. */
    private static void nullDashes(ObjectNode o) {
        for (String f : new String[] {"residual", "tolerance", "toleranceOrigin"}) {
            if (o.has(f) && "-".equals(o.get(f).asText())) {
                o.putNull(f);
            }
        }
    }
}
