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
import org.ncverify.linalg.Precision;
import org.ncverify.polish.PolishResult;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;

/**
 * The machine-readable layout (SPEC section 7 and the README's field lists): one indented JSON
 * object. Decimal values of the solution are strings rounded to P significant digits ("0" for an
 * exact zero); residuals and tolerances are strings with every digit their Apfloat carries
 * ({@link #fullDigits}), so that they parse back to the verdict's values; double values of the
 * runs are JSON numbers.
 */
public final class JsonRenderer implements Renderer {
    /** Significant digits of an exact non-terminating rational residual (none of the claims produces one today). */
    static final long RATIONAL_DIGITS = 40;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String solve(SolveResult r) {
        Precision p = r.precision();
        Instance inst = r.instance();
        ObjectNode root = MAPPER.createObjectNode();
        instance(root, inst);
        root.put("digits", p.digits());
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
        ObjectNode root = MAPPER.createObjectNode();
        instance(root, r.instance());
        root.put("digits", r.precision().digits());
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
        ObjectNode root = MAPPER.createObjectNode();
        instance(root, inst);
        root.put("digits", r.precision().digits());
        root.put("samples", inst.total());
        root.put("variables", r.variables());
        root.put("objective", r.precision().format(r.objective()));
        root.put("survivingDirections", r.survivingDirections());
        root.put("admissibleDirections", r.admissibleCounts().toString());
        root.put("globalGap", r.globalGap());
        ArrayNode runs = root.putArray("runs");
        for (RunSummary run : r.runs()) {
            run(runs.addObject(), run);
        }
        ObjectNode counts = root.putObject("counts");
        for (Map.Entry<StartClass, Integer> e : r.counts().entrySet()) {
            counts.put(e.getKey().name(), e.getValue());
        }
        root.put("globalFraction", r.globalFraction());
        root.put("best", r.bestIndex());
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
        o.put("initScale", r.initScale());
        o.put("value", r.value());
        o.put("valueErrorBound", r.valueErrorBound());
        o.put("relativeGap", r.relativeGap());
        o.put("gradientNorm", r.gradientNorm());
        o.put("relativeGradientNorm", r.relativeGradientNorm());
        o.put("classification", r.classification().name());
        o.put("directions", r.directions());
        o.put("directionsAmbiguity", r.count().ambiguity());
        o.put("nearDegenerateLocalMinimum", r.nearDegenerateLocalMinimum());
        o.put("stop", r.stop().name());
        o.put("iterations", r.iterations());
        o.put("evaluations", r.evaluations());
        o.put("seconds", r.seconds());
        if (Double.isNaN(r.secondsToGap())) {
            o.putNull("secondsToGap");
        } else {
            o.put("secondsToGap", r.secondsToGap());
        }
        o.put("iterationsToGap", r.iterationsToGap());
        ArrayNode t = o.putArray("trace");
        for (double v : r.trace()) {
            t.add(v);
        }
    }

    private static void polish(ObjectNode o, PolishSummary p) {
        PolishResult result = p.result();
        o.put("digits", result.precision().digits());
        o.put("stop", result.stop().name());
        o.put("iterations", result.iterations());
        o.put("hessianProducts", result.hessianProducts());
        o.put("seconds", result.wallTime().toNanos() / 1e9);
        o.put("gradientNorm", Precision.formatScientific(result.gradientNorm(), 6));
        o.put("relativeGradientNorm", Precision.formatScientific(result.relativeGradientNorm(), 6));
        o.put("value", result.precision().format(result.value()));
        o.put("valueDigits", p.valueDigits());
        o.put("productDigits", p.productDigits());
        o.put("weightGramDigits", p.weightGramDigits());
        o.put("featureGramDigits", p.featureGramDigits());
        o.put("candidateDigits", p.candidateDigits());
        if (Double.isNaN(result.convergenceRate())) {
            o.putNull("convergenceRate");
        } else {
            o.put("convergenceRate", result.convergenceRate());
        }
        o.put("smallestCurvature", result.smallestCurvature() == null ? null
            : Precision.formatScientific(result.smallestCurvature(), 6));
        o.put("extrapolatedSteps", result.extrapolatedSteps());
        verdicts(o.putArray("claims"), p.verdicts());
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
            c.put("residual", v.residual() == null ? v.residualText() : fullDigits(v.residual()));
            c.put("tolerance", tolerance(v.tolerance()));
            c.put("toleranceOrigin", v.tolerance() == null ? "-" : v.tolerance().origin());
            c.put("reading", v.reading());
            c.put("detail", v.detail());
            if (!v.readings().isEmpty()) {
                ArrayNode rs = c.putArray("readings");
                for (Reading r : v.readings()) {
                    ObjectNode o = rs.addObject();
                    o.put("name", r.name());
                    o.put("status", r.status().name());
                    o.put("residual", r.residual() == null ? r.residualText() : fullDigits(r.residual()));
                    o.put("tolerance", tolerance(r.tolerance()));
                    o.put("note", r.note());
                }
            }
        }
    }

    private static String tolerance(Tolerance t) {
        return t == null ? "-" : fullDigits(t.value());
    }

    /** {"instance": {sizes, dim, depth, widths, describe}} on {@code root}. */
    private static void instance(ObjectNode root, Instance inst) {
        ObjectNode in = root.putObject("instance");
        ArrayNode sizes = in.putArray("sizes");
        for (long n : inst.sizes()) {
            sizes.add(n);
        }
        in.put("dim", inst.dim());
        in.put("depth", inst.depth());
        ArrayNode widths = in.putArray("widths");
        for (int w : inst.widths()) {
            widths.add(w);
        }
        in.put("describe", inst.describe());
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static String text(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
