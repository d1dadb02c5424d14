package org.ncverify.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Reading;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.instance.InstanceJson;
import org.ncverify.linalg.Precision;
import org.ncverify.polish.PolishResult;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;

/**
 * The machine-readable layout (SPEC section 7, the README's field lists and
 * {@code schema/ncverify-output.schema.json}, version {@link #SCHEMA_VERSION}): one JSON object
 * per result, indented, or on one line for JSONL. Every object starts with
 * {@code "schemaVersion"}, {@code "type"} (solve, verify, optimize) and {@code "command"} (the
 * command line that reruns the job); {@code "instance"} is {@link InstanceJson#write}. Decimal
 * values of the solution are strings rounded to P significant digits ("0" for an exact zero);
 * residuals and tolerances are strings with every digit their Apfloat carries
 * ({@link #fullDigits}), so that they parse back to the verdict's values; double values of the
 * runs are JSON numbers. Whatever is missing or not finite is {@code null}: a NOT_APPLICABLE
 * residual or tolerance, a non-finite double, a time or iteration to the gap that never came,
 * the best run when no run ended finite.
 */
public final class JsonRenderer implements Renderer {
    /** The version of the output schema; every object carries it as {@code "schemaVersion"}. */
    public static final int SCHEMA_VERSION = 1;
    /** Significant digits of an exact non-terminating rational residual (none of the claims produces one today). */
    static final long RATIONAL_DIGITS = 40;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINE = new ObjectMapper();

    private final String command;
    private final boolean oneLine;

    /** Indented output, with the command line reconstructed from the result ({@link TextRenderer#defaultCommand}). */
    public JsonRenderer() {
        this(null, false);
    }

    /**
     * @param command the command line that reruns the job (null: reconstructed from the result)
     * @param oneLine one line per object (JSONL) instead of indented output
     */
    public JsonRenderer(String command, boolean oneLine) {
        this.command = command;
        this.oneLine = oneLine;
    }

    @Override
    public String solve(SolveResult r) {
        Precision p = r.precision();
        Instance inst = r.instance();
        ObjectNode root = header("solve", inst, p.digits());
        root.put("rank", inst.bottleneck());
        root.put("bottleneck", inst.bottleneck());
        root.put("survivingDirections", r.survivingDirections());
        ArrayNode s = root.putArray("singularValues");
        ArrayNode ps = root.putArray("productSingularValues");
        ArrayNode branches = root.putArray("branches");
        ArrayNode intervals = root.putArray("interlacingIntervals");
        for (SpectrumRow row : r.spectrum()) {
            s.add(p.format(row.singularValue()));
            ps.add(p.format(row.solution().p()));
            branches.add(row.solution().branch().name());
            intervals.addArray().add(row.lower()).add(row.upper());
        }
        root.put("objective", p.format(r.objective()));
        ArrayNode bias = root.putArray("bias");
        for (Apfloat b : r.bias()) {
            bias.add(p.format(b));
        }
        root.put("threshold", p.format(r.threshold()));
        root.put("lambdaBar", p.format(r.lambdaBar()));
        verdicts(root.putArray("claims"), r.verdicts());
        root.put("seconds", millis(r.seconds()));
        return text(root);
    }

    @Override
    public String verify(VerifyResult r) {
        ObjectNode root = header("verify", r.instance(), r.precision().digits(), TextRenderer.defaultCommand(r));
        r.frameSeed().ifPresent(seed -> root.put("rotationSeed", seed));
        root.put("survivingDirections", r.survivingDirections());
        ArrayNode claims = root.putArray("claims");
        verdicts(claims, r.verdicts());
        for (int i = 0; i < r.claims().size(); i++) {
            Claim c = r.claims().get(i);
            ((ObjectNode) claims.get(i)).put("statement", c.statement()).put("hypotheses", c.hypotheses());
        }
        root.put("summary", Verdicts.summary(r.verdicts()));
        root.put("seconds", millis(r.seconds()));
        return text(root);
    }

    @Override
    public String optimize(OptimizeResult r) {
        Instance inst = r.instance();
        ObjectNode root = header("optimize", inst, r.precision().digits());
        root.put("samples", inst.total());
        root.put("variables", r.variables());
        root.put("objective", r.precision().format(r.objective()));
        root.put("survivingDirections", r.survivingDirections());
        root.put("admissibleDirections", r.admissibleCounts().toString());
        number(root, "globalGap", r.globalGap());
        ArrayNode runs = root.putArray("runs");
        for (RunSummary run : r.runs()) {
            run(runs.addObject(), run);
        }
        ObjectNode counts = root.putObject("counts");
        for (Map.Entry<StartClass, Integer> e : r.counts().entrySet()) {
            counts.put(e.getKey().name(), e.getValue());
        }
        number(root, "globalFraction", r.globalFraction());
        if (r.bestIndex() < 0) {
            root.putNull("best");
        } else {
            root.put("best", r.bestIndex());
        }
        verdicts(root.putArray("claims"), r.verdicts());
        root.put("claimSeconds", millis(r.claimSeconds()));
        r.polish().ifPresent(p -> polish(root.putObject("polish"), p));
        return text(root);
    }

    /**
     * Every digit of {@code x} in scientific notation ("2.0234567890123e-53"; "0" for zero), so
     * that {@code new Apfloat(fullDigits(x))} equals x. An exact rational that is not an
     * integer (infinite precision) is rounded to {@link #RATIONAL_DIGITS} digits.
     */
    public static String fullDigits(Apfloat x) {
        if (x.signum() == 0) {
            return "0";
        }
        if (x instanceof Aprational q && !(x instanceof Apint)) {
            return q.precision(RATIONAL_DIGITS).toString(false);
        }
        return x.toString(false);
    }

    private static void run(ObjectNode o, RunSummary r) {
        o.put("start", r.start());
        o.put("seed", r.seed());
        number(o, "initScale", r.initScale());
        number(o, "value", r.value());
        number(o, "valueErrorBound", r.valueErrorBound());
        number(o, "relativeGap", r.relativeGap());
        number(o, "gradientNorm", r.gradientNorm());
        number(o, "relativeGradientNorm", r.relativeGradientNorm());
        o.put("classification", r.classification().name());
        o.put("directions", r.directions());
        o.put("directionsAmbiguity", r.count().ambiguity());
        o.put("nearDegenerateLocalMinimum", r.nearDegenerateLocalMinimum());
        o.put("stop", r.stop().name());
        o.put("iterations", r.iterations());
        o.put("evaluations", r.evaluations());
        number(o, "seconds", r.seconds());
        number(o, "secondsToGap", r.secondsToGap());
        if (r.iterationsToGap() < 0) {
            o.putNull("iterationsToGap");
        } else {
            o.put("iterationsToGap", r.iterationsToGap());
        }
        ArrayNode t = o.putArray("trace");
        for (double v : r.trace()) {
            if (Double.isFinite(v)) {
                t.add(v);
            } else {
                t.addNull();
            }
        }
    }

    private static void polish(ObjectNode o, PolishSummary p) {
        PolishResult result = p.result();
        o.put("digits", result.precision().digits());
        o.put("stop", result.stop().name());
        o.put("iterations", result.iterations());
        o.put("hessianProducts", result.hessianProducts());
        number(o, "seconds", result.wallTime().toNanos() / 1e9);
        o.put("gradientNorm", Precision.formatScientific(result.gradientNorm(), 6));
        o.put("relativeGradientNorm", Precision.formatScientific(result.relativeGradientNorm(), 6));
        o.put("value", result.precision().format(result.value()));
        o.put("valueDigits", p.valueDigits());
        o.put("productDigits", p.productDigits());
        o.put("weightGramDigits", p.weightGramDigits());
        o.put("featureGramDigits", p.featureGramDigits());
        o.put("candidateDigits", p.candidateDigits());
        number(o, "convergenceRate", result.convergenceRate());
        o.put("smallestCurvature", result.smallestCurvature() == null ? null
            : Precision.formatScientific(result.smallestCurvature(), 6));
        o.put("extrapolatedSteps", result.extrapolatedSteps());
        verdicts(o.putArray("claims"), p.verdicts());
    }

    @Override
    public String check(CheckResult r) {
        return CheckJson.render(r, PRETTY);
    }

    /**
     * One object per verdict: id, status, residual, tolerance, toleranceOrigin, reading, detail,
     * readings[] (public: the rows of {@code sweep} carry their verdicts in this same shape).
     */
    public static void verdicts(ArrayNode claims, List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            ObjectNode c = claims.addObject();
            c.put("id", v.claimId());
            c.put("status", v.status().name());
            c.put("residual", v.residual() == null ? null : fullDigits(v.residual()));
            c.put("tolerance", tolerance(v.tolerance()));
            c.put("toleranceOrigin", v.tolerance() == null ? null : v.tolerance().origin());
            c.put("reading", "-".equals(v.reading()) ? null : v.reading());
            c.put("detail", v.detail());
            if (!v.readings().isEmpty()) {
                ArrayNode rs = c.putArray("readings");
                for (Reading r : v.readings()) {
                    ObjectNode o = rs.addObject();
                    o.put("name", r.name());
                    o.put("status", r.status().name());
                    o.put("residual", r.residual() == null ? null : fullDigits(r.residual()));
                    o.put("tolerance", tolerance(r.tolerance()));
                    o.put("note", r.note());
                }
            }
        }
    }

    private static String tolerance(Tolerance t) {
        return t == null ? null : fullDigits(t.value());
    }

    /** A double as a JSON number, or null when it is NaN or infinite (JSON has no such numbers). */
    private static void number(ObjectNode o, String field, double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }

    /** {"instance": InstanceJson.write(inst)} on {@code root} (for the renderers of other results). */
    static void instance(ObjectNode root, Instance inst) {
        root.set("instance", InstanceJson.write(inst));
    }

    /** {schemaVersion, type, command, instance (InstanceJson.write), digits}: the fields every object starts with. */
    private ObjectNode header(String type, Instance inst, int digits) {
        return header(type, inst, digits, TextRenderer.defaultCommand(type, inst, digits));
    }

    /** The same, with the command line to use when this renderer was given none. */
    private ObjectNode header(String type, Instance inst, int digits, String fallback) {
        ObjectNode root = PRETTY.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("type", type);
        root.put("command", command != null ? command : fallback);
        root.set("instance", InstanceJson.write(inst));
        root.put("digits", digits);
        return root;
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private String text(ObjectNode root) {
        try {
            return (oneLine ? LINE : PRETTY).writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
