package org.ncverify.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apfloat.Aprational;
import org.ncverify.claims.Catalogue;
import org.ncverify.external.ExternalPoint;
import org.ncverify.external.PointFile;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.npy.NpyArray;
import org.ncverify.npy.Npz;
import org.ncverify.results.CheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ncverify check --point FILE.npz --lambda-w ... --lambda-h ...}: a point produced anywhere
 * (H, W1..WL, b, optional labels in a NumPy file, {@link PointFile}) judged against the closed-form
 * minimizer of its instance: claims C1-C11 with tolerances from its own gradient norm (the curvature
 * rule of an optimizer's point, INCONCLUSIVE where it cannot bound the distance), the objective gap,
 * b against n/N, the spectrum of W_L...W_1 X against p*(s_i) and the neural-collapse metrics beside
 * the theory's values. Exit 0 when nothing FAILs, 1 when something does, 2 on bad input (one line
 * naming the array or the flag).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Judge a point from a NumPy file (H, W1..WL, b, labels) against the closed-form minimizer of its instance.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:no claim FAILs (PASS, NOT_APPLICABLE or INCONCLUSIVE)", "1:some claim FAILs", "2:bad input",
        "70:internal error"})
public final class CheckCommand implements Callable<Integer> {
    /** The claims judged on a point from outside: everything about a point (C12 needs equal sizes, C13 optimizer runs). */
    static final List<String> CLAIMS = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11");
    /** Largest d * N judged: every feature column enters the high-precision objective and gradient. */
    static final long MAX_ENTRIES = 2_000_000L;

    @Option(names = "--point", required = true, paramLabel = "FILE",
        description = "an .npz (numpy.savez), a .npy, or a directory of .npy files holding H, W1..WL, b and optionally labels")
    Path point;

    @Option(names = "--features-rows", description = "H is stored N x d (PyTorch's layout) instead of d x N")
    boolean featuresRows;

    @Option(names = "--sizes", paramLabel = "n1,n2,...",
        description = "class sizes (needed when the file has no labels; must agree with them otherwise)")
    String sizes;

    @Option(names = "--lambda-w", required = true, paramLabel = "lw", description = "weight decay of the layers: one value, or L values (W_1 first)")
    String lambdaW;

    @Option(names = "--lambda-h", required = true, paramLabel = "lh", description = "weight decay of the features")
    String lambdaH;

    @Option(names = "--digits", defaultValue = "30", paramLabel = "P",
        description = "digits of the judgement, " + Precision.MIN_DIGITS + ".." + Precision.MAX_DIGITS + " (default ${DEFAULT-VALUE})")
    String digits;

    @Mixin
    FormatOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        output.format();
        Precision precision = precision();
        String[] lw = lambdaW.split(",", -1);
        Aprational[] lws = new Aprational[lw.length];
        for (int i = 0; i < lw.length; i++) {
            lws[i] = Rationals.parseDecimal(lw.length == 1 ? "--lambda-w" : "--lambda-w[" + i + "]", lw[i].trim());
        }
        Aprational lh = Rationals.parseDecimal("--lambda-h", lambdaH);
        long[] n = sizes == null ? null : InstanceOptions.parseLongs("--sizes", sizes);
        Map<String, NpyArray> arrays = Npz.read(point);
        NpyArray h = arrays.get("H");
        if (h != null && h.ndim() == 2 && (long) h.shape()[0] * h.shape()[1] > MAX_ENTRIES) {
            throw new InputException("H", ": shape " + h.shapeText() + " has more than " + MAX_ENTRIES
                + " entries (check evaluates every column at high precision)");
        }
        ExternalPoint x = PointFile.read(point.toString(), arrays, featuresRows, n, lws, lh, precision);
        if (x.instance().classes() > SolveCommand.MAX_CLASSES) {
            throw new InputException("W" + x.instance().depth(), ": K = " + x.instance().classes()
                + " rows: check supports K <= " + SolveCommand.MAX_CLASSES);
        }
        return output.print(spec, CheckResult.compute(x, precision, Catalogue.of(CLAIMS)));
    }

    private Precision precision() {
        return InstanceOptions.precision(digits);
    }
}
