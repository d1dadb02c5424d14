package org.ncverify.results;

import java.util.function.ToDoubleFunction;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ncverify.claims.Status;
import org.ncverify.external.ExternalPoint;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.metrics.CollapseMetrics;

/**
 * The text layout of {@code check}: the point's arrays, the closed form of the same instance, the
 * objective gap and the gradient, b against n/N, the spectrum of W_L...W_1 X against p*(s_i)
 * direction by direction, the verdicts and the neural-collapse metrics beside the theory's values.
 */
final class CheckText {
    private static final int DIGITS = 12;

    private CheckText() {
    }

    static String render(CheckResult r) {
        ExternalPoint x = r.point();
        Instance inst = r.instance();
        StringBuilder b = new StringBuilder();
        b.append("ncverify check ").append(x.flags()).append(" --digits ").append(r.precision().digits()).append('\n');
        b.append("arrays: ").append(x.dtypes()).append(x.grouped() ? "" : " (columns regrouped by label)")
            .append(x.ignored().isEmpty() ? "" : "; ignored: " + String.join(", ", x.ignored())).append('\n');
        b.append(String.format("K = %d, N = %d, d = %d, L = %d, bottleneck r = %d, surviving directions (theory) = %d%n",
            inst.classes(), inst.total(), inst.dim(), inst.depth(), inst.bottleneck(), r.survivingDirections()));
        b.append("closed form: f* = ").append(fmt(r.objective())).append("   s_crit = ").append(fmt(r.threshold()))
            .append("   lambda_bar = ").append(fmt(r.lambdaBar())).append("\n\n");
        b.append("f(point) = ").append(fmt(r.value())).append("   relative gap (f - f*)/f* = ")
            .append(sci(r.gap())).append("   ||grad f|| = ").append(sci(r.gradientNorm())).append("\n\n");
        b.append(String.format("%5s  %-18s  %-18s  %s%n", "class", "b_k (point)", "n_k/N", "b_k - n_k/N"));
        for (int k = 0; k < r.bias().size(); k++) {
            CheckResult.BiasRow row = r.bias().get(k);
            b.append(String.format("%5d  %-18s  %-18s  %s%n", k, fmt(row.measured()), fmt(row.target()),
                sci(r.precision().helper().subtract(row.measured(), row.target()))));
        }
        b.append(String.format("%nspectrum of W_L...W_1 X (point, double SVD) against p*(s_i):%n"));
        b.append(String.format("%4s  %-18s  %-18s  %-18s  %-10s  %s%n", "i", "s_i", "p*(s_i)", "sigma_i (point)",
            "difference", "theory"));
        for (int i = 0; i < r.spectrum().size(); i++) {
            CheckResult.DirectionRow row = r.spectrum().get(i);
            b.append(String.format("%4d  %-18s  %-18s  %-18.12g  %-10.2e  %s%n", i + 1, fmt(row.singularValue()),
                fmt(row.predicted()), row.measured(), row.measured() - row.predicted().doubleValue(),
                row.surviving() ? "surviving" : "collapsed"));
        }
        b.append('\n').append(TextRenderer.table(r.verdicts()));
        r.verdicts().stream().filter(v -> v.status() == Status.FAIL && v.tolerance() != null
                && v.tolerance().origin().startsWith("rounded-minimizer")).findFirst()
            .ifPresent(v -> b.append("FAIL: not a global minimizer stored in its file's precision: where the curvature"
                + " rule bounds no distance, these residuals exceed ").append(v.tolerance().origin()
                .replace("rounded-minimizer rule: ", "")).append('\n'));
        b.append(String.format("%s%n%n", Verdicts.summary(r.verdicts())));
        b.append(metrics(r.measured(), r.predicted()));
        b.append(String.format("%n(judged at %d digits against the closed form; %.2f s)%n", r.precision().digits(),
            r.seconds()));
        return b.toString();
    }

    private static String metrics(CollapseMetrics m, CollapseMetrics p) {
        StringBuilder b = new StringBuilder("neural-collapse metrics (double precision; theory = the closed-form minimizer"
            + " of this instance; balanced ETF = what balanced-data intuition expects):\n");
        b.append(String.format("%-46s  %-12s  %-12s  %s%n", "metric", "point", "theory", "balanced ETF"));
        row(b, "NC1 tr(Sigma_W Sigma_B^+)/K", m, p, CollapseMetrics::nc1);
        row(b, "NC2 equinorm std/avg ||mu_k - mu_G||", m, p, CollapseMetrics::equinorm);
        row(b, "NC2 equiangularity std cos", m, p, CollapseMetrics::equiangular);
        row(b, "NC2 avg |cos + 1/(K-1)|", m, p, CollapseMetrics::maxAngle);
        row(b, "NC3 self-duality ||W^T/|W| - Mbar/|Mbar|||^2", m, p, CollapseMetrics::selfDuality);
        b.append(String.format("%-46s  %-12d  %-12d  %s%n", "rank of Sigma_B", m.rankSigmaB(), p.rankSigmaB(), "K - 1"));
        return b.toString();
    }

    private static void row(StringBuilder b, String name, CollapseMetrics m, CollapseMetrics p,
                            ToDoubleFunction<CollapseMetrics> f) {
        b.append(String.format("%-46s  %-12s  %-12s  %s%n", name, num(f.applyAsDouble(m)), num(f.applyAsDouble(p)), "0"));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "undefined" : String.format("%.3e", v);
    }

    private static String fmt(Apfloat x) {
        return Precision.format(x, DIGITS);
    }

    private static String sci(Apfloat x) {
        return x.signum() == 0 ? "0" : (x.signum() < 0 ? "-" : "") + Precision.formatScientific(ApfloatMath.abs(x), 3);
    }
}
