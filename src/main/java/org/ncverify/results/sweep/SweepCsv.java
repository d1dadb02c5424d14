package org.ncverify.results.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apfloat.Apfloat;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;

/**
 * The CSV layout of a sweep (RFC 4180, no field needs quoting): one header line, then one line
 * per point in point order. Columns, units in brackets (a column without brackets is a pure
 * number or a count):
 *
 * <ol>
 * <li>{@code index}: the point's position in the sweep (0-based);</li>
 * <li>one column per axis of the grid, in {@link Axis} order, named by {@link #axisColumn}
 *     ({@code classes}, {@code n_max[samples]}, {@code imbalance[n_max/n_min]}, {@code dim},
 *     {@code depth}, {@code width}, {@code lambda_W}, {@code lambda_H}): the exact swept value;</li>
 * <li>{@code K}, {@code N[samples]}, {@code n_min[samples]}, {@code sizes[samples]} (n_1..n_K
 *     separated by ';'), {@code r} (the bottleneck min(K, d, d_1, ...));</li>
 * <li>{@code surviving_directions} (the count of i with p*(s_i) &gt; 0),
 *     {@code s_crit[sqrt(samples)]} (a singular value of Yhat = (I - n 1^T/N) diag(sqrt n)),
 *     {@code f_star} (the optimal value of the objective), both to P significant digits in
 *     scientific notation;</li>
 * <li>per judged claim C: {@code C_status} (PASS, FAIL, NOT_APPLICABLE, INCONCLUSIVE),
 *     {@code C_residual} and {@code C_tolerance} (the claim's own residual and tolerance, 6
 *     significant digits; empty when the claim was not measured).</li>
 * </ol>
 */
public final class SweepCsv {
    /** Significant digits of residuals and tolerances. */
    static final int RESIDUAL_DIGITS = 6;

    private SweepCsv() {
    }

    /** The header line for a grid whose rows judge {@code claims}. */
    public static String header(SweepGrid grid, List<Claim> claims) {
        List<String> cols = new ArrayList<>();
        cols.add("index");
        grid.axes().forEach(a -> cols.add(axisColumn(a)));
        cols.addAll(List.of("K", "N[samples]", "n_min[samples]", "sizes[samples]", "r", "surviving_directions",
            "s_crit[sqrt(samples)]", "f_star"));
        for (Claim c : claims) {
            cols.addAll(List.of(c.id() + "_status", c.id() + "_residual", c.id() + "_tolerance"));
        }
        return String.join(",", cols);
    }

    /** The column name of an axis, with its unit. */
    static String axisColumn(Axis a) {
        return switch (a) {
            case N_MAX -> "n_max[samples]";
            case IMBALANCE -> "imbalance[n_max/n_min]";
            case LAMBDA_W -> "lambda_W";
            case LAMBDA_H -> "lambda_H";
            default -> a.key();
        };
    }

    /** The line of one row (no line terminator). */
    public static String line(SweepRow row) {
        Instance inst = row.point().instance();
        Precision p = row.precision();
        List<String> f = new ArrayList<>();
        f.add(Long.toString(row.point().index()));
        for (BigDecimal v : row.point().parameters().values()) {
            f.add(Range.format(v));
        }
        long[] n = inst.sizes();
        f.add(Integer.toString(inst.classes()));
        f.add(Long.toString(inst.total()));
        f.add(Long.toString(Arrays.stream(n).min().orElseThrow()));
        f.add(Arrays.stream(n).mapToObj(Long::toString).collect(Collectors.joining(";")));
        f.add(Integer.toString(inst.bottleneck()));
        f.add(Integer.toString(row.survivingDirections()));
        f.add(Precision.formatScientific(row.sCrit(), p.digits()));
        f.add(Precision.formatScientific(row.fStar(), p.digits()));
        for (Verdict v : row.verdicts()) {
            f.add(v.status().name());
            f.add(number(v.residual()));
            Tolerance t = v.tolerance();
            f.add(t == null ? "" : number(t.value()));
        }
        return String.join(",", f);
    }

    private static String number(Apfloat x) {
        return x == null ? "" : Precision.formatScientific(x, RESIDUAL_DIGITS);
    }
}
