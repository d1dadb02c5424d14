package org.ncverify.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apfloat.Apfloat;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.ScalarSolution;

/**
 * The result of {@code solve} as JSON (the SPEC section 7 contract: singularValues,
 * productSingularValues, objective, bias, threshold, claims) or as a readable table.
 * Every decimal string is rounded to P significant digits, "0" for an exact zero.
 */
final class SolveOutput {
    private static final int TEXT_DIGITS = 20;
    private final ClosedForm cf;
    private final List<Verdict> verdicts;
    private final double seconds;

    SolveOutput(ClosedForm cf, List<Verdict> verdicts, double seconds) {
        this.cf = cf;
        this.verdicts = verdicts;
        this.seconds = seconds;
    }

    String json() {
        ObjectNode root = Json.root();
        Precision p = cf.precision();
        Json.instance(root, cf.instance());
        Instance inst = cf.instance();
        root.put("digits", p.digits());
        root.put("rank", inst.bottleneck());
        root.put("bottleneck", inst.bottleneck());
        root.put("survivingDirections", cf.survivingDirections());
        YhatSpectrum sp = cf.spectrum();
        ArrayNode s = root.putArray("singularValues");
        ArrayNode ps = root.putArray("productSingularValues");
        ArrayNode branches = root.putArray("branches");
        ArrayNode intervals = root.putArray("interlacingIntervals");
        for (int i = 0; i < sp.size(); i++) {
            ScalarSolution x = cf.solutions().get(i);
            s.add(p.format(sp.singularValue(i)));
            ps.add(p.format(x.p()));
            branches.add(x.branch().name());
            long[] iv = sp.interlacingInterval(i);
            intervals.addArray().add(iv[0]).add(iv[1]);
        }
        root.put("objective", p.format(cf.objective()));
        ArrayNode bias = root.putArray("bias");
        for (Apfloat b : cf.bias()) {
            bias.add(p.format(b));
        }
        root.put("threshold", p.format(cf.threshold()));
        root.put("lambdaBar", p.format(cf.law().lambdaBar()));
        ArrayNode claims = root.putArray("claims");
        Verdicts.json(claims, verdicts);
        root.put("seconds", Math.round(seconds * 1000) / 1000.0);
        return Json.text(root);
    }

    String text() {
        Precision p = cf.precision();
        Instance inst = cf.instance();
        YhatSpectrum sp = cf.spectrum();
        StringBuilder b = new StringBuilder();
        b.append("ncverify solve ").append(inst.describe()).append(" --digits ").append(p.digits()).append('\n');
        b.append(String.format("K = %d, N = %d, L = %d, bottleneck r = %d, surviving directions (p* > 0) = %d%n",
            inst.classes(), inst.total(), inst.depth(), inst.bottleneck(), cf.survivingDirections()));
        b.append(String.format("lambda_bar = %s   s_crit = %s%n%n", fmt(cf.law().lambdaBar()), fmt(cf.threshold())));
        b.append(String.format("%4s  %-24s  %-25s  %-24s  %s%n", "i", "s_i", "[n_(i+1), n_(i)]", "p*(s_i)", "status"));
        for (int i = 0; i < sp.size(); i++) {
            ScalarSolution x = cf.solutions().get(i);
            long[] iv = sp.interlacingInterval(i);
            String status = x.p().signum() > 0 ? "surviving" : "collapsed";
            if (i >= inst.bottleneck()) {
                status += " (beyond r)";
            }
            if (x.branch() == org.ncverify.theory.Branch.AT_THRESHOLD) {
                status += " (at s_crit)";
            }
            b.append(String.format("%4d  %-24s  %-25s  %-24s  %s%n", i + 1, fmt(sp.singularValue(i)),
                "[" + iv[0] + ", " + iv[1] + "]", fmt(x.p()), status));
        }
        b.append('\n').append("f* = ").append(fmt(cf.objective())).append('\n');
        b.append("b* = n/N = [");
        Apfloat[] bias = cf.bias();
        for (int k = 0; k < bias.length; k++) {
            b.append(k == 0 ? "" : ", ").append(fmt(bias[k]));
        }
        b.append("]\n\n");
        b.append(Verdicts.table(verdicts));
        b.append(String.format("%n(%d digits computed; shown to %d; --format json prints all. %.2f s)%n",
            p.digits(), Math.min(TEXT_DIGITS, p.digits()), seconds));
        return b.toString();
    }

    private String fmt(Apfloat x) {
        return Precision.format(x, Math.min(TEXT_DIGITS, cf.precision().digits()));
    }
}
