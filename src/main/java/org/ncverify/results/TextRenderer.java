package org.ncverify.results;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.apfloat.Apfloat;
import org.ncverify.claims.Reading;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.polish.PolishResult;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;

/**
 * The readable layout: a header naming the instance, the tables (spectrum, runs, verdicts) and
 * a closing line. The first line is the command line that reruns the job (given by the CLI).
 * Decimal values are shown to min(20, P) significant digits, in plain notation while their
 * decimal exponent e (x = m 10^e, 1 &lt;= |m| &lt; 10) has |e| &lt;= {@link #PLAIN_EXPONENT}
 * and in scientific notation beyond ("1.5e400", not 400 digits); residuals and tolerances to 3
 * (the JSON layout carries all digits). In the verdict table the reading column
 * of a NOT_APPLICABLE or INCONCLUSIVE verdict holds its reason; the readings of C5-C7 are
 * indented below their claim.
 */
public final class TextRenderer implements Renderer {
    /** Significant digits of the decimal values shown in text. */
    public static final int TEXT_DIGITS = 20;
    /** Largest |decimal exponent| printed in plain notation. */
    public static final int PLAIN_EXPONENT = 12;
    private static final String ROW = "%-4s  %-15s  %-10s  %-10s  %s%n";

    private final String command;

    /** The header reconstructed from the result ({@link #defaultCommand}); the CLI passes its own. */
    public TextRenderer() {
        this(null);
    }

    /** @param command the command line that reruns the job, printed as the first line (null: {@link #defaultCommand}) */
    public TextRenderer(String command) {
        this.command = command;
    }

    /**
     * "ncverify TYPE --sizes ... --digits P": the instance and the digits of a result, what a
     * renderer prints when it was given no command line (options beyond these are not known here).
     */
    public static String defaultCommand(String type, Instance inst, int digits) {
        return "ncverify " + type + " " + inst.describe() + " --digits " + digits;
    }

    /** {@link #defaultCommand(String, Instance, int)} with the --rotation-seed and --claims a verify result records. */
    public static String defaultCommand(VerifyResult r) {
        return defaultCommand("verify", r.instance(), r.precision().digits())
            + (r.frameSeed().isPresent() ? " --rotation-seed " + r.frameSeed().getAsLong() : "")
            + (r.wholeCatalogue() ? "" : " --claims " + String.join(",", r.claimIds()));
    }

    private String header(String type, Instance inst, int digits) {
        return (command != null ? command : defaultCommand(type, inst, digits)) + "\n";
    }

    @Override
    public String solve(SolveResult r) {
        Instance inst = r.instance();
        int digits = r.precision().digits();
        StringBuilder b = new StringBuilder();
        b.append(header("solve", inst, digits));
        b.append(sizes(inst, r.survivingDirections()));
        b.append(String.format("lambda_bar = %s   s_crit = %s%n%n", fmt(r.lambdaBar(), digits), fmt(r.threshold(), digits)));
        b.append(String.format("%4s  %-24s  %-25s  %-24s  %s%n", "i", "s_i", "[n_(i+1), n_(i)]", "p*(s_i)", "status"));
        for (int i = 0; i < r.spectrum().size(); i++) {
            SpectrumRow row = r.spectrum().get(i);
            String status = (row.surviving() ? "surviving" : "collapsed") + (row.beyondBottleneck() ? " (beyond r)" : "")
                + (row.atThreshold() ? " (at s_crit)" : "");
            b.append(String.format("%4d  %-24s  %-25s  %-24s  %s%n", i + 1, fmt(row.singularValue(), digits),
                "[" + row.lower() + ", " + row.upper() + "]", fmt(row.solution().p(), digits), status));
        }
        b.append('\n').append("f* = ").append(fmt(r.objective(), digits)).append('\n');
        b.append("b* = n/N = [");
        for (int k = 0; k < r.bias().size(); k++) {
            b.append(k == 0 ? "" : ", ").append(fmt(r.bias().get(k), digits));
        }
        b.append("]\n\n");
        b.append(table(r.verdicts()));
        b.append(String.format("%n(%d digits computed; shown to %d; --format json prints all. %.2f s)%n",
            digits, Math.min(TEXT_DIGITS, digits), r.seconds()));
        return b.toString();
    }

    @Override
    public String verify(VerifyResult r) {
        Instance inst = r.instance();
        StringBuilder b = new StringBuilder();
        b.append(command != null ? command : defaultCommand(r)).append('\n');
        b.append(sizes(inst, r.survivingDirections())).append('\n');
        b.append(table(r.verdicts()));
        b.append(String.format("%n%s (%.2f s)%n", Verdicts.summary(r.verdicts()), r.seconds()));
        return b.toString();
    }

    @Override
    public String optimize(OptimizeResult r) {
        Instance inst = r.instance();
        StringBuilder b = new StringBuilder();
        b.append(header("optimize", inst, r.precision().digits()));
        b.append(String.format("K = %d, N = %d, L = %d, variables = %d, surviving directions (theory) = %d"
                + " (global minimizers have %s)%n", inst.classes(), inst.total(), inst.depth(), r.variables(),
            r.survivingDirections(), r.admissibleCounts()));
        b.append("f* = ").append(fmt(r.objective(), TEXT_DIGITS)).append("\n\n");
        b.append(String.format("%5s  %6s  %9s  %-16s  %2s  %10s  %9s  %9s  %8s  %9s  %s%n", "start", "scale", "final gap",
            "class", "k", "iterations", "evals", "||grad||", "seconds", "to 1e-10", "stop"));
        for (RunSummary run : r.runs()) {
            b.append(String.format("%5d  %6.3g  %9.2e  %-16s  %2d  %10d  %9d  %9.2e  %8.3f  %9s  %s%n", run.start(),
                run.initScale(), run.relativeGap(), run.classification(), run.directions(), run.iterations(),
                run.evaluations(), run.gradientNorm(), run.seconds(),
                Double.isNaN(run.secondsToGap()) ? "-" : String.format("%.3f", run.secondsToGap()), run.stop()));
        }
        b.append('\n');
        StringBuilder c = new StringBuilder();
        for (Map.Entry<StartClass, Integer> e : r.counts().entrySet()) {
            if (e.getValue() > 0) {
                c.append(c.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
        }
        b.append(String.format("counts: %s; fraction reaching a global minimizer (value and direction count): %.3f%n", c,
            r.globalFraction()));
        for (RunSummary run : r.runs()) {
            if (run.nearDegenerateLocalMinimum()) {
                b.append(String.format("start %d: a near-degenerate local minimum: gap %.2e but %d directions where global"
                    + " minimizers have %s%n", run.start(), run.relativeGap(), run.directions(), run.count().admissible()));
            } else if (run.count().ambiguous() && run.classification() == StartClass.UNRESOLVED) {
                b.append(String.format("start %d: direction count unresolved: %s%n", run.start(), run.count().ambiguity()));
            }
        }
        RunSummary best = r.best();
        if (best == null) {
            return b.append("no run ended at a finite value\n").toString();
        }
        b.append(String.format("best run: start %d (%s, gap %.2e, ||grad f|| = %.2e); its claims (tolerances from the gradient"
            + " and the curvature):%n", r.bestIndex(), best.classification(), best.relativeGap(), best.gradientNorm()));
        if (!r.bestIsGlobal()) {
            b.append("no run reached a global minimizer (value and direction count): the claims judge a point that is not one\n");
        }
        b.append('\n');
        b.append(table(r.verdicts()));
        b.append(String.format("%n(claims judged at %d digits in %.2f s)%n", r.precision().digits(), r.claimSeconds()));
        r.polish().ifPresent(p -> b.append(polish(p)));
        return b.toString();
    }

    @Override
    public String check(CheckResult r) {
        return CheckText.render(r);
    }

    /** The verdicts as a table with a header line. */
    public static String table(List<Verdict> verdicts) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(ROW, "id", "status", "residual", "tolerance", "reading"));
        for (Verdict v : verdicts) {
            b.append(String.format(ROW, v.claimId(), v.status(), v.residualText(), v.toleranceText(), readingColumn(v)));
            for (Reading r : v.readings()) {
                b.append(String.format(ROW, "", "  " + r.status(), r.residualText(), r.toleranceText(),
                    "(" + r.name() + ") " + r.note()));
            }
        }
        // each distinct reason of the INCONCLUSIVE verdicts once, below the table (the measured detail is in JSON)
        Set<String> reasons = new LinkedHashSet<>();
        for (Verdict v : verdicts) {
            if (v.status() == Status.INCONCLUSIVE) {
                reasons.add(reason(v));
            }
        }
        reasons.forEach(r -> b.append("INCONCLUSIVE: ").append(r).append(String.format("%n")));
        return b.toString();
    }

    /** The reason of an INCONCLUSIVE verdict without its measured detail. */
    static String reason(Verdict v) {
        int cut = v.detail().indexOf(" (measured");
        return cut < 0 ? v.detail() : v.detail().substring(0, cut);
    }

    /**
     * The reading, or the reason of a NOT_APPLICABLE verdict (its detail); an INCONCLUSIVE
     * verdict shows its reading, its reason follows the table once.
     */
    static String readingColumn(Verdict v) {
        return v.status() == Status.NOT_APPLICABLE ? v.detail() : v.reading();
    }

    private static String polish(PolishSummary p) {
        PolishResult result = p.result();
        StringBuilder b = new StringBuilder();
        b.append(String.format("%npolish of the best run at %d digits: %s after %d Newton steps, %d Hessian-vector products,"
                + " %.2f s%n", result.precision().digits(), result.stop(), result.iterations(), result.hessianProducts(),
            result.wallTime().toNanos() / 1e9));
        b.append(String.format("||grad f|| = %s (relative %s); digits matching the closed form: f %d, W_L...W_1 X %d,"
                + " (W_L...W_1)(W_L...W_1)^T %d, X^T X %d%n", Precision.formatScientific(result.gradientNorm(), 3),
            Precision.formatScientific(result.relativeGradientNorm(), 3), p.valueDigits(), p.productDigits(),
            p.weightGramDigits(), p.featureGramDigits()));
        PolishResult pr = p.result();
        b.append(String.format("observed rate %.3g, smallest curvature seen %s, %d extrapolated steps%n",
            pr.convergenceRate(), pr.smallestCurvature() == null ? "-" : Precision.formatScientific(pr.smallestCurvature(), 2),
            pr.extrapolatedSteps()));
        b.append(String.format("claims on the polished point (at %d digits, curvature rule):%n%n", p.candidateDigits()));
        b.append(table(p.verdicts()));
        return b.toString();
    }

    private static String sizes(Instance inst, int surviving) {
        return String.format("K = %d, N = %d, L = %d, bottleneck r = %d, surviving directions (p* > 0) = %d%n",
            inst.classes(), inst.total(), inst.depth(), inst.bottleneck(), surviving);
    }

    /** x to min(20, digits) significant digits: plain while |decimal exponent| &lt;= {@link #PLAIN_EXPONENT}, else scientific. */
    static String fmt(Apfloat x, int digits) {
        int sig = Math.min(TEXT_DIGITS, digits);
        if (x.signum() != 0 && Math.abs(x.scale() - 1) > PLAIN_EXPONENT) {
            return Precision.formatScientific(x, sig);
        }
        return Precision.format(x, sig);
    }
}
