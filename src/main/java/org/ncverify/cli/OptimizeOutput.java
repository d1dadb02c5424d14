package org.ncverify.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.runs.MultiStartResult;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;
import org.ncverify.theory.ClosedForm;
import org.ncverify.runs.RunClassifier;

/**
 * The result of {@code optimize}: per start the final gap, classification, iterations and
 * time (and in JSON the objective trace), the counts per class, and the claims verdicts of the
 * best run.
 */
final class OptimizeOutput {
    private final MultiStartResult result;
    private final List<Verdict> verdicts;
    private final double claimSeconds;
    private final Polished polished;

    OptimizeOutput(MultiStartResult result, List<Verdict> verdicts, double claimSeconds, Polished polished) {
        this.result = result;
        this.verdicts = verdicts;
        this.claimSeconds = claimSeconds;
        this.polished = polished;
    }

    String json() {
        ObjectNode root = Json.root();
        ClosedForm cf = result.reference();
        Instance inst = cf.instance();
        Json.instance(root, inst);
        root.put("digits", cf.precision().digits());
        root.put("samples", inst.total());
        root.put("variables", OptimizeCommand.variables(inst));
        root.put("objective", cf.precision().format(cf.objective()));
        root.put("survivingDirections", cf.survivingDirections());
        root.put("admissibleDirections", result.admissibleCounts().toString());
        root.put("globalGap", org.ncverify.runs.RunClassifier.GLOBAL_GAP);
        ArrayNode runs = root.putArray("runs");
        for (RunSummary r : result.runs()) {
            ObjectNode o = runs.addObject();
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
        ObjectNode counts = root.putObject("counts");
        for (Map.Entry<StartClass, Integer> e : result.counts().entrySet()) {
            counts.put(e.getKey().name(), e.getValue());
        }
        root.put("globalFraction", result.globalFraction());
        root.put("best", result.bestIndex());
        Verdicts.json(root.putArray("claims"), verdicts);
        root.put("claimSeconds", Math.round(claimSeconds * 1000) / 1000.0);
        if (polished != null) {
            polished.json(root);
        }
        return Json.text(root);
    }

    String text() {
        ClosedForm cf = result.reference();
        Instance inst = cf.instance();
        StringBuilder b = new StringBuilder();
        b.append("ncverify optimize ").append(inst.describe()).append('\n');
        b.append(String.format("K = %d, N = %d, L = %d, variables = %d, surviving directions (theory) = %d"
                + " (global minimizers have %s)%n", inst.classes(), inst.total(), inst.depth(),
            OptimizeCommand.variables(inst), cf.survivingDirections(), result.admissibleCounts()));
        b.append("f* = ").append(Precision.format(cf.objective(), 20)).append("\n\n");
        b.append(String.format("%5s  %6s  %9s  %-16s  %2s  %10s  %9s  %9s  %8s  %9s  %s%n", "start", "scale", "final gap",
            "class", "k", "iterations", "evals", "||grad||", "seconds", "to 1e-10", "stop"));
        for (RunSummary r : result.runs()) {
            b.append(String.format("%5d  %6.3g  %9.2e  %-16s  %2d  %10d  %9d  %9.2e  %8.3f  %9s  %s%n", r.start(),
                r.initScale(), r.relativeGap(), r.classification(), r.directions(), r.iterations(), r.evaluations(),
                r.gradientNorm(), r.seconds(), Double.isNaN(r.secondsToGap()) ? "-" : String.format("%.3f", r.secondsToGap()),
                r.stop()));
        }
        b.append('\n');
        StringBuilder c = new StringBuilder();
        for (Map.Entry<StartClass, Integer> e : result.counts().entrySet()) {
            if (e.getValue() > 0) {
                c.append(c.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
        }
        b.append(String.format("counts: %s; fraction reaching a global minimizer (value and direction count): %.3f%n", c,
            result.globalFraction()));
        for (RunSummary r : result.runs()) {
            if (r.nearDegenerateLocalMinimum()) {
                b.append(String.format("start %d: a near-degenerate local minimum: gap %.2e but %d directions where global"
                    + " minimizers have %s%n", r.start(), r.relativeGap(), r.directions(), r.count().admissible()));
            } else if (r.count().ambiguous() && r.classification() == StartClass.UNRESOLVED) {
                b.append(String.format("start %d: direction count unresolved: %s%n", r.start(), r.count().ambiguity()));
            }
        }
        if (result.best() == null) {
            b.append("no run ended at a finite value\n");
            return b.toString();
        }
        b.append(String.format("best run: start %d (%s, gap %.2e, ||grad f|| = %.2e); its claims (tolerances from the gradient):%n",
            result.bestIndex(), result.best().classification(), result.best().relativeGap(), result.best().gradientNorm()));
        if (!result.bestIsGlobal()) {
            b.append("no run reached a global minimizer (value and direction count): the claims judge a point that is not one\n");
        }
        b.append('\n');
        b.append(Verdicts.table(verdicts));
        b.append(String.format("%n(claims judged at %d digits in %.2f s)%n", cf.precision().digits(), claimSeconds));
        if (polished != null) {
            b.append(polished.text());
        }
        return b.toString();
    }
}
