package org.ncverify.runs;

import java.util.Arrays;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.optim.LbfgsOptions;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * The commands of issue 9's table, rebuilt from their flags: {@code ./ncverify optimize --sizes ...
 * --dim d --depth L --lambda-w ... --lambda-h ... --seed S --starts 6} (default --init-scale 1,
 * --max-iterations 20000).
 */
final class RunTable {
    private RunTable() {
    }

    /** The instance of --sizes, --dim, --depth, --lambda-w (one value or L, comma-separated), --lambda-h. */
    static Instance instance(String sizes, int dim, int depth, String lambdaW, String lambdaH) {
        long[] n = Arrays.stream(sizes.split(",")).mapToLong(Long::parseLong).toArray();
        Aprational[] w = Arrays.stream(lambdaW.split(",")).map(Instances::dec).toArray(Aprational[]::new);
        return Instance.of(n, dim, null, depth, w, Instances.dec(lambdaH));
    }

    /** The closed form at 30 digits (classification needs f* and the branches only). */
    static ClosedForm reference(Instance inst) {
        return ClosedForm.of(inst, Precision.of(30));
    }

    /** optimize --starts 6 --seed seed, as the CLI runs it. */
    static MultiStartResult optimize(ClosedForm cf, long seed) {
        return new MultiStart(6, seed, new double[] {1.0}, LbfgsOptions.defaults(20000)).run(cf);
    }
}
